namespace DeepClustering.Clustering;

/// <summary>How Lloyd's update turns a cluster's summed rows into its new centre.</summary>
internal enum CenterRule
{
    /// <summary>The mean of the cluster's rows (k-means).</summary>
    Mean,

    /// <summary>The direction of the sum, scaled to unit norm (spherical k-means).</summary>
    UnitDirection,
}

/// <summary>The update step of k-means and the movement of the centres that decides convergence.</summary>
internal static class CenterUpdate
{
    /// <summary>
    /// Writes the new centres from the clusters' sums and counts (clusters × columns). A cluster with no rows,
    /// or, for <see cref="CenterRule.UnitDirection"/>, with a zero sum, keeps its old centre.
    /// </summary>
    public static void Apply(CenterRule rule, ReadOnlySpan<double> sums, ReadOnlySpan<long> counts, ReadOnlySpan<float> oldCenters,
        Span<float> newCenters, int columns)
    {
        for (int c = 0; c < counts.Length; c++)
        {
            var sum = sums.Slice(c * columns, columns);
            var target = newCenters.Slice(c * columns, columns);
            double scale = rule == CenterRule.Mean ? MeanScale(counts[c]) : UnitScale(sum);
            if (scale == 0)
            {
                oldCenters.Slice(c * columns, columns).CopyTo(target);
                continue;
            }

            for (int f = 0; f < columns; f++)
            {
                target[f] = (float)(sum[f] * scale);
            }
        }
    }

    /// <summary>1 / count, or 0 for an empty cluster.</summary>
    internal static double MeanScale(long count) => count > 0 ? 1.0 / count : 0;

    /// <summary>1 / ‖sum‖, or 0 for a zero sum.</summary>
    internal static double UnitScale(ReadOnlySpan<double> sum)
    {
        double squares = 0;
        foreach (double v in sum)
        {
            squares += v * v;
        }

        return squares > 0 ? 1.0 / Math.Sqrt(squares) : 0;
    }

    /// <summary>Σ over centres of ‖new − old‖², scikit-learn's <c>(center_shift**2).sum()</c>, in double precision.</summary>
    public static double SquaredShift(ReadOnlySpan<float> oldCenters, ReadOnlySpan<float> newCenters)
    {
        double total = 0;
        for (int i = 0; i < oldCenters.Length; i++)
        {
            double d = (double)newCenters[i] - oldCenters[i];
            total += d * d;
        }

        return total;
    }
}
