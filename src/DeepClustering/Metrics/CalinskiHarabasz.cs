using DeepClustering.Data;

namespace DeepClustering.Metrics;

/// <summary>
/// The Calinski-Harabasz index (variance ratio criterion, Caliński and Harabasz 1974), as scikit-learn's
/// <c>calinski_harabasz_score</c>: <c>CH = [B / (k − 1)] / [W / (n − k)]</c> with the between-cluster dispersion
/// <c>B = Σ_c n_c ‖μ_c − μ‖²</c> and the within-cluster dispersion <c>W = Σ_c Σ_{i∈c} ‖xᵢ − μ_c‖²</c>; 1 when
/// W = 0. Higher is better, unbounded. Needs the data and 2 … n − 1 distinct labels; any ints are labels and −1
/// (noise) is a cluster of its own, as in scikit-learn. O(n·d), in double.
/// </summary>
public static class CalinskiHarabasz
{
    /// <summary>CH of <paramref name="labels"/> on <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The label count differs from the data's rows, or there are fewer than 2 or more than n − 1 distinct labels.
    /// </exception>
    public static double Compute(DataMatrix data, IReadOnlyList<int> labels)
    {
        MetricArguments.RequireLabelledData(data, labels);
        var encoded = EncodedLabels.Encode(labels);
        MetricArguments.RequireClusterCountForInternalScore(encoded.Count, data.Rows);
        int d = data.Columns;
        var mean = ClusterCentroids.Mean(data);
        var centroids = ClusterCentroids.Compute(data, encoded);
        double between = 0, within = 0;
        for (int c = 0; c < encoded.Count; c++)
        {
            between += encoded.Counts[c] * ClusterCentroids.SquaredDistance(centroids.AsSpan(c * d, d), mean);
        }

        for (int i = 0; i < data.Rows; i++)
        {
            within += ClusterCentroids.SquaredDistance(data.Row(i), centroids.AsSpan(encoded.Codes[i] * d, d));
        }

        return FromDispersions(between, within, data.Rows, encoded.Count);
    }

    /// <summary>CH = B·(n − k) / (W·(k − 1)), 1 when W = 0 (as scikit-learn).</summary>
    internal static double FromDispersions(double between, double within, int samples, int clusters) =>
        within == 0.0 ? 1.0 : between * (samples - clusters) / (within * (clusters - 1.0));
}
