using DeepClustering.Manifold.Affinities;
using DeepClustering.Manifold.Objectives;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Manifold;

/// <summary>
/// The Barnes-Hut objective: at θ = 0 no cell is summarised, so it must equal the exact objective on the same
/// sparse affinities and scikit-learn's <c>_kl_divergence_bh</c>; at θ = 0.5 it must stay close.
/// </summary>
public class BarnesHutObjectiveTests
{
    private static readonly ParallelOptions TwoThreads = new() { MaxDegreeOfParallelism = 2 };

    [Fact]
    public void At_angle_zero_objective_and_gradient_match_scikit_learn()
    {
        var golden = EmbeddingGolden.Load("tsne_equations.json");
        var data = EmbeddingGolden.Matrix(golden.GetProperty("exact").GetProperty("data"));
        var bh = golden.GetProperty("barnes_hut");
        var p = JointProbabilitiesTests.BarnesHutAffinities(data, bh.GetProperty("perplexity").GetDouble());
        double[] embedding = EmbeddingGolden.Flat(bh.GetProperty("embedding_float32"));
        var gradient = new double[embedding.Length];

        double error = new BarnesHutObjective(p, 2, 0.0, TwoThreads).Evaluate(embedding, gradient, 1.0, computeError: true);

        // scikit-learn computes this in float32.
        Assert.Equal(bh.GetProperty("kl_divergence").GetDouble(), error, 1e-5);
        EmbeddingGolden.AssertClose(EmbeddingGolden.Vector(bh.GetProperty("gradient")), gradient, 1e-5, "gradient");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void At_angle_zero_it_equals_the_exact_objective_on_the_same_affinities(int dimensions)
    {
        var (p, embedding) = Problem(60, dimensions, seed: 20 + dimensions, scale: 1.0);
        var barnesHut = new double[embedding.Length];
        var exact = new double[embedding.Length];

        double errorBarnesHut = new BarnesHutObjective(p, dimensions, 0.0, TwoThreads).Evaluate(embedding, barnesHut, 3.0, computeError: true);
        double errorExact = new ExactObjective(JointProbabilitiesTests.Dense(p), 60, dimensions, TwoThreads).Evaluate(embedding, exact, 3.0, computeError: true);

        Assert.Equal(errorExact, errorBarnesHut, 1e-10);
        EmbeddingGolden.AssertClose(exact, barnesHut, 1e-10, "gradient");
    }

    [Fact]
    public void At_angle_one_half_the_gradient_stays_within_a_few_percent_of_the_exact_one()
    {
        var (p, embedding) = Problem(400, 2, seed: 30, scale: 10.0);
        var approximate = new double[embedding.Length];
        var exact = new double[embedding.Length];

        double errorApproximate = new BarnesHutObjective(p, 2, 0.5, TwoThreads).Evaluate(embedding, approximate, 1.0, computeError: true);
        double errorExact = new BarnesHutObjective(p, 2, 0.0, TwoThreads).Evaluate(embedding, exact, 1.0, computeError: true);

        double difference = Math.Sqrt(approximate.Zip(exact, (a, b) => (a - b) * (a - b)).Sum());
        double norm = Math.Sqrt(exact.Sum(v => v * v));
        Assert.True(difference < 0.05 * norm, $"relative gradient error {difference / norm:G3}");
        Assert.Equal(errorExact, errorApproximate, 0.01 * errorExact);
        Assert.NotEqual(errorExact, errorApproximate);
    }

    [Fact]
    public void Identical_points_repel_nothing_from_each_other_and_count_once_each_in_the_normaliser()
    {
        // Two points at the same place and one apart: between the twins w = 1 adds to Z but no force.
        var p = JointProbabilities.Sparse([1, 0, 0], [1.0, 1.0, 1.0], n: 3, k: 1);
        double[] embedding = [0, 0, 0, 0, 2, 0];
        var barnesHut = new double[6];
        var exact = new double[6];

        double errorBarnesHut = new BarnesHutObjective(p, 2, 0.5, TwoThreads).Evaluate(embedding, barnesHut, 1.0, computeError: true);
        double errorExact = new ExactObjective(JointProbabilitiesTests.Dense(p), 3, 2, TwoThreads).Evaluate(embedding, exact, 1.0, computeError: true);

        Assert.Equal(errorExact, errorBarnesHut, 1e-12);
        EmbeddingGolden.AssertClose(exact, barnesHut, 1e-12, "gradient");
    }

    [Fact]
    public void The_neighbour_count_is_three_perplexities_plus_one_at_most_n_minus_one() =>
        Assert.Equal([91, 9, 10], new[] { BarnesHutObjective.NeighborCount(1000, 30), BarnesHutObjective.NeighborCount(10, 30), BarnesHutObjective.NeighborCount(500, 3.2) });

    private static (SparseAffinities P, double[] Embedding) Problem(int n, int dimensions, long seed, double scale)
    {
        var p = JointProbabilitiesTests.BarnesHutAffinities(CorrelatedData.Random(n, 5, seed), perplexity: 5.0);
        var random = new RandomGenerator(seed + 1);
        var embedding = new double[n * dimensions];
        for (int e = 0; e < embedding.Length; e++)
        {
            embedding[e] = scale * random.NextGaussian();
        }

        return (p, embedding);
    }
}
