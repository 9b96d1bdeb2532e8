using DeepClustering.Clustering.Spatial;
using DeepClustering.Numerics.Distances;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Clustering.Spatial;

/// <summary>The k-d tree's radius counts, radius searches and nearest neighbours against brute force.</summary>
public sealed class KdTreeTests
{
    public static TheoryData<int, int, int, int> Shapes => new()
    {
        // rows, columns, leaf size, seed
        { 1, 2, 30, 1 },
        { 17, 1, 4, 2 },
        { 500, 2, 30, 3 },
        { 700, 2, 1, 4 },
        { 400, 3, 8, 5 },
        { 300, 7, 30, 6 },
        { 200, 20, 5, 7 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Radius_queries_find_exactly_the_rows_brute_force_finds(int rows, int columns, int leafSize, int seed)
    {
        var values = ClusteredValues(rows, columns, seed);
        var tree = new KdTree(values, rows, columns, leafSize);
        var random = new RandomGenerator(seed + 100);
        var found = new List<int>();
        for (int q = 0; q < 60; q++)
        {
            // Queries at data points and between them, radii from tiny to all-covering.
            float[] query = q % 2 == 0
                ? values.AsSpan((q * 7 % rows) * columns, columns).ToArray()
                : Enumerable.Range(0, columns).Select(_ => (float)random.NextUniform(-6, 6)).ToArray();
            double radiusSquared = Math.Pow(new[] { 0.01, 0.3, 1, 3, 100 }[q % 5], 2);
            var expected = Enumerable.Range(0, rows)
                .Where(i => SquaredEuclidean.Double(values.AsSpan(i * columns, columns), query) <= radiusSquared)
                .ToArray();

            Assert.Equal(expected.Length, tree.CountWithin(query, radiusSquared));
            found.Clear();
            tree.FindWithin(query, radiusSquared, found);
            Assert.Equal(expected, found.Order().ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Nearest_finds_the_brute_force_nearest_row(int rows, int columns, int leafSize, int seed)
    {
        var values = ClusteredValues(rows, columns, seed);
        var tree = new KdTree(values, rows, columns, leafSize);
        var random = new RandomGenerator(seed + 200);
        for (int q = 0; q < 60; q++)
        {
            var query = Enumerable.Range(0, columns).Select(_ => (float)random.NextUniform(-6, 6)).ToArray();
            double limit = q % 3 == 0 ? 0.5 : double.PositiveInfinity;
            var distances = Enumerable.Range(0, rows)
                .Select(i => SquaredEuclidean.Double(values.AsSpan(i * columns, columns), query)).ToArray();
            double best = distances.Min();
            int expected = best <= limit ? Array.IndexOf(distances, best) : -1;

            Assert.Equal(expected, tree.Nearest(query, limit, out double found));
            Assert.Equal(expected < 0 ? double.PositiveInfinity : best, found);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Searches_for_unvisited_rows_skip_exactly_the_visited_ones(int rows, int columns, int leafSize, int seed)
    {
        var values = ClusteredValues(rows, columns, seed);
        var tree = new KdTree(values, rows, columns, leafSize);
        var visits = new KdTreeVisits(tree);
        var visited = new bool[rows];
        var random = new RandomGenerator(seed + 300);
        var found = new List<int>();
        for (int q = 0; q < 40; q++)
        {
            float[] query = values.AsSpan((q * 13 % rows) * columns, columns).ToArray();
            double radiusSquared = Math.Pow(new[] { 0.3, 1, 3, 100 }[q % 4], 2);
            var expected = Enumerable.Range(0, rows)
                .Where(i => !visited[i] && SquaredEuclidean.Double(values.AsSpan(i * columns, columns), query) <= radiusSquared)
                .ToArray();

            found.Clear();
            tree.FindUnvisitedWithin(query, radiusSquared, visits, found);
            Assert.Equal(expected, found.Order().ToArray());

            // Mark some of what was found, and a few rows at random (twice, which must count once).
            foreach (int row in expected.Where((_, i) => i % 2 == 0).Append(random.NextInt(rows)).Append(random.NextInt(rows)))
            {
                visits.Visit(row);
                visits.Visit(row);
                visited[row] = true;
            }

            Assert.Equal(visited.Count(v => !v), visits.UnvisitedIn(0));
        }
    }

    [Fact]
    public void Counting_may_stop_once_enough_rows_are_found()
    {
        var values = ClusteredValues(500, 2, 8);
        var tree = new KdTree(values, 500, 2, leafSize: 4);
        float[] query = values.AsSpan(0, 2).ToArray();
        int all = tree.CountWithin(query, 4);

        int some = tree.CountWithin(query, 4, enough: 10);

        Assert.True(all > 50, $"only {all} rows near the query");
        Assert.InRange(some, 10, all - 1);
    }

    [Fact]
    public void A_row_exactly_at_the_radius_is_inside_and_ties_go_to_the_lowest_row()
    {
        // (3, 4) is exactly 5 from the origin; rows 1, 3 and 4 duplicate each other.
        float[] values = [10, 10, 3, 4, -5, 0, 3, 4, 3, 4, 0, 5, 7, 7];
        var tree = new KdTree(values, 7, 2, leafSize: 1);

        Assert.Equal(5, tree.CountWithin([0, 0], 25));
        Assert.Equal(0, tree.CountWithin([0, 0], 24.999999));
        Assert.Equal(1, tree.Nearest([3, 4], 0, out double zero));
        Assert.Equal(0, zero);
        // Rows 1, 2, 3, 4 and 5 are all at distance 5 from the origin: the lowest wins.
        Assert.Equal(1, tree.Nearest([0, 0], double.PositiveInfinity, out double five));
        Assert.Equal(25, five);
    }

    [Fact]
    public void Many_equal_coordinates_build_a_correct_tree()
    {
        int rows = 1000;
        var values = new float[rows * 2];
        for (int i = 0; i < rows; i++)
        {
            values[2 * i] = i % 3;
            values[2 * i + 1] = i % 2 == 0 ? 1 : 0;
        }

        var tree = new KdTree(values, rows, 2, leafSize: 5);
        var found = new List<int>();
        tree.FindWithin([0, 0], 0, found);
        Assert.Equal(Enumerable.Range(0, rows).Where(i => i % 3 == 0 && i % 2 == 1), found.Order());
        Assert.Equal(rows, tree.CountWithin([1, 0.5f], 1.25));
    }

    [Fact]
    public void SelectNth_puts_the_median_in_place()
    {
        var random = new RandomGenerator(9);
        float[] values = Enumerable.Range(0, 101).Select(_ => (float)Math.Round(random.NextDouble() * 10)).ToArray();
        for (int nth = 0; nth < values.Length; nth += 10)
        {
            var rows = Enumerable.Range(0, values.Length).ToArray();
            KdTree.SelectNth(values, rows, nth, 0, 1);
            float pivot = values[rows[nth]];
            Assert.Equal(values.Order().ElementAt(nth), pivot);
            Assert.All(rows.Take(nth), r => Assert.True(values[r] <= pivot));
            Assert.All(rows.Skip(nth + 1), r => Assert.True(values[r] >= pivot));
            Assert.Equal(Enumerable.Range(0, values.Length), rows.Order());
        }
    }

    [Theory]
    [InlineData(1, 30, 1)]
    [InlineData(31, 30, 1)]
    [InlineData(61, 30, 2)]
    [InlineData(3300, 30, 7)]
    [InlineData(70000, 30, 12)]
    public void Level_count_follows_scikit_learn(int rows, int leafSize, int expected) =>
        // int(np.log2(max(1, (n_samples - 1) / leaf_size))) + 1
        Assert.Equal(expected, KdTree.LevelCount(rows, leafSize));

    [Fact]
    public void A_query_with_the_wrong_length_is_refused()
    {
        var tree = new KdTree([1, 2, 3, 4], 2, 2);
        Assert.Equal("query", Assert.Throws<ArgumentException>(() => tree.CountWithin([1, 2, 3], 1)).ParamName);
    }

    /// <summary>Gaussian clusters in [−5, 5]ⁿ, rounded to a coarse grid so that many coordinates repeat.</summary>
    private static float[] ClusteredValues(int rows, int columns, int seed)
    {
        var random = new RandomGenerator(seed);
        var centres = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, columns).Select(_ => random.NextUniform(-4, 4)).ToArray()).ToArray();
        var values = new float[rows * columns];
        for (int i = 0; i < rows; i++)
        {
            var centre = centres[random.NextInt(centres.Length)];
            for (int k = 0; k < columns; k++)
            {
                values[i * columns + k] = (float)(Math.Round((centre[k] + random.NextGaussian()) * 8) / 8);
            }
        }

        return values;
    }
}
