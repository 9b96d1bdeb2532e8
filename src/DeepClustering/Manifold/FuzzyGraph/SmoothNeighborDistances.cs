namespace DeepClustering.Manifold.FuzzyGraph;

/// <summary>
/// UMAP's local metric for each point (McInnes, Healy and Melville 2018, section 3.1; umap-learn's
/// <c>smooth_knn_dist</c>): ρᵢ, the distance to the nearest neighbour that the local connectivity says is
/// certainly connected, and σᵢ, found by bisection so that Σⱼ exp(−max(0, dᵢⱼ − ρᵢ) / σᵢ) = log₂ k over the row's
/// neighbours after its first.
/// </summary>
/// <remarks>
/// As in umap-learn, the sum runs over every column but the first: when fitting, the first column is the point
/// itself at distance 0; when transforming, it is the nearest training point, whose term umap-learn also leaves
/// out. ρ interpolates between the ⌊c⌋-th and next non-zero distance for a fractional local connectivity c.
/// σ is kept above 10⁻³ of the row's mean distance (of the mean over all rows when ρ is 0), so that a point whose
/// neighbours are all at ρ does not get an infinitely sharp kernel.
/// </remarks>
internal static class SmoothNeighborDistances
{
    /// <summary>Bisection steps at most (umap-learn's <c>n_iter=64</c>).</summary>
    public const int MaxIterations = 64;

    /// <summary>How close the sum must come to log₂ k (umap-learn's <c>SMOOTH_K_TOLERANCE</c>).</summary>
    public const double Tolerance = 1e-5;

    /// <summary>The smallest σ as a fraction of the mean neighbour distance (umap-learn's <c>MIN_K_DIST_SCALE</c>).</summary>
    public const double MinScale = 1e-3;

    /// <summary>
    /// σ and ρ of each row of <paramref name="distances"/> (rows × <paramref name="columns"/>, row-major, each row in
    /// increasing order).
    /// </summary>
    /// <param name="distances">The neighbour distances.</param>
    /// <param name="columns">Neighbours per row.</param>
    /// <param name="k">The neighbour count whose logarithm the sums aim at (umap-learn passes n_neighbors).</param>
    /// <param name="localConnectivity">Neighbours assumed connected at distance ρ.</param>
    public static (double[] Sigmas, double[] Rhos) Compute(ReadOnlySpan<double> distances, int columns, double k, double localConnectivity)
    {
        int rows = distances.Length / columns;
        double target = Math.Log2(k);
        double meanAll = Mean(distances);
        var sigmas = new double[rows];
        var rhos = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            var row = distances.Slice(i * columns, columns);
            double rho = Rho(row, localConnectivity);
            double sigma = Bisect(row, rho, target);
            double floor = MinScale * (rho > 0 ? Mean(row) : meanAll);
            sigmas[i] = Math.Max(sigma, floor);
            rhos[i] = rho;
        }

        return (sigmas, rhos);
    }

    /// <summary>
    /// ρ: the ⌊c⌋-th non-zero distance plus the fraction c − ⌊c⌋ of the step to the next (the fraction of the first
    /// when ⌊c⌋ = 0); the largest non-zero distance when there are fewer than c; 0 when there are none.
    /// </summary>
    internal static double Rho(ReadOnlySpan<double> row, double localConnectivity)
    {
        Span<double> nonZero = row.Length <= 256 ? stackalloc double[row.Length] : new double[row.Length];
        int count = 0;
        foreach (double d in row)
        {
            if (d > 0)
            {
                nonZero[count++] = d;
            }
        }

        if (count == 0)
        {
            return 0;
        }

        if (count < localConnectivity)
        {
            double max = 0;
            for (int j = 0; j < count; j++)
            {
                max = Math.Max(max, nonZero[j]);
            }

            return max;
        }

        int index = (int)Math.Floor(localConnectivity);
        double interpolation = localConnectivity - index;
        if (index == 0)
        {
            return interpolation * nonZero[0];
        }

        double rho = nonZero[index - 1];
        if (interpolation > Tolerance && index < count)
        {
            rho += interpolation * (nonZero[index] - nonZero[index - 1]);
        }

        return rho;
    }

    /// <summary>The σ at which the row's membership strengths after the first column sum to <paramref name="target"/>.</summary>
    internal static double Bisect(ReadOnlySpan<double> row, double rho, double target)
    {
        double lo = 0, hi = double.PositiveInfinity, mid = 1;
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            double sum = MembershipSum(row, rho, mid);
            if (Math.Abs(sum - target) < Tolerance)
            {
                break;
            }

            if (sum > target)
            {
                hi = mid;
                mid = (lo + hi) / 2;
            }
            else
            {
                lo = mid;
                mid = double.IsPositiveInfinity(hi) ? mid * 2 : (lo + hi) / 2;
            }
        }

        return mid;
    }

    /// <summary>Σ over the columns after the first of exp(−max(0, d − ρ) / σ).</summary>
    internal static double MembershipSum(ReadOnlySpan<double> row, double rho, double sigma)
    {
        double sum = 0;
        for (int j = 1; j < row.Length; j++)
        {
            double excess = row[j] - rho;
            sum += excess > 0 ? Math.Exp(-excess / sigma) : 1.0;
        }

        return sum;
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return values.Length == 0 ? 0 : sum / values.Length;
    }
}
