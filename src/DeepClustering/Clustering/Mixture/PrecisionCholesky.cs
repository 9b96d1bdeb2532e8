using MathNet.Numerics.LinearAlgebra;

namespace DeepClustering.Clustering;

/// <summary>
/// The precision Cholesky factor P (P·Pᵀ = Σ⁻¹) of one component, from its covariance (scikit-learn's
/// <c>_compute_precision_cholesky</c>) or from a given precision (scikit-learn's handling of <c>precisions_init</c>).
/// </summary>
internal static class PrecisionCholesky
{
    /// <summary>
    /// From a covariance: full, Σ = L·Lᵀ (MathNet's Cholesky) and P = (L⁻¹)ᵀ; diagonal and spherical, 1/√σ².
    /// Returns null when the covariance is not positive definite.
    /// </summary>
    public static double[]? FromCovariance(double[] covariance, CovarianceType type, int columns)
    {
        if (type != CovarianceType.Full)
        {
            var result = new double[covariance.Length];
            for (int i = 0; i < covariance.Length; i++)
            {
                if (!(covariance[i] > 0))
                {
                    return null;
                }

                result[i] = 1 / Math.Sqrt(covariance[i]);
            }

            return result;
        }

        var factor = LowerCholesky(covariance, columns);
        if (factor is null)
        {
            return null;
        }

        // Columns of L⁻¹ by forward substitution, L·y = eⱼ; P = (L⁻¹)ᵀ, so column j of L⁻¹ is row j of P.
        int d = columns;
        var precision = new double[d * d];
        var y = new double[d];
        for (int j = 0; j < d; j++)
        {
            for (int i = 0; i < d; i++)
            {
                double sum = i == j ? 1 : 0;
                for (int m = j; m < i; m++)
                {
                    sum -= factor[i, m] * y[m];
                }

                y[i] = i < j ? 0 : sum / factor[i, i];
            }

            y.CopyTo(precision.AsSpan(j * d, d));
        }

        return precision;
    }

    /// <summary>
    /// From a given precision: full, its lower Cholesky factor; diagonal and spherical, √λ. Returns null when the
    /// precision is not positive definite.
    /// </summary>
    public static double[]? FromPrecision(IReadOnlyList<double> precision, CovarianceType type, int columns)
    {
        if (type != CovarianceType.Full)
        {
            var result = new double[precision.Count];
            for (int i = 0; i < result.Length; i++)
            {
                if (!(precision[i] > 0))
                {
                    return null;
                }

                result[i] = Math.Sqrt(precision[i]);
            }

            return result;
        }

        var factor = LowerCholesky([.. precision], columns);
        if (factor is null)
        {
            return null;
        }

        var flat = new double[columns * columns];
        for (int i = 0; i < columns; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                flat[i * columns + j] = factor[i, j];
            }
        }

        return flat;
    }

    /// <summary>The lower Cholesky factor of a symmetric d × d row-major matrix (its lower triangle is read), or null if it is not positive definite.</summary>
    private static Matrix<double>? LowerCholesky(double[] matrix, int d)
    {
        var m = Matrix<double>.Build.Dense(d, d, (i, j) => i >= j ? matrix[i * d + j] : matrix[j * d + i]);
        try
        {
            var factor = m.Cholesky().Factor;
            for (int i = 0; i < d; i++)
            {
                if (!(factor[i, i] > 0) || !double.IsFinite(factor[i, i]))
                {
                    return null;
                }
            }

            return factor;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
