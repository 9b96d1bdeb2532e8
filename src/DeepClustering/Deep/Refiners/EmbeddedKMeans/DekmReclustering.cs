using DeepClustering.Clustering;

namespace DeepClustering.Refiners.EmbeddedKMeans;

/// <summary>
/// The k-means that embedded k-means re-runs at each refresh after the first. DEKM's scatter, eigenbasis and
/// centre targets are k-means quantities, so it is always k-means: with the seeding, iteration cap, tolerance,
/// k-means++ trials and thread count of <see cref="EmbeddedKMeansRefinerOptions.Reclustering"/> when it is set,
/// otherwise scikit-learn's defaults (<see cref="KMeansOptions"/>), which are those of DEKM.py's
/// <c>KMeans(n_clusters=n_clusters, n_init=kmeans_n_init)</c>. Given initial centres are never reused (DEKM.py
/// seeds every run afresh with k-means++), and the number of initialisations and the seed are set by the
/// refiner (<see cref="KMeansInitializationSchedule"/>).
/// </summary>
internal static class DekmReclustering
{
    /// <summary>k-means for <paramref name="clusterCount"/> clusters with <paramref name="initializations"/> initialisations and seed <paramref name="seed"/>.</summary>
    public static KMeans Create(KMeansOptions? template, int clusterCount, int initializations, long seed)
    {
        var options = (template ?? new KMeansOptions()) with
        {
            ClusterCount = clusterCount,
            InitialCenters = null,
            InitializationCount = initializations,
            Seed = seed,
        };
        return new KMeans(options);
    }
}
