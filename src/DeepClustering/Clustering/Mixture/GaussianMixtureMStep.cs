using DeepClustering.Numerics.Threading;

namespace DeepClustering.Clustering;

/// <summary>
/// The maximisation step (scikit-learn's <c>_estimate_gaussian_parameters</c>): from responsibilities rᵢₖ,
/// nₖ = Σᵢ rᵢₖ + 10ε, μₖ = Σᵢ rᵢₖ xᵢ / nₖ, and each covariance type's estimate plus the regularisation on the diagonal.
/// </summary>
internal static class GaussianMixtureMStep
{
    /// <summary>10 · machine epsilon, added to every nₖ as scikit-learn does so that an empty component does not divide by zero.</summary>
    internal const double CountFloor = 10 * 2.220446049250313e-16;

    /// <summary>
    /// nₖ, μₖ and Σₖ for every component from <paramref name="responsibilities"/> (rows × components), in parallel
    /// over components.
    /// </summary>
    public static (double[] Counts, double[] Means, double[][] Covariances) Estimate(double[] x, int rows, int columns,
        double[] responsibilities, int components, double regularization, CovarianceType type, int threads)
    {
        var counts = new double[components];
        var means = new double[components * columns];
        var covariances = new double[components][];
        RowParts.Run(components, threads, k =>
        {
            counts[k] = Count(responsibilities, rows, components, k);
            var mean = means.AsSpan(k * columns, columns);
            Mean(x, rows, columns, responsibilities, components, k, counts[k], mean);
            covariances[k] = type switch
            {
                CovarianceType.Full => FullCovariance(x, rows, columns, responsibilities, components, k, counts[k], mean, regularization),
                CovarianceType.Diagonal => DiagonalCovariance(x, rows, columns, responsibilities, components, k, counts[k], mean, regularization),
                _ => [SphericalCovariance(DiagonalCovariance(x, rows, columns, responsibilities, components, k, counts[k], mean, regularization))],
            };
        });
        return (counts, means, covariances);
    }

    /// <summary>nₖ = Σᵢ rᵢₖ + 10ε.</summary>
    public static double Count(double[] responsibilities, int rows, int components, int k)
    {
        double sum = 0;
        for (int r = 0; r < rows; r++)
        {
            sum += responsibilities[r * components + k];
        }

        return sum + CountFloor;
    }

    /// <summary>μₖ = Σᵢ rᵢₖ xᵢ / nₖ.</summary>
    public static void Mean(double[] x, int rows, int columns, double[] responsibilities, int components, int k, double count, Span<double> mean)
    {
        mean.Clear();
        for (int r = 0; r < rows; r++)
        {
            double weight = responsibilities[r * components + k];
            var row = x.AsSpan(r * columns, columns);
            for (int j = 0; j < columns; j++)
            {
                mean[j] += weight * row[j];
            }
        }

        for (int j = 0; j < columns; j++)
        {
            mean[j] /= count;
        }
    }

    /// <summary>Σₖ = Σᵢ rᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ / nₖ + reg·I, d × d row-major (exactly symmetric).</summary>
    public static double[] FullCovariance(double[] x, int rows, int columns, double[] responsibilities, int components, int k,
        double count, ReadOnlySpan<double> mean, double regularization)
    {
        int d = columns;
        var covariance = new double[d * d];
        var diff = new double[d];
        for (int r = 0; r < rows; r++)
        {
            double weight = responsibilities[r * components + k];
            var row = x.AsSpan(r * d, d);
            for (int j = 0; j < d; j++)
            {
                diff[j] = row[j] - mean[j];
            }

            for (int i = 0; i < d; i++)
            {
                double wi = weight * diff[i];
                var target = covariance.AsSpan(i * d, d);
                for (int j = 0; j <= i; j++)
                {
                    target[j] += wi * diff[j];
                }
            }
        }

        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double v = covariance[i * d + j] / count;
                covariance[i * d + j] = v;
                covariance[j * d + i] = v;
            }

            covariance[i * d + i] += regularization;
        }

        return covariance;
    }

    /// <summary>σₖⱼ² = Σᵢ rᵢₖ (xᵢⱼ − μₖⱼ)² / nₖ + reg for each dimension j.</summary>
    public static double[] DiagonalCovariance(double[] x, int rows, int columns, double[] responsibilities, int components, int k,
        double count, ReadOnlySpan<double> mean, double regularization)
    {
        var variance = new double[columns];
        for (int r = 0; r < rows; r++)
        {
            double weight = responsibilities[r * components + k];
            var row = x.AsSpan(r * columns, columns);
            for (int j = 0; j < columns; j++)
            {
                double diff = row[j] - mean[j];
                variance[j] += weight * diff * diff;
            }
        }

        for (int j = 0; j < columns; j++)
        {
            variance[j] = variance[j] / count + regularization;
        }

        return variance;
    }

    /// <summary>σₖ² = the mean of the diagonal variances (which already include the regularisation).</summary>
    public static double SphericalCovariance(ReadOnlySpan<double> diagonal)
    {
        double sum = 0;
        foreach (double v in diagonal)
        {
            sum += v;
        }

        return sum / diagonal.Length;
    }
}
