using DeepClustering.Numerics.Distances;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Numerics.Tests.Distances;

public sealed class SquaredEuclideanTests
{
    [Fact]
    public void The_vectorised_distance_agrees_with_the_double_one()
    {
        var random = new RandomGenerator(11);
        foreach (int length in new[] { 1, 5, 16, 17, 33, 784 })
        {
            var a = Enumerable.Range(0, length).Select(_ => (float)random.NextGaussian()).ToArray();
            var b = Enumerable.Range(0, length).Select(_ => (float)random.NextGaussian()).ToArray();
            double exact = SquaredEuclidean.Double(a, b);
            Assert.Equal(exact, SquaredEuclidean.DoubleVectorised(a, b), exact * 1e-6);
        }

        Assert.Equal(25.0, SquaredEuclidean.Double([0f, 0f], [3f, 4f]));
    }

    [Fact]
    public void Squared_distance_sums_the_squared_differences_past_the_vector_width()
    {
        var a = Enumerable.Range(0, 19).Select(i => (float)i).ToArray();
        var b = Enumerable.Range(0, 19).Select(i => (float)(2 * i + 1)).ToArray();
        double expected = Enumerable.Range(0, 19).Sum(i => (double)(i + 1) * (i + 1));
        Assert.Equal(expected, SquaredEuclidean.Single(a, b), 1e-3);
        Assert.Throws<ArgumentException>("b", () => SquaredEuclidean.Single(a, b.AsSpan(1)));
    }

    [Fact]
    public void Pairwise_is_symmetric_with_a_zero_diagonal_and_matches_each_pair()
    {
        float[] values = [0, 0, 3, 4, 1, 1];
        var distances = SquaredEuclidean.Pairwise(values, 3, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 });
        Assert.Equal([0.0, 25.0, 2.0, 25.0, 0.0, 13.0, 2.0, 13.0, 0.0], distances);
    }

    [Fact]
    public void Row_norms_are_the_squared_lengths_of_the_rows()
    {
        Assert.Equal([25f, 0f, 2f], SquaredEuclidean.RowNorms([3, 4, 0, 0, 1, -1], 3, 2));
    }

    [Fact]
    public void The_double_distance_refuses_rows_of_different_lengths()
    {
        Assert.Throws<ArgumentException>("b", () => SquaredEuclidean.Double([1f, 2f], [1f]));
    }
}
