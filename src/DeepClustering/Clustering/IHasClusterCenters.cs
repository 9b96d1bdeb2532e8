using DeepClustering.Data;

namespace DeepClustering.Clustering;

/// <summary>
/// A fitted model whose clusters have centres (scikit-learn's <c>cluster_centers_</c>, or a mixture's <c>means_</c>):
/// k-means, spherical k-means and the Gaussian mixture. A deep pipeline starts its clustering head at these centres;
/// for a model without them it starts at the centroid of each cluster's rows.
/// </summary>
public interface IHasClusterCenters
{
    /// <summary>The centres, one row per cluster (ClusterCount × features), in the space of the training data.</summary>
    DataMatrix Centers { get; }
}
