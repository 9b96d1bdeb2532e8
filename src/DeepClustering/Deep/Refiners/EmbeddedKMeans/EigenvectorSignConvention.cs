namespace DeepClustering.Refiners.EmbeddedKMeans;

/// <summary>
/// A deterministic sign for eigenvectors, which any solver may return as v or −v: the component of largest
/// magnitude is made positive, and of components tied within <see cref="RelativeTieTolerance"/> of that
/// magnitude the first one decides. The DEKM code keeps whatever sign <c>np.linalg.eig</c> returns; the sign
/// does not change the DEKM loss (flipping column c of V flips column c of both f(x)V and the target), so the
/// convention only makes V, Y and the targets reproducible and comparable between solvers.
/// </summary>
internal static class EigenvectorSignConvention
{
    /// <summary>
    /// Components within this fraction of the largest magnitude count as tied with it. Two solvers agree on a
    /// well-separated eigenvector to about 1e-13 relative, far below this, so they pick the same component unless
    /// two magnitudes differ by about 1e-9 relative; exact ties (such as (1, −1)/√2), which rounding would
    /// otherwise break at random, go to the first component.
    /// </summary>
    public const double RelativeTieTolerance = 1e-9;

    /// <summary>+1 or −1: the factor that makes <paramref name="vector"/> follow the convention (+1 for a zero vector).</summary>
    public static int Sign(ReadOnlySpan<double> vector)
    {
        double largest = 0;
        foreach (double v in vector)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }

        double threshold = largest * (1 - RelativeTieTolerance);
        foreach (double v in vector)
        {
            if (largest > 0 && Math.Abs(v) >= threshold)
            {
                return v > 0 ? 1 : -1;
            }
        }

        return 1;
    }
}
