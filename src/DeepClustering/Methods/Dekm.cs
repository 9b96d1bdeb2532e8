using DeepClustering.Clustering;
using DeepClustering.Refiners;
using DeepClustering.Refiners.EmbeddedKMeans;

namespace DeepClustering.Methods;

/// <summary>
/// Deep embedded k-means (DEKM): a pretrained autoencoder, k-means on its embedding, then the encoder trained so that
/// the embedding, rotated by the eigenvectors of the within-cluster scatter, moves its last coordinate to its centre's.
/// Defaults: <see cref="DekmOptions"/> (DEKM.py's recipe).
/// </summary>
/// <example>
/// <code>
/// using var model = new Dekm(new DekmOptions { ClusterCount = 10, PretrainingEpochs = 20, Seed = 0 }).Fit(images);
/// int[] labels = model.Predict(images);
/// </code>
/// </example>
public sealed class Dekm : DeepClusteringMethod
{
    private readonly DekmOptions _options;

    /// <summary>A DEKM estimator with <paramref name="options"/>, validated now.</summary>
    public Dekm(DekmOptions options)
        : base(options)
    {
        _options = options;
    }

    /// <inheritdoc />
    public override string Name => "dekm";

    private protected override IClusterRefiner CreateRefiner(KMeansOptions kMeans) => new EmbeddedKMeansRefiner(_options.Refiner(kMeans));
}
