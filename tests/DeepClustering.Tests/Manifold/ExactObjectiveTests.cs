using DeepClustering.Manifold.Objectives;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Manifold;

/// <summary>The exact objective and gradient: against scikit-learn's <c>_kl_divergence</c> and finite differences.</summary>
public class ExactObjectiveTests
{
    private static readonly ParallelOptions TwoThreads = new() { MaxDegreeOfParallelism = 2 };

    [Theory]
    [InlineData(1.0, "kl_divergence", "gradient")]
    [InlineData(12.0, "kl_divergence_exaggerated_12", "gradient_exaggerated_12")]
    public void Objective_and_gradient_match_scikit_learn(double exaggeration, string errorName, string gradientName)
    {
        var golden = EmbeddingGolden.Load("tsne_equations.json").GetProperty("exact");
        var p = Square(EmbeddingGolden.Vector(golden.GetProperty("joint_condensed")), 12);
        double[] embedding = EmbeddingGolden.Flat(golden.GetProperty("embedding"));
        var gradient = new double[embedding.Length];

        double error = new ExactObjective(p, 12, 2, TwoThreads).Evaluate(embedding, gradient, exaggeration, computeError: true);

        Assert.Equal(golden.GetProperty(errorName).GetDouble(), error, 1e-12);
        EmbeddingGolden.AssertClose(EmbeddingGolden.Vector(golden.GetProperty(gradientName)), gradient, 1e-12, "gradient");
    }

    [Fact]
    public void The_objective_is_the_KL_divergence_of_P_and_the_Student_t_Q()
    {
        var (p, embedding) = TinyProblem(10, 2, seed: 1);

        double error = new ExactObjective(p, 10, 2, TwoThreads).Evaluate(embedding, new double[embedding.Length], 1.0, computeError: true);

        Assert.Equal(KlDivergence.Dense(p, StudentT.JointSimilarities(embedding, 10, 2), 10), error, 1e-12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_gradient_matches_central_finite_differences(int dimensions)
    {
        var (p, embedding) = TinyProblem(9, dimensions, seed: 2 + dimensions);
        var objective = new ExactObjective(p, 9, dimensions, TwoThreads);
        var gradient = new double[embedding.Length];
        objective.Evaluate(embedding, gradient, 1.0, computeError: false);

        const double h = 1e-6;
        var scratch = new double[embedding.Length];
        for (int e = 0; e < embedding.Length; e++)
        {
            double saved = embedding[e];
            embedding[e] = saved + h;
            double up = objective.Evaluate(embedding, scratch, 1.0, computeError: true);
            embedding[e] = saved - h;
            double down = objective.Evaluate(embedding, scratch, 1.0, computeError: true);
            embedding[e] = saved;
            double numeric = (up - down) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[e]) <= 1e-6 * Math.Max(1, Math.Abs(numeric)),
                $"∂KL/∂y[{e}]: analytic {gradient[e]:R}, numeric {numeric:R}");
        }
    }

    [Fact]
    public void The_error_is_not_computed_unless_asked()
    {
        var (p, embedding) = TinyProblem(5, 2, seed: 9);
        Assert.True(double.IsNaN(new ExactObjective(p, 5, 2, TwoThreads).Evaluate(embedding, new double[10], 1.0, computeError: false)));
    }

    /// <summary>Joint affinities of random points and a random embedding of them, at a scale where Q is not floored.</summary>
    internal static (double[] P, double[] Embedding) TinyProblem(int n, int dimensions, long seed)
    {
        var data = CorrelatedData.Random(n, 4, seed);
        double[] p = ExactObjective.Affinities(data, perplexity: 3.0, TwoThreads);
        var random = new RandomGenerator(seed + 100);
        var embedding = new double[n * dimensions];
        for (int e = 0; e < embedding.Length; e++)
        {
            embedding[e] = random.NextGaussian();
        }

        return (p, embedding);
    }

    private static double[] Square(double[] condensed, int n)
    {
        var square = new double[n * n];
        int c = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                square[i * n + j] = condensed[c];
                square[j * n + i] = condensed[c++];
            }
        }

        return square;
    }
}
