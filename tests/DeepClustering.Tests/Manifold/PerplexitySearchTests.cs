using DeepClustering.Manifold.Affinities;

namespace DeepClustering.Tests.Manifold;

/// <summary>The bisection on β that gives each point's conditional affinities their perplexity.</summary>
public class PerplexitySearchTests
{
    [Fact]
    public void The_rows_match_scikit_learns_binary_search_perplexity()
    {
        var golden = EmbeddingGolden.Load("tsne_equations.json").GetProperty("perplexity_search");
        double perplexity = golden.GetProperty("perplexity").GetDouble();
        var distances = EmbeddingGolden.Rows(golden.GetProperty("squared_distances"));
        var expected = EmbeddingGolden.Rows(golden.GetProperty("conditional"));

        for (int i = 0; i < distances.Length; i++)
        {
            var row = new double[distances[i].Length];
            PerplexitySearch.ConditionalRow(distances[i], perplexity, row);
            EmbeddingGolden.AssertClose(expected[i], row, 1e-12, $"row {i}");
        }
    }

    [Fact]
    public void The_found_distribution_has_the_requested_perplexity_and_sums_to_one()
    {
        double[] distances = [0.5, 1.0, 2.0, 3.5, 5.0, 8.0, 13.0];
        var p = new double[distances.Length];

        double beta = PerplexitySearch.ConditionalRow(distances, 4.0, p);

        double entropy = -p.Sum(v => v * Math.Log(v));
        Assert.Equal(Math.Log(4.0), entropy, 1e-5);
        Assert.Equal(1.0, p.Sum(), 1e-12);
        for (int j = 0; j < p.Length; j++)
        {
            Assert.Equal(Math.Exp(-beta * distances[j]) / distances.Sum(d => Math.Exp(-beta * d)), p[j], 1e-12);
        }
    }

    [Fact]
    public void Equal_distances_give_a_uniform_distribution_whose_perplexity_is_the_neighbour_count()
    {
        double[] distances = [2.0, 2.0, 2.0, 2.0];
        var p = new double[4];

        double beta = PerplexitySearch.ConditionalRow(distances, 4.0, p);

        Assert.Equal(1.0, beta);
        Assert.All(p, v => Assert.Equal(0.25, v, 1e-15));
    }

    [Fact]
    public void The_closed_form_entropy_equals_minus_sum_p_log_p()
    {
        // p ∝ exp(−β d²) with β = 0.5 over d² = {0, 2}: Z = 1 + e⁻¹, p = {1/Z, e⁻¹/Z}.
        double z = 1 + Math.Exp(-1), p0 = 1 / z, p1 = Math.Exp(-1) / z;
        double meanSquaredDistance = p1 * 2.0;

        double entropy = PerplexitySearch.Entropy(z, 0.5, meanSquaredDistance);

        Assert.Equal(-(p0 * Math.Log(p0) + p1 * Math.Log(p1)), entropy, 1e-15);
    }
}
