using DeepClustering.Clustering;
using DeepClustering.Refiners;
using DeepClustering.Refiners.Dec;

namespace DeepClustering.Methods;

/// <summary>
/// IDEC (Guo et al. 2017). Defaults: <see cref="IdecOptions"/>.
/// </summary>
/// <example>
/// <code>
/// using var model = new Idec(new IdecOptions { ClusterCount = 10, PretrainingEpochs = 50, Seed = 0 }).Fit(images);
/// int[] labels = model.Predict(images);
/// </code>
/// </example>
public sealed class Idec : DeepClusteringMethod
{
    private readonly IdecOptions _options;

    /// <summary>A Idec estimator with <paramref name="options"/>, validated now.</summary>
    public Idec(IdecOptions options)
        : base(options)
    {
        _options = options;
    }

    /// <inheritdoc />
    public override string Name => "idec";

    private protected override IClusterRefiner CreateRefiner(KMeansOptions kMeans) => new DecRefiner(_options.Refiner());
}
