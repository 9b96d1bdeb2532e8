namespace DeepClustering.Clustering;

/// <summary>
/// A clusterer whose result depends on a seed (k-means, spherical k-means, the Gaussian mixture). A pipeline that has
/// a seed of its own (<see cref="Pipeline.DeepClusteringBuilder.WithSeed"/>, a method's <c>Seed</c>) gives it that seed,
/// unless the clusterer's options set one explicitly: one seed, in one place, drives the whole fit.
/// </summary>
public interface ISeededClusterer : IClusterer
{
    /// <summary>Whether the options set <c>Seed</c> explicitly (then a pipeline keeps it).</summary>
    bool HasExplicitSeed { get; }

    /// <summary>The same clusterer with <paramref name="seed"/> as its seed.</summary>
    IClusterer WithSeed(long seed);
}
