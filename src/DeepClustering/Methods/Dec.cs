using DeepClustering.Clustering;
using DeepClustering.Refiners;
using DeepClustering.Refiners.Dec;

namespace DeepClustering.Methods;

/// <summary>
/// DEC (Xie, Girshick and Farhadi 2016). Defaults: <see cref="DecOptions"/>.
/// </summary>
/// <example>
/// <code>
/// using var model = new Dec(new DecOptions { ClusterCount = 10, PretrainingEpochs = 50, Seed = 0 }).Fit(images);
/// int[] labels = model.Predict(images);
/// </code>
/// </example>
public sealed class Dec : DeepClusteringMethod
{
    private readonly DecOptions _options;

    /// <summary>A Dec estimator with <paramref name="options"/>, validated now.</summary>
    public Dec(DecOptions options)
        : base(options)
    {
        _options = options;
    }

    /// <inheritdoc />
    public override string Name => "dec";

    private protected override IClusterRefiner CreateRefiner(KMeansOptions kMeans) => new DecRefiner(_options.Refiner());
}
