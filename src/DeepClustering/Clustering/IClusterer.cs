using DeepClustering.Data;

namespace DeepClustering.Clustering;

/// <summary>
/// A clustering algorithm with its options: <see cref="Fit"/> groups the rows of a data matrix and returns an
/// immutable fitted model (the estimator / model split of ML.NET). Randomness comes from a seed in the options.
/// </summary>
public interface IClusterer
{
    /// <summary>A short name, for example <c>k-means</c>.</summary>
    string Name { get; }

    /// <summary>Clusters the rows of <paramref name="data"/>.</summary>
    IClusteringModel Fit(DataMatrix data, CancellationToken cancellationToken = default);
}
