using DeepClustering.Numerics.Threading;

namespace DeepClustering.Clustering;

/// <summary>
/// The log-density of each row under each Gaussian component, as scikit-learn's
/// <c>_estimate_log_gaussian_prob</c>: log N(x | μ, Σ) = −½ (d·ln 2π + ‖(x − μ)·P‖²) + log det P, with P·Pᵀ = Σ⁻¹.
/// </summary>
internal static class GaussianLogDensity
{
    private static readonly double LogTwoPi = Math.Log(2 * Math.PI);

    /// <summary>
    /// log det P of a precision Cholesky factor, which is ½ log det Σ⁻¹ (scikit-learn's
    /// <c>_compute_log_det_cholesky</c>): Σ log Pⱼⱼ (full), Σ log pⱼ (diagonal), d · log p (spherical).
    /// </summary>
    public static double LogDeterminant(ReadOnlySpan<double> precisionCholesky, CovarianceType type, int columns)
    {
        double sum = 0;
        switch (type)
        {
            case CovarianceType.Full:
                for (int j = 0; j < columns; j++)
                {
                    sum += Math.Log(precisionCholesky[j * columns + j]);
                }

                return sum;
            case CovarianceType.Diagonal:
                foreach (double p in precisionCholesky)
                {
                    sum += Math.Log(p);
                }

                return sum;
            default:
                return columns * Math.Log(precisionCholesky[0]);
        }
    }

    /// <summary>
    /// ‖(x − μ)·P‖², the squared Mahalanobis distance (x − μ)ᵀ Σ⁻¹ (x − μ). <paramref name="scratch"/> holds
    /// d values (used for the full type).
    /// </summary>
    public static double SquaredMahalanobis(ReadOnlySpan<double> x, ReadOnlySpan<double> mean, ReadOnlySpan<double> precisionCholesky,
        CovarianceType type, Span<double> scratch)
    {
        int d = x.Length;
        double sum = 0;
        switch (type)
        {
            case CovarianceType.Full:
                var y = scratch[..d];
                y.Clear();
                for (int i = 0; i < d; i++)
                {
                    double diff = x[i] - mean[i];
                    var row = precisionCholesky.Slice(i * d, d);
                    for (int j = 0; j < d; j++)
                    {
                        y[j] += diff * row[j];
                    }
                }

                foreach (double v in y)
                {
                    sum += v * v;
                }

                return sum;
            case CovarianceType.Diagonal:
                for (int i = 0; i < d; i++)
                {
                    double z = (x[i] - mean[i]) * precisionCholesky[i];
                    sum += z * z;
                }

                return sum;
            default:
                for (int i = 0; i < d; i++)
                {
                    double diff = x[i] - mean[i];
                    sum += diff * diff;
                }

                return sum * precisionCholesky[0] * precisionCholesky[0];
        }
    }

    /// <summary>log N(x | μ, Σ) from the squared Mahalanobis distance and log det P.</summary>
    public static double LogProbability(double squaredMahalanobis, double logDeterminant, int columns) =>
        -0.5 * (columns * LogTwoPi + squaredMahalanobis) + logDeterminant;

    /// <summary>
    /// log wₖ + log N(xᵢ | μₖ, Σₖ) for every row i and component k, rows × components (scikit-learn's
    /// <c>_estimate_weighted_log_prob</c>), in parallel over rows.
    /// </summary>
    public static double[] WeightedLogProbabilities(double[] x, int rows, GaussianParameters parameters, int threads)
    {
        int d = parameters.Columns, k = parameters.Components;
        var logDeterminants = new double[k];
        var logWeights = new double[k];
        for (int c = 0; c < k; c++)
        {
            logDeterminants[c] = LogDeterminant(parameters.PrecisionCholesky[c], parameters.Type, d);
            logWeights[c] = Math.Log(parameters.Weights[c]);
        }

        var result = new double[(long)rows * k];
        int parts = RowParts.Count(rows);
        RowParts.Run(parts, threads, part =>
        {
            var scratch = new double[d];
            int end = RowParts.Start(rows, parts, part + 1);
            for (int r = RowParts.Start(rows, parts, part); r < end; r++)
            {
                var row = x.AsSpan(r * d, d);
                for (int c = 0; c < k; c++)
                {
                    double m = SquaredMahalanobis(row, parameters.Means.AsSpan(c * d, d), parameters.PrecisionCholesky[c], parameters.Type, scratch);
                    result[(long)r * k + c] = LogProbability(m, logDeterminants[c], d) + logWeights[c];
                }
            }
        });
        return result;
    }
}
