using DeepClustering.Refiners.Dec;

namespace DeepClustering.Methods;

/// <summary>
/// The refinement options that DEC, IDEC and DSSEC share: Student's t soft assignments, a target distribution
/// refreshed every <see cref="UpdateInterval"/> mini-batches, and the stopping rule. The defaults are those of
/// DEC-keras and the IDEC code (<see cref="DecRefinerOptions.Defaults"/> says where each comes from).
/// </summary>
public abstract record StudentTClusteringOptions : DeepClusteringMethodOptions
{
    private protected StudentTClusteringOptions()
    {
    }

    /// <summary>Mini-batch steps between two refreshes of the target distribution: 140.</summary>
    public int UpdateInterval { get; init; } = DecRefinerOptions.Defaults.UpdateInterval;

    /// <summary>Stop at a refresh where fewer than this fraction of the labels changed: 0.001.</summary>
    public double Tolerance { get; init; } = DecRefinerOptions.Defaults.Tolerance;

    /// <summary>Mini-batch steps of the refinement at most: 20,000.</summary>
    public int MaxIterations { get; init; } = DecRefinerOptions.Defaults.MaxIterations;

    /// <summary>Samples per refinement mini-batch: 256.</summary>
    public int RefinementBatchSize { get; init; } = DecRefinerOptions.Defaults.BatchSize;

    /// <summary>The degrees of freedom α of the Student's t kernel: 1. Saved with the model, which uses it in <c>PredictProba</c>.</summary>
    public double Alpha { get; init; } = DecRefinerOptions.Defaults.Alpha;

    /// <summary>The refiner's options for <paramref name="variant"/>, validated.</summary>
    private protected DecRefinerOptions RefinerOptions(DecVariant variant, double gamma) => new()
    {
        Variant = variant,
        UpdateInterval = UpdateInterval,
        Tolerance = Tolerance,
        MaxIterations = MaxIterations,
        BatchSize = RefinementBatchSize,
        Alpha = Alpha,
        Gamma = gamma,
    };
}
