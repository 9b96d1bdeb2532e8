using DeepClustering.Manifold.Objectives;

namespace DeepClustering.Tests.Manifold;

/// <summary>KL(P‖Q) and its per-pair terms.</summary>
public class KlDivergenceTests
{
    [Fact]
    public void Identical_distributions_have_zero_divergence() =>
        Assert.Equal(0.0, KlDivergence.Dense([0, 0.5, 0.5, 0], [0, 0.5, 0.5, 0], 2), 1e-15);

    [Fact]
    public void Divergence_of_a_hand_worked_example()
    {
        // Three points; P puts 0.3, 0.15, 0.05 on the pairs (0,1), (0,2), (1,2) in both orders, Q 0.2, 0.2, 0.1.
        double[] p = [0, 0.3, 0.15, 0.3, 0, 0.05, 0.15, 0.05, 0];
        double[] q = [0, 0.2, 0.2, 0.2, 0, 0.1, 0.2, 0.1, 0];
        double expected = 2 * (0.3 * Math.Log(1.5) + 0.15 * Math.Log(0.75) + 0.05 * Math.Log(0.5));

        Assert.Equal(expected, KlDivergence.Dense(p, q, 3), 1e-15);
    }

    [Fact]
    public void The_terms_floor_their_arguments_as_scikit_learn_does()
    {
        Assert.Equal(0.0, KlDivergence.ExactTerm(0.0, 0.3));
        Assert.Equal(0.25 * Math.Log(0.25 / 2.220446049250313e-16), KlDivergence.ExactTerm(0.25, 0.0), 1e-12);
        Assert.Equal(0.25 * Math.Log(0.25 / 1.1754943508222875e-38), KlDivergence.BarnesHutTerm(0.25, 0.0), 1e-12);
        Assert.Equal(0.25 * Math.Log(0.5), KlDivergence.BarnesHutTerm(0.25, 0.5), 1e-15);
    }
}
