using DeepClustering.Tensors.NN.Regularization;

namespace DeepClustering.Tensors.Tests.NN.Regularization;

/// <summary>The equations of the KL sparsity penalty against values worked out by hand (checked with Python's math.log).</summary>
public class KlSparsityTests
{
    [Theory]
    [InlineData(0.05, 0.5, 0.4946319372140727)]   // 0.05·ln 0.1 + 0.95·ln 1.9
    [InlineData(0.2, 0.1, 0.04440300758688234)]   // 0.2·ln 2 + 0.8·ln(0.8/0.9)
    [InlineData(0.05, 0.25, 0.1440974435393138)]  // 0.05·ln 0.2 + 0.95·ln(0.95/0.75)
    [InlineData(0.3, 0.3, 0.0)]                   // no divergence at the target
    public void Divergence_is_the_Bernoulli_KL(double target, double mean, double expected) =>
        Assert.Equal(expected, KlSparsity.Divergence(target, mean), 1e-14);

    [Theory]
    [InlineData(0.05, 0.5, 1.8)]                  // −0.05/0.5 + 0.95/0.5
    [InlineData(0.2, 0.1, -1.1111111111111112)]   // −0.2/0.1 + 0.8/0.9
    [InlineData(0.3, 0.3, 0.0)]
    public void Divergence_derivative_is_minus_rho_over_mean_plus_its_complement(double target, double mean, double expected) =>
        Assert.Equal(expected, KlSparsity.DivergenceDerivative(target, mean), 1e-14);

    [Fact]
    public void Divergence_derivative_matches_a_central_difference_of_the_divergence()
    {
        const double h = 1e-6;
        foreach (var (target, mean) in new[] { (0.05, 0.3), (0.5, 0.9), (0.9, 0.2) })
        {
            double numeric = (KlSparsity.Divergence(target, mean + h) - KlSparsity.Divergence(target, mean - h)) / (2 * h);
            Assert.Equal(numeric, KlSparsity.DivergenceDerivative(target, mean), 1e-7);
        }
    }

    [Fact]
    public void Penalty_is_beta_times_the_sum_of_the_divergences() =>
        // 3·(KL(0.05‖0.5) + KL(0.05‖0.25)); 0.5 and 0.25 are exact in float32.
        Assert.Equal(1.9161881422601594, KlSparsity.Penalty(3, 0.05, 1e-6, [0.5f, 0.25f]), 1e-13);

    [Fact]
    public void Penalty_clamps_saturated_units_and_stays_finite()
    {
        // ρ̂ = 1 and ρ̂ = 0 are read as 1 − ε and ε: 3·(KL(0.05‖1 − 1e-6) + KL(0.05‖1e-6)).
        double expected = 3 * (12.926219836692894 + 0.4922612345528162);
        Assert.Equal(expected, KlSparsity.Penalty(3, 0.05, 1e-6, [1f, 0f]), 1e-9);
    }

    [Theory]
    [InlineData(0.07, 0.1, 0.1)]
    [InlineData(0.05, 0.1, 0.1)]
    [InlineData(0.95, 0.1, 0.9)]
    [InlineData(0.5, 0.1, 0.5)]
    public void Clamp_keeps_the_mean_inside_epsilon_and_one_minus_epsilon(double mean, double epsilon, double expected) =>
        Assert.Equal(expected, KlSparsity.ClampMeanActivation(mean, epsilon), 1e-15);

    [Theory]
    [InlineData(3, 0.05, 0.5, 4, 1.35)]                      // 3/4 · 1.8
    [InlineData(0.5, 0.2, 0.1, 2, -0.2777777777777778)]      // 0.5/2 · (−1.1111…)
    [InlineData(3, 0.05, 0.999999, 4, 712499.9624999625)]    // 3/4 · (−0.05/(1 − 1e-6) + 0.95/1e-6)
    [InlineData(0, 0.05, 0.5, 4, 0.0)]
    public void Activation_gradient_is_beta_over_n_times_the_derivative(double weight, double target, double mean, int count, double expected) =>
        Assert.Equal(expected, KlSparsity.ActivationGradient(weight, target, mean, count), Math.Abs(expected) * 1e-9 + 1e-15);
}
