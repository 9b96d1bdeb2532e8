using DeepClustering.Refiners.Dec;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Refiners.Dec;

/// <summary>DEC eq. 3, the auxiliary target distribution.</summary>
public sealed class TargetDistributionTests
{
    [Fact]
    public void Balanced_clusters_by_hand()
    {
        // Q = [[0.8, 0.2], [0.2, 0.8]]: f = (1, 1), so p_i ∝ q_i²: row 0 → (0.64, 0.04) / 0.68 = (16/17, 1/17).
        var p = new float[4];
        TargetDistribution.Compute([0.8f, 0.2f, 0.2f, 0.8f], clusters: 2, p);
        Assert.Equal(16.0 / 17, p[0], 1e-7);
        Assert.Equal(1.0 / 17, p[1], 1e-7);
        Assert.Equal(1.0 / 17, p[2], 1e-7);
        Assert.Equal(16.0 / 17, p[3], 1e-7);
    }

    [Fact]
    public void The_frequencies_favour_the_smaller_cluster_by_hand()
    {
        // Q = [[0.5, 0.5], [1, 0]]: f = (1.5, 0.5). Row 0: (0.25/1.5, 0.25/0.5) = (1/6, 1/2) → (1/4, 3/4), pulled towards the
        // smaller cluster 1. Row 1: (1/1.5, 0) → (1, 0).
        var p = new float[4];
        TargetDistribution.Compute([0.5f, 0.5f, 1f, 0f], clusters: 2, p);
        Assert.Equal(0.25, p[0], 1e-7);
        Assert.Equal(0.75, p[1], 1e-7);
        Assert.Equal(1.0, p[2], 1e-7);
        Assert.Equal(0.0, p[3]);
    }

    [Fact]
    public void Three_clusters_by_hand()
    {
        // Q = [[0.6, 0.3, 0.1], [0.2, 0.2, 0.6]]: f = (0.8, 0.5, 0.7).
        // Row 0 weights: 0.36/0.8 = 0.45, 0.09/0.5 = 0.18, 0.01/0.7 = 1/70; sum 0.63 + 1/70 = 0.6442857…
        var p = new float[6];
        TargetDistribution.Compute([0.6f, 0.3f, 0.1f, 0.2f, 0.2f, 0.6f], clusters: 3, p);
        double sum0 = 0.45 + 0.18 + 1.0 / 70;
        Assert.Equal(0.45 / sum0, p[0], 1e-7);
        Assert.Equal(0.18 / sum0, p[1], 1e-7);
        Assert.Equal(1.0 / 70 / sum0, p[2], 1e-7);
        // Row 1 weights: 0.04/0.8 = 0.05, 0.04/0.5 = 0.08, 0.36/0.7 = 18/35.
        double sum1 = 0.05 + 0.08 + 18.0 / 35;
        Assert.Equal(0.05 / sum1, p[3], 1e-7);
        Assert.Equal(0.08 / sum1, p[4], 1e-7);
        Assert.Equal(18.0 / 35 / sum1, p[5], 1e-7);
    }

    [Theory]
    [MemberData(nameof(DecGoldenCase.Indices), MemberType = typeof(DecGoldenCase))]
    public void Matches_the_PyTorch_reference(int index)
    {
        var c = DecGoldenCase.Load()[index];
        var q = c.Q.Select(v => (float)v).ToArray();
        var p = new float[q.Length];
        TargetDistribution.Compute(q, c.K, p);
        // The reference works on the double Q; ours on Q rounded to float32 (6e-8 relative), which P roughly doubles.
        DecAssert.Close(c.P, p, absolute: 1e-8, relative: 5e-7, $"p ({c})");
    }

