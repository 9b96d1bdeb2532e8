using DeepClustering.Clustering;
using DeepClustering.Numerics.Distances;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Numerics.Threading;

namespace DeepClustering.Tests.Clustering;

/// <summary>Each step of k-means on its own, against values worked out by hand.</summary>
public sealed class KMeansEquationTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(8, 4)]
    [InlineData(10, 4)]
    [InlineData(20, 4)]
    [InlineData(21, 5)]
    public void K_means_plus_plus_draws_two_plus_floor_ln_k_candidates(int k, int expected) =>
        Assert.Equal(expected, KMeansPlusPlusSeeding.DefaultLocalTrials(k));

    [Fact]
    public void The_tolerance_is_the_relative_tolerance_times_the_mean_column_variance()
    {
        // Columns (0, 2) and (0, 4): population variances 1 and 4, mean 2.5.
        float[] x = [0, 0, 2, 4];
        var means = KMeansDataPreparation.ColumnMeans(x, 2, 2, threads: 1);
        Assert.Equal([1.0, 2.0], means);
        double variance = KMeansDataPreparation.MeanColumnVariance(x, 2, 2, threads: 1);
        Assert.Equal(2.5, variance, 1e-12);
        Assert.Equal(2.5e-4, KMeansDataPreparation.Absolute(1e-4, variance), 1e-16);
        Assert.Equal(0, KMeansDataPreparation.Absolute(0, variance));
    }

    [Fact]
    public void Centring_subtracts_the_shift_from_every_row()
    {
        float[] x = [1, 2, 3, 4, 5, 6];
        Assert.Equal([0f, 0f, 2f, 2f, 4f, 4f], KMeansDataPreparation.Centered(x, 2, [1f, 2f], threads: 2));
    }

    [Fact]
    public void The_widening_add_adds_every_value_in_double_precision()
    {
        var row = Enumerable.Range(0, 21).Select(i => i + 0.5f).ToArray();
        var sum = Enumerable.Repeat(1e8, 21).ToArray();
        ClusterSums.AddWidened(row, sum);
        for (int i = 0; i < 21; i++)
        {
            Assert.Equal(1e8 + i + 0.5, sum[i]);
        }
    }

    [Fact]
    public void The_mean_update_divides_by_the_count_and_an_empty_cluster_keeps_its_centre()
    {
        float[] old = [9, 9, 7, 7];
        var updated = new float[4];
        CenterUpdate.Apply(CenterRule.Mean, [2.0, 4.0, 0.0, 0.0], [2L, 0L], old, updated, 2);
        Assert.Equal([1f, 2f, 7f, 7f], updated);
    }

    [Fact]
    public void The_unit_direction_update_normalises_the_sum_and_a_zero_sum_keeps_its_centre()
    {
        float[] old = [1, 0, 0, 1];
        var updated = new float[4];
        CenterUpdate.Apply(CenterRule.UnitDirection, [3.0, 4.0, 0.0, 0.0], [2L, 2L], old, updated, 2);
        Assert.Equal(0.6f, updated[0], 1e-7f);
        Assert.Equal(0.8f, updated[1], 1e-7f);
        Assert.Equal([0f, 1f], updated[2..]);
    }

    [Fact]
    public void The_centre_shift_is_the_summed_squared_movement()
    {
        Assert.Equal(1 + 4 + 9 + 16, CenterUpdate.SquaredShift([0f, 0f, 1f, 1f], [1f, 2f, 4f, 5f]));
    }

    [Fact]
    public void An_empty_cluster_takes_the_row_farthest_from_its_centre()
    {
        // Rows 0, 1 and 10 all labelled 0 (centre 0.5); cluster 1 (centre 100) received none.
        float[] x = [0, 1, 10];
        float[] oldCenters = [0.5f, 100f];
        int[] labels = [0, 0, 0];
        double[] sums = [11, 0];
        long[] counts = [3, 0];
        int relocated = EmptyClusterRelocation.Relocate(x, 3, 1, oldCenters, labels, sums, counts, threads: 1);
        Assert.Equal(1, relocated);
        Assert.Equal([1.0, 10.0], sums);
        Assert.Equal([2L, 1L], counts);
        Assert.Equal([0, 0, 0], labels);
    }

    [Fact]
    public void Nothing_is_relocated_when_no_cluster_is_empty()
    {
        double[] sums = [1, 2];
        long[] counts = [1, 1];
        Assert.Equal(0, EmptyClusterRelocation.Relocate([1f, 2f], 2, 1, [1f, 2f], [0, 1], sums, counts, threads: 1));
        Assert.Equal([1.0, 2.0], sums);
    }

    [Fact]
    public void The_farthest_rows_come_largest_first_and_ties_by_index()
    {
        Assert.Equal([3, 1, 4], EmptyClusterRelocation.Farthest([1f, 5f, 0f, 7f, 5f], 3));
    }

    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(1.0, 0)]
    [InlineData(1.0001, 1)]
    [InlineData(3.0, 1)]
    [InlineData(6.0, 2)]
    [InlineData(7.0, 2)]
    public void Search_sorted_finds_the_first_running_sum_at_least_the_value_clipped_to_the_last(double value, int expected)
    {
        var cumulative = new double[3];
        KMeansPlusPlusSeeding.CumulativeSum([1.0, 2.0, 3.0], cumulative);
        Assert.Equal([1.0, 3.0, 6.0], cumulative);
        Assert.Equal(expected, KMeansPlusPlusSeeding.SearchSorted(cumulative, value));
    }

    [Fact]
    public void K_means_plus_plus_never_picks_a_row_already_chosen_when_the_rows_are_distinct()
    {
        // Four well-separated pairs: the seeding must take one row of each pair.
        float[] x = [0, 0, 0.1f, 0, 10, 0, 10.1f, 0, 0, 10, 0, 10.1f, 10, 10, 10.1f, 10];
        for (int seed = 0; seed < 20; seed++)
        {
            var rows = KMeansPlusPlusSeeding.ChooseRows(x, 8, 2, 4, 3, new RandomGenerator(seed), threads: 2);
            Assert.Equal([0, 1, 2, 3], rows.Select(r => r / 2).Order().ToArray());
        }
    }

    [Fact]
    public void The_assignment_pass_matches_brute_force_across_chunks_and_parts()
    {
        // 700 rows span three 256-row chunks and several parts; the sums must equal a plain loop's.
        var random = new RandomGenerator(5);
        int rows = 700, columns = 13, k = 7;
        var x = Enumerable.Range(0, rows * columns).Select(_ => (float)random.NextGaussian()).ToArray();
        var centers = Enumerable.Range(0, k * columns).Select(_ => (float)random.NextGaussian()).ToArray();
        var labels = new int[rows];
        Array.Fill(labels, -1);
        var sums = new ClusterSums(RowParts.Count(rows), k, columns);
        var pass = new NearestCenterPass(2);
        Assert.Equal(rows, pass.Assign(x, rows, columns, centers, k, labels, sums));
        Assert.Equal(0, pass.Assign(x, rows, columns, centers, k, labels, null));

        var expectedSums = new double[k * columns];
        var expectedCounts = new long[k];
        for (int r = 0; r < rows; r++)
        {
            var distances = Enumerable.Range(0, k).Select(c => (double)SquaredEuclidean.Single(x.AsSpan(r * columns, columns), centers.AsSpan(c * columns, columns))).ToArray();
            Assert.True(distances[labels[r]] <= distances.Min() + 1e-4 * (1 + distances.Min()), $"row {r}");
            expectedCounts[labels[r]]++;
            for (int f = 0; f < columns; f++)
            {
                expectedSums[labels[r] * columns + f] += x[r * columns + f];
            }
        }

        var totals = new double[k * columns];
        var counts = new long[k];
        sums.Combine(totals, counts);
        Assert.Equal(expectedCounts, counts);
        for (int i = 0; i < totals.Length; i++)
        {
            Assert.Equal(expectedSums[i], totals[i], 1e-9);
        }
    }

    [Fact]
    public void Dot_products_of_rows_and_centres_match_a_plain_loop()
    {
        var random = new RandomGenerator(6);
        int rows = 300, columns = 9, k = 4;
        var x = Enumerable.Range(0, rows * columns).Select(_ => (float)random.NextGaussian()).ToArray();
        var centers = Enumerable.Range(0, k * columns).Select(_ => (float)random.NextGaussian()).ToArray();
        var pass = new NearestCenterPass(2);
        var products = pass.DotProducts(x, rows, columns, centers, k);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < k; c++)
            {
                double expected = 0;
                for (int f = 0; f < columns; f++)
                {
                    expected += (double)x[r * columns + f] * centers[c * columns + f];
                }

                Assert.Equal(expected, products[r * k + c], 1e-4);
            }
        }
    }

    [Fact]
    public void Row_parts_cover_every_row_once_and_do_not_depend_on_threads()
    {
        Assert.Equal(1, RowParts.Count(10));
        Assert.Equal(3, RowParts.Count(700));
        Assert.Equal(RowParts.MaxParts, RowParts.Count(100_000));
        Assert.Equal(2, RowParts.Count(100_000, maxParts: 2));
        int parts = RowParts.Count(5000);
        Assert.Equal(0, RowParts.Start(5000, parts, 0));
        Assert.Equal(5000, RowParts.Start(5000, parts, parts));
        var seen = new int[parts];
        RowParts.Run(parts, 3, p => Interlocked.Increment(ref seen[p]));
        Assert.All(seen, s => Assert.Equal(1, s));
    }
}
