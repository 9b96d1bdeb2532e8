namespace DeepClustering.Tensors.NN.Regularization;

/// <summary>Options of <see cref="KlSparsityRegularizer"/>: the target activation ρ, the weight β and the clamp ε.</summary>
public sealed class KlSparsityOptions
{
    /// <summary>The default values.</summary>
    public static class Defaults
    {
        /// <summary>
        /// ρ = 0.05, "typically a small value close to zero (say ρ = 0.05)" in Ng's CS294A lecture notes
        /// "Sparse autoencoder" (2011), which define the penalty. DSSEC (Cai, Wang and Guo 2021) also sets ρ "close
        /// to 0"; its value did not survive in the summary of the paper this project works from.
        /// </summary>
        public const double TargetActivation = 0.05;

        /// <summary>
        /// β = 3, the sparsity weight of the UFLDL sparse autoencoder exercise (Ng et al.). It weighs the penalty
        /// against the per-sample sum of halved squared errors there; see <see cref="KlSparsityRegularizer"/> for
        /// how that compares with a mean squared error over all elements.
        /// </summary>
        public const double Weight = 3;

        /// <summary>
        /// ε = 1e-6: mean activations are clamped to [ε, 1 − ε] before the logarithms and divisions. A numerical
        /// guard of this library, not a value from the papers; a saturated unit then still gets a finite push back.
        /// </summary>
        public const double Epsilon = 1e-6;
    }

    /// <summary>The target mean activation ρ of every unit, in (0, 1).</summary>
    public double TargetActivation { get; init; } = Defaults.TargetActivation;

    /// <summary>The weight β of the penalty; 0 turns it off.</summary>
    public double Weight { get; init; } = Defaults.Weight;

    /// <summary>The clamp ε of the mean activations, in (0, 0.5).</summary>
    public double Epsilon { get; init; } = Defaults.Epsilon;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (!(TargetActivation > 0 && TargetActivation < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(TargetActivation), TargetActivation, "The target activation ρ must be in (0, 1).");
        }

        if (!(Weight >= 0) || !double.IsFinite(Weight))
        {
            throw new ArgumentOutOfRangeException(nameof(Weight), Weight, "The sparsity weight β must be non-negative and finite.");
        }

        if (!(Epsilon > 0 && Epsilon < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(Epsilon), Epsilon, "The clamp ε must be in (0, 0.5).");
        }
    }
}