    [Fact]
    public void Rows_sum_to_one_and_each_row_is_sharpened_where_its_cluster_is_the_smallest()
    {
        // Proof of the sharpening: let m = argmax_j q_ij with f_m ≤ f_j for all j. Then Σ_j q_ij²/f_j ≤ Σ_j q_ij·q_im/f_m =
        // q_im/f_m, so p_im = (q_im²/f_m) / Σ_j q_ij²/f_j ≥ q_im. With equal frequencies this holds for every row.
        var random = new RandomGenerator(3);
        const int n = 300, k = 3, d = 2;
        var z = StudentTAssignmentTests.Normal(random, n * d, 1f);
        var mu = StudentTAssignmentTests.Normal(random, k * d, 1.5f);
        var q = new float[n * k];
        StudentTAssignment.Compute(z, mu, d, 1.0, q);
        var p = new float[n * k];
        TargetDistribution.Compute(q, k, p);
        var frequencies = new double[k];
        TargetDistribution.ClusterFrequencies(q, k, frequencies);
        int smallest = Array.IndexOf(frequencies, frequencies.Min());
        int checkedRows = 0;
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(1.0, p.AsSpan(i * k, k).ToArray().Sum(v => (double)v), 1e-6);
            int m = HardLabels.FromAssignments(q.AsSpan(i * k, k), k)[0];
            if (m == smallest)
            {
                Assert.True(p[i * k + m] >= q[i * k + m] * (1 - 1e-6), $"Row {i}: p = {p[i * k + m]} < q = {q[i * k + m]}.");
                checkedRows++;
            }
        }

        Assert.True(checkedRows >= 20, $"Only {checkedRows} rows had the smallest cluster as their argmax.");
    }

    [Fact]
    public void Equal_frequencies_sharpen_every_row()
    {
        // Rows (a, b, c) and their cyclic shifts give every cluster the same frequency.
        var random = new RandomGenerator(5);
        var q = new List<float>();
        for (int r = 0; r < 30; r++)
        {
            double a = random.NextDouble() + 0.01, b = random.NextDouble() + 0.01, c = random.NextDouble() + 0.01, s = a + b + c;
            float[] row = [(float)(a / s), (float)(b / s), (float)(c / s)];
            for (int shift = 0; shift < 3; shift++)
            {
                q.AddRange([row[shift % 3], row[(shift + 1) % 3], row[(shift + 2) % 3]]);
            }
        }

        var p = new float[q.Count];
        TargetDistribution.Compute(q.ToArray(), 3, p);
        for (int i = 0; i < q.Count / 3; i++)
        {
            float maxQ = Math.Max(q[3 * i], Math.Max(q[3 * i + 1], q[3 * i + 2]));
            float maxP = Math.Max(p[3 * i], Math.Max(p[3 * i + 1], p[3 * i + 2]));
            Assert.True(maxP >= maxQ * (1 - 1e-6), $"Row {i}: max p = {maxP} < max q = {maxQ}.");
        }
    }

    [Fact]
    public void The_frequencies_are_those_of_all_rows_passed_not_of_a_batch()
    {
        // Rows of P over the whole Q differ from the P of a two-row slice, whose frequencies are the slice's.
        float[] q = [0.9f, 0.1f, 0.6f, 0.4f, 0.1f, 0.9f, 0.2f, 0.8f, 0.3f, 0.7f];
        var whole = new float[q.Length];
        TargetDistribution.Compute(q, 2, whole);
        var slice = new float[4];
        TargetDistribution.Compute(q.AsSpan(0, 4), 2, slice);
        // Whole: f = (2.1, 2.9); row 1 weights (0.36/2.1, 0.16/2.9). Slice: f = (1.5, 0.5); row 1 weights (0.36/1.5, 0.16/0.5).
        double w0 = 0.36 / 2.1, w1 = 0.16 / 2.9;
        Assert.Equal(w0 / (w0 + w1), whole[2], 1e-7);
        double s0 = 0.36 / 1.5, s1 = 0.16 / 0.5;
        Assert.Equal(s0 / (s0 + s1), slice[2], 1e-7);
        Assert.NotEqual(whole[2], slice[2]);
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TargetDistribution.Compute([0.5f, 0.5f, 1f], 2, new float[3]));
        Assert.Throws<ArgumentException>(() => TargetDistribution.Compute([0.5f, 0.5f], 2, new float[4]));
        Assert.Throws<ArgumentException>(() => TargetDistribution.Compute([float.NaN, 0.5f, 1f, 0f], 2, new float[4]));
        Assert.Throws<ArgumentException>(() => TargetDistribution.Compute([0f, 0f, 1f, 0f], 2, new float[4]));
    }
}
