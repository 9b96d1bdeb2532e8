using DeepClustering.Metrics;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Metrics;

public sealed class HungarianAlgorithmTests
{
    [Fact]
    public void Three_by_three_hand_case()
    {
        // Rows 0, 1, 2 to columns 1, 0, 2: 1 + 2 + 2 = 5, the least of the six permutations (worked out by hand).
        var cost = new double[,] { { 4, 1, 3 }, { 2, 0, 5 }, { 3, 2, 2 } };
        Assert.Equal(new[] { 1, 0, 2 }, HungarianAlgorithm.Minimize(cost));
    }

    [Fact]
    public void Negative_costs_maximise_their_magnitude()
    {
        var cost = new double[,] { { -5, -1 }, { -2, -7 } };
        Assert.Equal(new[] { 0, 1 }, HungarianAlgorithm.Minimize(cost));
    }

    [Fact]
    public void Anti_diagonal_is_found()
    {
        var cost = new double[,] { { 9, 9, 1 }, { 9, 1, 9 }, { 1, 9, 9 } };
        Assert.Equal(new[] { 2, 1, 0 }, HungarianAlgorithm.Minimize(cost));
    }

    [Fact]
    public void One_by_one_and_empty()
    {
        Assert.Equal(new[] { 0 }, HungarianAlgorithm.Minimize(new double[,] { { 3 } }));
        Assert.Empty(HungarianAlgorithm.Minimize(new double[0, 0]));
    }

    [Fact]
    public void More_rows_than_columns_or_non_finite_costs_are_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => HungarianAlgorithm.Minimize(new double[3, 2]));
        Assert.Equal("cost", ex.ParamName);
        Assert.Contains("transpose", ex.Message);
        Assert.Throws<ArgumentException>(() => HungarianAlgorithm.Minimize(new double[,] { { 1, double.NaN }, { 0, 1 } }));
    }

    [Fact]
    public void Matches_brute_force_on_random_small_matrices()
    {
        var random = new RandomGenerator(7);
        for (int trial = 0; trial < 300; trial++)
        {
            int n = 1 + trial % 7;
            var cost = new double[n, n];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    // Small integer range: many ties, the hard case for augmenting paths.
                    cost[i, j] = trial % 2 == 0 ? random.NextInt(5) - 2 : Math.Round(random.NextUniform(-100, 100), 3);
                }
            }

            var assignment = HungarianAlgorithm.Minimize(cost);
            Assert.Equal(Enumerable.Range(0, n), assignment.Order());
            Assert.Equal(BruteForceMinimum(cost), Total(cost, assignment), 9);
        }
    }

    [Fact]
    public void Rectangular_matrices_match_the_square_matrix_padded_with_zeros()
    {
        var random = new RandomGenerator(8);
        for (int trial = 0; trial < 200; trial++)
        {
            int rows = 1 + trial % 4;
            int columns = rows + trial % 4;
            var cost = new double[rows, columns];
            var padded = new double[columns, columns];
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < columns; j++)
                {
                    cost[i, j] = padded[i, j] = trial % 2 == 0 ? random.NextInt(5) - 2 : Math.Round(random.NextUniform(-100, 100), 3);
                }
            }

            var assignment = HungarianAlgorithm.Minimize(cost);
            Assert.Equal(rows, assignment.Length);
            Assert.Equal(rows, assignment.Distinct().Count());
            Assert.All(assignment, c => Assert.InRange(c, 0, columns - 1));
            Assert.Equal(BruteForceMinimum(padded), Total(cost, assignment), 9);
        }
    }

    [Fact]
    public void A_row_against_many_columns_takes_the_cheapest()
    {
        var cost = new double[1, 10_000];
        cost[0, 7_777] = -3;
        Assert.Equal([7_777], HungarianAlgorithm.Minimize(cost));
    }

    private static double Total(double[,] cost, int[] columnOfRow) => columnOfRow.Select((c, r) => cost[r, c]).Sum();

    private static double BruteForceMinimum(double[,] cost)
    {
        int n = cost.GetLength(0);
        double best = double.PositiveInfinity;
        foreach (var permutation in Permutations(Enumerable.Range(0, n).ToArray(), 0))
        {
            best = Math.Min(best, Total(cost, permutation));
        }

        return best;
    }

    private static IEnumerable<int[]> Permutations(int[] items, int start)
    {
        if (start == items.Length)
        {
            yield return (int[])items.Clone();
            yield break;
        }

        for (int i = start; i < items.Length; i++)
        {
            (items[start], items[i]) = (items[i], items[start]);
            foreach (var p in Permutations(items, start + 1))
            {
                yield return p;
            }

            (items[start], items[i]) = (items[i], items[start]);
        }
    }
}
