namespace DeepClustering.Tensors.NN.Regularization;

/// <summary>
/// The equations of the KL sparsity penalty of sparse autoencoders (Ng, "Sparse autoencoder", CS294A lecture
/// notes, 2011; used on the hidden layers of DSSEC, Cai, Wang and Guo 2021), one function each. Unit j of a hidden
/// layer with activations a_ij in (0, 1) over a batch of n samples has mean activation ρ̂_j = (1/n) Σ_i a_ij; the
/// penalty pulls every ρ̂_j toward the target ρ.
/// </summary>
internal static class KlSparsity
{
    /// <summary>ρ̂ kept inside [ε, 1 − ε], where the divergence and its derivative are finite.</summary>
    public static double ClampMeanActivation(double meanActivation, double epsilon) =>
        Math.Clamp(meanActivation, epsilon, 1 - epsilon);

    /// <summary>
    /// KL(ρ‖ρ̂) = ρ·log(ρ/ρ̂) + (1 − ρ)·log((1 − ρ)/(1 − ρ̂)), the divergence between Bernoulli variables of means ρ
    /// and ρ̂; zero when ρ̂ = ρ, positive otherwise.
    /// </summary>
    public static double Divergence(double target, double meanActivation) =>
        target * Math.Log(target / meanActivation) + (1 - target) * Math.Log((1 - target) / (1 - meanActivation));

    /// <summary>dKL(ρ‖ρ̂)/dρ̂ = −ρ/ρ̂ + (1 − ρ)/(1 − ρ̂).</summary>
    public static double DivergenceDerivative(double target, double meanActivation) =>
        -target / meanActivation + (1 - target) / (1 - meanActivation);

    /// <summary>
    /// The penalty β·Σ_j KL(ρ‖ρ̂_j) over the units' mean activations, each clamped by
    /// <see cref="ClampMeanActivation"/> first.
    /// </summary>
    public static double Penalty(double weight, double target, double epsilon, ReadOnlySpan<float> meanActivations)
    {
        double sum = 0;
        foreach (float mean in meanActivations)
        {
            sum += Divergence(target, ClampMeanActivation(mean, epsilon));
        }

        return weight * sum;
    }

    /// <summary>
    /// ∂(β·Σ_j KL(ρ‖ρ̂_j))/∂a_ij = β/n · (−ρ/ρ̂_j + (1 − ρ)/(1 − ρ̂_j)): the same for every sample i of the batch,
    /// because a_ij enters the penalty only through ρ̂_j = (1/n) Σ_i a_ij. <paramref name="count"/> is n, the
    /// number of values averaged into ρ̂_j.
    /// </summary>
    public static double ActivationGradient(double weight, double target, double meanActivation, int count) =>
        weight / count * DivergenceDerivative(target, meanActivation);
}
