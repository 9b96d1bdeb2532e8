namespace DeepClustering.Metrics;

/// <summary>Whether a larger or a smaller score means a better clustering.</summary>
public enum MetricDirection
{
    /// <summary>Larger is better (ACC, NMI, ARI, silhouette, Calinski-Harabasz).</summary>
    HigherIsBetter,

    /// <summary>Smaller is better (Davies-Bouldin).</summary>
    LowerIsBetter,
}
