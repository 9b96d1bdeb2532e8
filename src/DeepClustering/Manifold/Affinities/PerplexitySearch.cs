namespace DeepClustering.Manifold.Affinities;

/// <summary>
/// t-SNE's conditional affinities of one point, P(j|i) = exp(−β·d²ᵢⱼ) / Σₖ exp(−β·d²ᵢₖ), with the precision β found
/// by bisection so that the distribution's Shannon entropy (in nats) is log(perplexity): scikit-learn's
/// <c>_binary_search_perplexity</c>, step for step (β starts at 1, doubles or halves until bracketed, then
/// bisects; at most 100 steps; entropy tolerance 10⁻⁵).
/// </summary>
internal static class PerplexitySearch
{
    /// <summary>Bisection steps at most (scikit-learn's <c>n_steps = 100</c>).</summary>
    internal const int MaxSteps = 100;

    /// <summary>Accepted gap between the entropy and log(perplexity) (scikit-learn's <c>PERPLEXITY_TOLERANCE = 1e-5</c>).</summary>
    internal const double EntropyTolerance = 1e-5;

    /// <summary>Stands for a sum of affinities that underflowed to 0 (scikit-learn's <c>EPSILON_DBL = 1e-8</c>).</summary>
    private const double TinySum = 1e-8;

    /// <summary>
    /// Fills <paramref name="probabilities"/> with P(j|i) over the given squared distances from point i to its
    /// neighbours (point i itself excluded) and returns the precision β = 1/(2σ²) that was found.
    /// </summary>
    public static double ConditionalRow(ReadOnlySpan<double> squaredDistances, double perplexity, Span<double> probabilities)
    {
        double desiredEntropy = Math.Log(perplexity);
        double beta = 1.0, betaMin = double.NegativeInfinity, betaMax = double.PositiveInfinity;
        for (int step = 0; step < MaxSteps; step++)
        {
            double sum = 0;
            for (int j = 0; j < squaredDistances.Length; j++)
            {
                probabilities[j] = Math.Exp(-squaredDistances[j] * beta);
                sum += probabilities[j];
            }

            if (sum == 0.0)
            {
                sum = TinySum;
            }

            double weightedDistances = 0;
            for (int j = 0; j < squaredDistances.Length; j++)
            {
                probabilities[j] /= sum;
                weightedDistances += squaredDistances[j] * probabilities[j];
            }

            double entropyGap = Entropy(sum, beta, weightedDistances) - desiredEntropy;
            if (Math.Abs(entropyGap) <= EntropyTolerance)
            {
                break;
            }

            if (entropyGap > 0.0)
            {
                betaMin = beta;
                beta = double.IsPositiveInfinity(betaMax) ? beta * 2.0 : (beta + betaMax) / 2.0;
            }
            else
            {
                betaMax = beta;
                beta = double.IsNegativeInfinity(betaMin) ? beta / 2.0 : (beta + betaMin) / 2.0;
            }
        }

        return beta;
    }

    /// <summary>
    /// The entropy H = −Σ p log p of p = exp(−β d²)/Z in closed form: log Z + β·Σ p·d², with Z the sum of the
    /// unnormalised affinities and Σ p·d² the mean squared distance under p.
    /// </summary>
    internal static double Entropy(double normaliser, double beta, double meanSquaredDistance) =>
        Math.Log(normaliser) + beta * meanSquaredDistance;
}
