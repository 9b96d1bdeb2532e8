using DeepClustering.Clustering;
using DeepClustering.Refiners;
using DeepClustering.Refiners.Dec;

namespace DeepClustering.Methods;

/// <summary>
/// DSSEC. Defaults: <see cref="DssecOptions"/>.
/// </summary>
/// <example>
/// <code>
/// using var model = new Dssec(new DssecOptions { ClusterCount = 10, PretrainingEpochs = 50, Seed = 0 }).Fit(images);
/// int[] labels = model.Predict(images);
/// </code>
/// </example>
public sealed class Dssec : DeepClusteringMethod
{
    private readonly DssecOptions _options;

    /// <summary>A Dssec estimator with <paramref name="options"/>, validated now.</summary>
    public Dssec(DssecOptions options)
        : base(options)
    {
        _options = options;
    }

    /// <inheritdoc />
    public override string Name => "dssec";

    private protected override IClusterRefiner CreateRefiner(KMeansOptions kMeans) => new DecRefiner(_options.Refiner());
}
