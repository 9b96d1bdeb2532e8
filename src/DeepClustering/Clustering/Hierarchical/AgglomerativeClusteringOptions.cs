using DeepClustering.Numerics.Threading;

namespace DeepClustering.Clustering.Hierarchical;

/// <summary>
/// Options of <see cref="AgglomerativeClustering"/>; the names map to scikit-learn's
/// <c>AgglomerativeClustering(n_clusters, linkage, distance_threshold)</c> with the Euclidean metric.
/// </summary>
public sealed class AgglomerativeClusteringOptions
{
    /// <summary>The default values.</summary>
    public static class Defaults
    {
        /// <summary>Clusters to find when no distance threshold is given: 2, scikit-learn's <c>n_clusters</c>.</summary>
        public const int ClusterCount = 2;

        /// <summary>Ward linkage, scikit-learn's default <c>linkage</c>.</summary>
        public const Linkage Linkage = Hierarchical.Linkage.Ward;

        /// <summary>Threads of the distance computations: 0, one per logical processor.</summary>
        public const int Threads = 0;
    }

    /// <summary>
    /// The number of clusters to cut the tree into, from 1 to the number of rows. Leave it null to get
    /// <see cref="Defaults.ClusterCount"/>, or to cut by <see cref="DistanceThreshold"/> instead; setting both is refused.
    /// </summary>
    public int? ClusterCount { get; init; }

    /// <summary>
    /// Instead of a number of clusters: undo every merge at this linkage distance or more (scikit-learn's
    /// <c>distance_threshold</c>; the clusters are the merges at distances ≥ the threshold, plus one). Non-negative.
    /// </summary>
    public double? DistanceThreshold { get; init; }

    /// <summary>How the distance between clusters is measured.</summary>
    public Linkage Linkage { get; init; } = Defaults.Linkage;

    /// <summary>Threads that compute distances, the calling thread included; 0 means one per logical processor.</summary>
    public int Threads { get; init; } = Defaults.Threads;

    internal void Validate()
    {
        if (ClusterCount is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ClusterCount), ClusterCount, "ClusterCount must be at least 1.");
        }

        if (DistanceThreshold is { } threshold && (double.IsNaN(threshold) || threshold < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(DistanceThreshold), threshold, "DistanceThreshold must be non-negative.");
        }

        if (ClusterCount is not null && DistanceThreshold is not null)
        {
            throw new ArgumentException(
                "Set either ClusterCount or DistanceThreshold, not both: each one decides where the tree is cut.", nameof(DistanceThreshold));
        }

        if (!Enum.IsDefined(Linkage))
        {
            throw new ArgumentOutOfRangeException(nameof(Linkage), Linkage, "Unknown linkage.");
        }

        if (Threads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Threads must be 0 (one per logical processor) or positive.");
        }
    }

    internal int ResolveThreads() => ThreadCount.Resolve(Threads, nameof(Threads));
}
