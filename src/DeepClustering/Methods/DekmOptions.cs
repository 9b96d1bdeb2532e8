using DeepClustering.Clustering;
using DeepClustering.Networks;
using DeepClustering.Refiners.EmbeddedKMeans;

namespace DeepClustering.Methods;

/// <summary>
/// Options of <see cref="Dekm"/> (deep embedded k-means; Guo et al.'s DEKM.py, and the seed paper <c>000_…</c>), defaulting
/// to DEKM.py: the DCEC convolutional autoencoder (Conv 5×5/2 → 32, 5×5/2 → 64, 3×3/2 → 128, dense → 10, ReLU),
/// pretrained for 200 epochs with Adam on mini-batches of 256 (<c>pretrain_epochs = 200</c>), k-means with 100
/// initialisations (<c>kmeans_n_init = 100</c>), then the embedded k-means loss with Adam, a refresh every 40 steps,
/// tolerance 0.5% and at most 14,000 steps (<see cref="EmbeddedKMeansRefinerOptions.Defaults"/>).
/// </summary>
public sealed record DekmOptions : DeepClusteringMethodOptions
{
    /// <summary>The defaults of DEKM.py, as above.</summary>
    public DekmOptions()
    {
        Autoencoder = AutoencoderKind.Convolutional;
        PretrainingEpochs = 200;
        KMeansInitializationCount = EmbeddedKMeansRefinerOptions.Defaults.KMeansInitializationCount;
    }

    /// <summary>Mini-batch steps between two k-means refreshes: 40.</summary>
    public int UpdateInterval { get; init; } = EmbeddedKMeansRefinerOptions.Defaults.UpdateInterval;

    /// <summary>Stop when at most this fraction of the assignments changed between two refreshes: 0.005.</summary>
    public double Tolerance { get; init; } = EmbeddedKMeansRefinerOptions.Defaults.Tolerance;

    /// <summary>Mini-batch steps of the refinement at most: 14,000.</summary>
    public int MaxIterations { get; init; } = EmbeddedKMeansRefinerOptions.Defaults.MaxIterations;

    /// <summary>Samples per refinement mini-batch: 256.</summary>
    public int RefinementBatchSize { get; init; } = EmbeddedKMeansRefinerOptions.Defaults.BatchSize;

    internal EmbeddedKMeansRefinerOptions Refiner(KMeansOptions kMeans) => new()
    {
        UpdateInterval = UpdateInterval,
        Tolerance = Tolerance,
        MaxIterations = MaxIterations,
        BatchSize = RefinementBatchSize,
        Reclustering = kMeans,
    };
}
