namespace DeepClustering.Clustering;

/// <summary>Options of <see cref="ClusterCountSweep"/>.</summary>
public sealed class ClusterCountSweepOptions
{
    /// <summary>Smallest k tried (at least 2: the label-free scores need two clusters). Default <see cref="Defaults.MinClusters"/>.</summary>
    public int MinClusters { get; init; } = Defaults.MinClusters;

    /// <summary>Largest k tried (at most the number of rows − 1). Default <see cref="Defaults.MaxClusters"/>.</summary>
    public int MaxClusters { get; init; } = Defaults.MaxClusters;

    /// <summary>Threads of the silhouette; 0 uses every core. Default <see cref="Defaults.Threads"/>.</summary>
    public int Threads { get; init; } = Defaults.Threads;

    /// <summary>
    /// 0 computes the exact silhouette; otherwise the silhouette of a seeded random subset of this many samples
    /// (scikit-learn's <c>sample_size</c>), for large data. Default <see cref="Defaults.SilhouetteSampleSize"/>.
    /// </summary>
    public int SilhouetteSampleSize { get; init; } = Defaults.SilhouetteSampleSize;

    /// <summary>Seed of the silhouette's subset. Default <see cref="Defaults.Seed"/>.</summary>
    public long Seed { get; init; } = Defaults.Seed;

    /// <summary>Checks the options that do not depend on the data.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    public void Validate()
    {
        if (MinClusters < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MinClusters), MinClusters,
                "MinClusters must be at least 2: silhouette, Calinski-Harabasz and Davies-Bouldin need two clusters.");
        }

        if (MaxClusters < MinClusters)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxClusters), MaxClusters, $"MaxClusters must be at least MinClusters ({MinClusters}).");
        }

        if (Threads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Threads must be 0 (every core) or positive.");
        }

        if (SilhouetteSampleSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SilhouetteSampleSize), SilhouetteSampleSize,
                "SilhouetteSampleSize must be 0 (exact) or positive.");
        }
    }

    /// <summary>The default of each option.</summary>
    public static class Defaults
    {
        /// <summary>2, the fewest clusters the label-free scores accept.</summary>
        public const int MinClusters = 2;

        /// <summary>10, the classes of MNIST and Fashion-MNIST, the data sets of this library's papers.</summary>
        public const int MaxClusters = 10;

        /// <summary>Every core.</summary>
        public const int Threads = 0;

        /// <summary>Exact silhouette (scikit-learn's <c>sample_size=None</c>).</summary>
        public const int SilhouetteSampleSize = 0;

        /// <summary>A fixed seed, so that sweeps repeat.</summary>
        public const long Seed = 0;
    }
}
