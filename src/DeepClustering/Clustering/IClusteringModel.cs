using DeepClustering.Data;

namespace DeepClustering.Clustering;

/// <summary>The result of <see cref="IClusterer.Fit"/>: the training rows' labels and a way to label new rows.</summary>
public interface IClusteringModel
{
    /// <summary>Clusters found (noise, labelled −1, is not a cluster).</summary>
    int ClusterCount { get; }

    /// <summary>The cluster of each training row, 0 … ClusterCount − 1, or −1 for noise.</summary>
    IReadOnlyList<int> Labels { get; }

    /// <summary>
    /// Labels new rows with the same number of columns as the training data. Each algorithm documents its rule
    /// (nearest centre, most probable component, a core sample within eps, …).
    /// </summary>
    int[] Predict(DataMatrix data);
}
