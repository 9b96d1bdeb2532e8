namespace DeepClustering.Clustering;

/// <summary>
/// The parameters of a Gaussian mixture, in double precision. Per-component covariances and precision Cholesky
/// factors use scikit-learn's layouts: <see cref="CovarianceType.Full"/> a d × d row-major matrix,
/// <see cref="CovarianceType.Diagonal"/> d values, <see cref="CovarianceType.Spherical"/> one value.
/// </summary>
internal sealed class GaussianParameters
{
    public required CovarianceType Type { get; init; }

    public required int Columns { get; init; }

    /// <summary>Mixing weights, one per component.</summary>
    public required double[] Weights { get; init; }

    /// <summary>Means, components × columns, row-major.</summary>
    public required double[] Means { get; init; }

    /// <summary>Covariances (null before the first M-step when the precisions were given).</summary>
    public required double[][]? Covariances { get; init; }

    /// <summary>
    /// Per component a matrix P with P·Pᵀ = Σ⁻¹ (full: (L⁻¹)ᵀ for Σ = L·Lᵀ, or the lower Cholesky factor of a given
    /// precision), or 1/σ per dimension (diagonal, spherical): scikit-learn's <c>precisions_cholesky_</c>.
    /// </summary>
    public required double[][] PrecisionCholesky { get; init; }

    public int Components => Weights.Length;
}
