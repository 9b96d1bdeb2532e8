namespace DeepClustering.Clustering;

/// <summary>
/// The expectation step (scikit-learn's <c>_estimate_log_prob_resp</c>): for each row, log p(xᵢ) =
/// logsumexp over k of (log wₖ + log N(xᵢ | k)), and the log-responsibilities log wₖ + log N(xᵢ | k) − log p(xᵢ).
/// </summary>
internal static class GaussianMixtureEStep
{
    /// <summary>
    /// Turns <paramref name="weightedLogProbabilities"/> (rows × components) into log-responsibilities in place,
    /// writes log p(xᵢ) into <paramref name="logNormalizers"/>, and returns their mean (scikit-learn's lower bound
    /// and <c>score</c>).
    /// </summary>
    public static double LogResponsibilities(double[] weightedLogProbabilities, int components, double[] logNormalizers)
    {
        int rows = logNormalizers.Length;
        double total = 0;
        for (int r = 0; r < rows; r++)
        {
            var row = weightedLogProbabilities.AsSpan(r * components, components);
            double norm = LogSumExp.Of(row);
            logNormalizers[r] = norm;
            total += norm;
            for (int c = 0; c < components; c++)
            {
                row[c] -= norm;
            }
        }

        return total / rows;
    }

    /// <summary>The E-step on <paramref name="x"/>: log-responsibilities (rows × components), per-row log p(x), and their mean.</summary>
    public static (double[] LogResponsibilities, double[] LogNormalizers, double MeanLogLikelihood) Run(double[] x, int rows,
        GaussianParameters parameters, int threads)
    {
        var logResponsibilities = GaussianLogDensity.WeightedLogProbabilities(x, rows, parameters, threads);
        var logNormalizers = new double[rows];
        double mean = LogResponsibilities(logResponsibilities, parameters.Components, logNormalizers);
        return (logResponsibilities, logNormalizers, mean);
    }
}
