using DeepClustering.Manifold;
using DeepClustering.Manifold.FuzzyGraph;
using DeepClustering.Manifold.Layout;

namespace DeepClustering.Tests.Manifold;

/// <summary>UMAP's equations one by one, against values worked by hand and umap-learn 0.5.3's (Golden/umap.json).</summary>
public class UmapEquationsTests
{
    [Fact]
    public void The_curve_parameters_match_umap_learns_find_ab_params()
    {
        foreach (var pair in EmbeddingGolden.Load("umap.json").GetProperty("curve").EnumerateArray())
        {
            double spread = pair.GetProperty("spread").GetDouble(), minDistance = pair.GetProperty("min_dist").GetDouble();
            var (a, b) = CurveParameters.Fit(spread, minDistance);
            Assert.Equal(pair.GetProperty("a").GetDouble(), a, 1e-5 * pair.GetProperty("a").GetDouble());
            Assert.Equal(pair.GetProperty("b").GetDouble(), b, 1e-5);
        }
    }

    [Fact]
    public void The_curve_target_is_one_within_min_dist_and_decays_by_spread_beyond()
    {
        Assert.Equal(1.0, CurveParameters.Target(0.05, 0.1, 1.0));
        Assert.Equal(Math.Exp(-0.9), CurveParameters.Target(1.0, 0.1, 1.0), 1e-15);
        Assert.Equal(Math.Exp(-0.45), CurveParameters.Target(1.0, 0.1, 2.0), 1e-15);
        Assert.Equal(1.0 / (1.0 + 2.0 * Math.Pow(3.0, 1.5)), CurveParameters.Similarity(3.0, 2.0, 0.75), 1e-15);
    }

    [Fact]
    public void Sigma_solves_the_membership_sum_worked_by_hand()
    {
        // Row [0, 1, 2, 3] (itself first), k = 4, ρ = 1: 1 + t + t² = log₂ 4 = 2 with t = exp(−1/σ), so t = (√5 − 1)/2.
        double[] row = [0, 1, 2, 3];
        var (sigmas, rhos) = SmoothNeighborDistances.Compute(row, 4, 4, 1.0);

        Assert.Equal(1.0, rhos[0]);
        Assert.Equal(-1 / Math.Log((Math.Sqrt(5) - 1) / 2), sigmas[0], 1e-4);
        Assert.Equal(2.0, SmoothNeighborDistances.MembershipSum(row, rhos[0], sigmas[0]), 1e-5);
    }

    [Fact]
    public void Rho_interpolates_a_fractional_local_connectivity_and_skips_zero_distances()
    {
        double[] row = [0, 0, 2, 5, 6];
        Assert.Equal(2.0, SmoothNeighborDistances.Rho(row, 1.0));
        Assert.Equal(3.5, SmoothNeighborDistances.Rho(row, 1.5));
        Assert.Equal(1.0, SmoothNeighborDistances.Rho(row, 0.5));
        Assert.Equal(0.0, SmoothNeighborDistances.Rho(row, 0.0));
        Assert.Equal(6.0, SmoothNeighborDistances.Rho(row, 4.0));
        Assert.Equal(0.0, SmoothNeighborDistances.Rho([0, 0, 0], 1.0));
    }

    [Fact]
    public void Sigma_and_rho_match_umap_learns_smooth_knn_dist()
    {
        var smooth = EmbeddingGolden.Load("umap.json").GetProperty("smooth");
        double[] distances = EmbeddingGolden.Flat(smooth.GetProperty("distances"));
        foreach (var run in smooth.GetProperty("runs").EnumerateArray())
        {
            double connectivity = run.GetProperty("local_connectivity").GetDouble();
            var (sigmas, rhos) = SmoothNeighborDistances.Compute(distances, 10, 10, connectivity);
            EmbeddingGolden.AssertRelativelyClose(EmbeddingGolden.Vector(run.GetProperty("rhos")), rhos, 1e-6, $"rho at {connectivity}");
            EmbeddingGolden.AssertRelativelyClose(EmbeddingGolden.Vector(run.GetProperty("sigmas")), sigmas, 1e-4, $"sigma at {connectivity}");
        }
    }

    [Fact]
    public void Sigma_is_kept_above_a_thousandth_of_the_mean_distance()
    {
        // Every neighbour at ρ: the sum is k − 1 whatever σ, so bisection would shrink σ towards 0.
        double[] row = [0, 1, 1, 1, 1];
        var (sigmas, _) = SmoothNeighborDistances.Compute(row, 5, 5, 1.0);
        Assert.Equal(SmoothNeighborDistances.MinScale * 0.8, sigmas[0], 1e-12);
    }

    [Fact]
    public void Membership_strength_is_one_within_rho_and_decays_beyond()
    {
        Assert.Equal(1.0, MembershipStrengths.Of(0.5, 2.0, 1.0));
        Assert.Equal(1.0, MembershipStrengths.Of(3.0, 0.0, 1.0));
        Assert.Equal(Math.Exp(-1.0), MembershipStrengths.Of(3.0, 2.0, 1.0), 1e-15);

        var strengths = MembershipStrengths.Compute([0, 1, 1, 0], [0, 2.0, 0, 2.0], 2, [1.0, 1.0], [1.0, 0.0], overOnePointSet: true);
        Assert.Equal([0f, (float)Math.Exp(-1.0), 0f, (float)Math.Exp(-2.0)], strengths);
    }

    [Theory]
    [InlineData(0.5, 0.4, 1.0, 0.7)]
    [InlineData(0.5, 0.4, 0.0, 0.2)]
    [InlineData(0.5, 0.0, 1.0, 0.5)]
    [InlineData(0.5, 0.4, 0.5, 0.45)]
    public void The_fuzzy_union_mixes_the_probabilistic_t_conorm_and_the_product(double a, double b, double mix, double expected) =>
        Assert.Equal(expected, FuzzyUnion.Combine(a, b, mix), 1e-15);

    [Fact]
    public void The_gradient_coefficients_match_their_formulas()
    {
        double a = 1.5, b = 0.9, d2 = 2.0;
        Assert.Equal(-2 * a * b * Math.Pow(d2, b - 1) / (1 + a * Math.Pow(d2, b)), LayoutGradients.Attraction(d2, a, b), 1e-15);
        Assert.Equal(2 * 1.0 * b / ((0.001 + d2) * (1 + a * Math.Pow(d2, b))), LayoutGradients.Repulsion(d2, a, b, 1.0), 1e-15);
        Assert.Equal(0.0, LayoutGradients.Attraction(0, a, b));
        Assert.Equal(0.0, LayoutGradients.Repulsion(0, a, b, 1.0));
        Assert.Equal(4.0, LayoutGradients.Step(-10, -1));
        Assert.Equal(-4.0, LayoutGradients.Step(10, -1));
        Assert.Equal(0.5, LayoutGradients.Step(0.25, 2));
    }

    [Fact]
    public void Edges_are_sampled_in_inverse_proportion_to_their_weight()
    {
        Assert.Equal([1.0, 2.0, 4.0, double.PositiveInfinity], EdgeSampling.EpochsPerSample([0.8f, 0.4f, 0.2f, 0f]));
    }
}
