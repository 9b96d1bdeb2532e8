using DeepClustering.Data;
using DeepClustering.Metrics;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Metrics;

public sealed class SilhouetteTests
{
    [Fact]
    public void Four_points_on_a_line_worked_out_by_hand()
    {
        // 0, 1 | 10, 11: a(0) = 1, b(0) = (10 + 11)/2; a(1) = 1, b(1) = (9 + 10)/2; symmetric for the others.
        var data = Column(0, 1, 10, 11);
        double s0 = (10.5 - 1) / 10.5, s1 = (9.5 - 1) / 9.5;
        var samples = Silhouette.Samples(data, [0, 0, 1, 1]);
        Assert.Equal(new[] { s0, s1, s1, s0 }, samples.Select(v => Math.Round(v, 15)), new RoundedComparer());
        Assert.Equal((s0 + s1) / 2, Silhouette.Compute(data, [0, 0, 1, 1]), 15);
    }

    [Fact]
    public void Coefficient_equation()
    {
        Assert.Equal(0.75, Silhouette.Coefficient(1, 4));
        Assert.Equal(-0.75, Silhouette.Coefficient(4, 1));
        Assert.Equal(0.0, Silhouette.Coefficient(0, 0));
        Assert.Equal(0.0, ClusterDistanceMeans.IntraMean(5, 1));
        Assert.Equal(2.5, ClusterDistanceMeans.IntraMean(5, 3));
    }

    [Fact]
    public void Members_of_one_sample_clusters_score_zero_and_noise_is_a_cluster()
    {
        var data = Column(0, 1, 2, 10, 11, 30);
        var samples = Silhouette.Samples(data, [-1, -1, -1, 4, 4, 9]);
        Assert.Equal(0.0, samples[5]);
        Assert.True(samples[0] > 0.5);
        Assert.True(samples[3] > 0.5);
    }

    [Fact]
    public void Identical_points_in_two_clusters_score_zero()
    {
        var data = Column(3, 3, 3, 3);
        Assert.Equal(new double[4], Silhouette.Samples(data, [0, 0, 1, 1]));
    }

    [Fact]
    public void Result_does_not_depend_on_threads_or_on_the_summing_strategy()
    {
        var (data, labels) = RandomBlobs(700, 13, 6, seed: 3);
        var reference = Silhouette.Samples(data, labels, 1, CancellationToken.None, ClusterDistanceMeans.DefaultMaxAccumulatorEntries);
        foreach (int threads in new[] { 2, 3 })
        {
            Assert.Equal(reference, Silhouette.Samples(data, labels, threads, CancellationToken.None, ClusterDistanceMeans.DefaultMaxAccumulatorEntries));
        }

        var rowByRow = Silhouette.Samples(data, labels, 2, CancellationToken.None, maxAccumulatorEntries: 0);
        for (int i = 0; i < reference.Length; i++)
        {
            Assert.Equal(reference[i], rowByRow[i], 12);
        }

        Assert.Equal(rowByRow, Silhouette.Samples(data, labels, 3, CancellationToken.None, maxAccumulatorEntries: 0));
    }

