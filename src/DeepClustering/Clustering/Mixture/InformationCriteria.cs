namespace DeepClustering.Clustering;

/// <summary>Model-selection scores of a Gaussian mixture, as scikit-learn's <c>bic</c>, <c>aic</c> and <c>_n_parameters</c>.</summary>
internal static class InformationCriteria
{
    /// <summary>
    /// Free parameters: k − 1 weights, k·d means, and covariances k·d(d+1)/2 (full), k·d (diagonal) or k (spherical).
    /// </summary>
    public static long ParameterCount(CovarianceType type, int components, int columns)
    {
        long k = components, d = columns;
        long covariance = type switch
        {
            CovarianceType.Full => k * d * (d + 1) / 2,
            CovarianceType.Diagonal => k * d,
            _ => k,
        };
        return covariance + k * d + k - 1;
    }

    /// <summary>Bayesian information criterion −2·n·ℓ + p·ln n, with ℓ the mean log-likelihood per row; lower is better.</summary>
    public static double Bic(double meanLogLikelihood, int rows, long parameters) =>
        -2 * meanLogLikelihood * rows + parameters * Math.Log(rows);

    /// <summary>Akaike information criterion −2·n·ℓ + 2p; lower is better.</summary>
    public static double Aic(double meanLogLikelihood, int rows, long parameters) =>
        -2 * meanLogLikelihood * rows + 2 * parameters;
}
