using DeepClustering.Clustering;
using DeepClustering.Refiners;

namespace DeepClustering.Methods;

/// <summary>
/// An autoencoder pretrained to reconstruct, then k-means on its embedding, with no joint refinement: the baseline
/// every deep clustering method is measured against. Defaults: <see cref="AutoencoderKMeansOptions"/>.
/// </summary>
/// <example>
/// <code>
/// using var model = new AutoencoderKMeans(new AutoencoderKMeansOptions { ClusterCount = 10, PretrainingEpochs = 20, Seed = 0 }).Fit(images);
/// </code>
/// </example>
public sealed class AutoencoderKMeans : DeepClusteringMethod
{
    /// <summary>An autoencoder + k-means estimator with <paramref name="options"/>, validated now.</summary>
    public AutoencoderKMeans(AutoencoderKMeansOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    public override string Name => "ae-kmeans";

    private protected override IClusterRefiner? CreateRefiner(KMeansOptions kMeans) => null;
}