    [Fact]
    public void Matches_a_direct_double_loop_on_long_rows_and_many_clusters()
    {
        // 300 columns and 40 clusters, several of one or two members; the reference sums ‖xᵢ − xⱼ‖ directly.
        var (data, labels) = RandomBlobs(260, 300, 40, seed: 5);
        var expected = DirectSilhouette(data, labels);
        var actual = Silhouette.Samples(data, labels);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-12, $"sample {i}: {actual[i]:R} vs {expected[i]:R}");
        }
    }

    [Fact]
    public void Very_long_rows_use_small_tiles_and_stay_exact()
    {
        // 50,000 columns shrink the tiles to 24 rows, so 60 rows span three tiles; both packing ways are used.
        var (data, labels) = RandomBlobs(60, 50_000, 3, seed: 6);
        var expected = DirectSilhouette(data, labels);
        foreach (bool packOnce in new[] { true, false })
        {
            var actual = Silhouette.Samples(data, labels, 2, CancellationToken.None, ClusterDistanceMeans.DefaultMaxAccumulatorEntries, packOnce);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-12, $"sample {i} (pack once {packOnce}): {actual[i]:R} vs {expected[i]:R}");
            }
        }
    }

    [Fact]
    public void Constant_columns_change_nothing()
    {
        // The same points with two constant columns inserted: every distance, and so every score, is the same.
        var (data, labels) = RandomBlobs(300, 6, 4, seed: 12);
        var widened = new float[data.Rows * 8];
        for (int i = 0; i < data.Rows; i++)
        {
            widened[i * 8] = 7.5f;
            data.Row(i).CopyTo(widened.AsSpan(i * 8 + 1, 6));
            widened[i * 8 + 7] = -2f;
        }

        var wide = new DataMatrix(widened, data.Rows, 8);
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, DistanceTiles.VaryingColumns(wide));
        Assert.Equal(Silhouette.Samples(data, labels), Silhouette.Samples(wide, labels));
    }

    [Fact]
    public void Data_far_from_the_origin_score_as_the_same_data_near_it()
    {
        // Values on a 1/64 grid, shifted by 4096: exact in float32 either way, so the geometry is identical.
        var random = new RandomGenerator(9);
        int n = 150, d = 4;
        var near = new float[n * d];
        var far = new float[n * d];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = i % 3;
            for (int j = 0; j < d; j++)
            {
                near[i * d + j] = random.NextInt(256) / 64f + 3 * labels[i];
                far[i * d + j] = near[i * d + j] + 4096f;
            }
        }

        double expected = Silhouette.Compute(new DataMatrix(near, n, d), labels);
        Assert.Equal(expected, Silhouette.Compute(new DataMatrix(far, n, d), labels), 12);
    }

    [Fact]
    public void Sampled_score_is_the_score_of_a_seeded_subset()
    {
        var (data, labels) = RandomBlobs(400, 5, 4, seed: 8);
        double sampled = Silhouette.Compute(data, labels, sampleSize: 120, seed: 42);
        Assert.Equal(sampled, Silhouette.Compute(data, labels, new SilhouetteOptions { SampleSize = 120, Seed = 42 }));
        var chosen = new RandomGenerator(42).Permutation(400).AsSpan(0, 120).ToArray();
        Assert.Equal(Silhouette.Compute(data.SelectRows(chosen), chosen.Select(i => labels[i]).ToArray()), sampled);
        Assert.NotEqual(sampled, Silhouette.Compute(data, labels, sampleSize: 120, seed: 43));
        // A sample size at or above the count scores every sample, as scikit-learn.
        Assert.Equal(Silhouette.Compute(data, labels), Silhouette.Compute(data, labels, sampleSize: 400, seed: 1));
    }

    [Fact]
    public void One_cluster_or_one_per_sample_is_refused_with_scikit_learns_message()
    {
        var data = Column(0, 1, 2);
        var one = Assert.Throws<ArgumentException>(() => Silhouette.Compute(data, [5, 5, 5]));
        Assert.StartsWith("Number of labels is 1. Valid values are 2 to n_samples - 1 (inclusive)", one.Message);
        Assert.Equal("labels", one.ParamName);
        var all = Assert.Throws<ArgumentException>(() => Silhouette.Samples(data, [0, 1, 2]));
        Assert.StartsWith("Number of labels is 3.", all.Message);
    }

    [Fact]
    public void Bad_arguments_are_refused_naming_them()
    {
        var data = Column(0, 1, 2, 3);
        var ex = Assert.Throws<ArgumentException>(() => Silhouette.Compute(data, [0, 1, 1]));
        Assert.Equal("labels", ex.ParamName);
        Assert.Contains("4 rows", ex.Message);
        Assert.Contains("3 labels", ex.Message);
        Assert.Equal("Threads", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Silhouette.Compute(data, [0, 0, 1, 1], new SilhouetteOptions { Threads = -1 })).ParamName);
        Assert.Equal("SampleSize", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Silhouette.Compute(data, [0, 0, 1, 1], new SilhouetteOptions { SampleSize = -2 })).ParamName);
        Assert.Equal("sampleSize", Assert.Throws<ArgumentOutOfRangeException>(() => Silhouette.Compute(data, [0, 0, 1, 1], 0, 1)).ParamName);
        Assert.Equal("threads", Assert.Throws<ArgumentOutOfRangeException>(() => Silhouette.Samples(data, [0, 0, 1, 1], -1)).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentNullException>(() => Silhouette.Compute(null!, [0, 1])).ParamName);
    }

    [Fact]
    public void Cancellation_stops_the_computation()
    {
        var (data, labels) = RandomBlobs(300, 8, 3, seed: 2);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Silhouette.Compute(data, labels, cancellationToken: cancelled.Token));
    }

    internal static DataMatrix Column(params float[] values) => new(values, values.Length, 1);

    internal static (DataMatrix Data, int[] Labels) RandomBlobs(int n, int d, int k, long seed)
    {
        var random = new RandomGenerator(seed);
        var centres = Enumerable.Range(0, k).Select(_ => Enumerable.Range(0, d).Select(_ => random.NextGaussian() * 3).ToArray()).ToArray();
        var labels = new int[n];
        var values = new float[n * d];
        for (int i = 0; i < n; i++)
        {
            // Skewed sizes: some clusters get one or two members.
            labels[i] = (int)(k * Math.Pow(random.NextDouble(), 1.5));
            for (int j = 0; j < d; j++)
            {
                values[i * d + j] = (float)(centres[labels[i]][j] + random.NextGaussian());
            }
        }

        return (new DataMatrix(values, n, d), labels);
    }

    private static double[] DirectSilhouette(DataMatrix data, int[] labels)
    {
        int n = data.Rows;
        var clusters = labels.Distinct().ToArray();
        var result = new double[n];
        for (int i = 0; i < n; i++)
        {
            var sums = clusters.ToDictionary(c => c, _ => 0.0);
            var rowI = data.Row(i);
            for (int j = 0; j < n; j++)
            {
                var rowJ = data.Row(j);
                double squared = 0;
                for (int c = 0; c < rowI.Length; c++)
                {
                    double diff = (double)rowI[c] - rowJ[c];
                    squared += diff * diff;
                }

                sums[labels[j]] += Math.Sqrt(squared);
            }

            int own = labels.Count(l => l == labels[i]);
            if (own == 1)
            {
                continue;
            }

            double a = sums[labels[i]] / (own - 1);
            double b = clusters.Where(c => c != labels[i]).Min(c => sums[c] / labels.Count(l => l == c));
            result[i] = (b - a) / Math.Max(a, b);
        }

        return result;
    }

    private sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= 1e-15;

        public int GetHashCode(double obj) => 0;
    }
}
