namespace DeepClustering.Clustering;

/// <summary>
/// A clusterer asked for a fixed number of clusters (k-means, spherical k-means, a Gaussian mixture, a deep method),
/// so that a pipeline can check it against the data before any training.
/// </summary>
public interface IFixedClusterCount
{
    /// <summary>The number of clusters the fit will form.</summary>
    int ClusterCount { get; }
}
