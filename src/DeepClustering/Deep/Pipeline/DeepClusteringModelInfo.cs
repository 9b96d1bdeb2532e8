namespace DeepClustering.Pipeline;

/// <summary>How a deep clustering model was made; saved with it.</summary>
/// <param name="Encoder">The encoder's name (conv, dense, sparse, …).</param>
/// <param name="Clusterer">The initial clusterer's name.</param>
/// <param name="Refiner">The refiner's name, or null when the initial clustering was kept (autoencoder + clusterer).</param>
/// <param name="Seed">The seed of the fit.</param>
/// <param name="PretrainSeconds">Wall-clock seconds of reconstruction pretraining.</param>
/// <param name="Seconds">Wall-clock seconds of the whole fit.</param>
/// <param name="RefinementIterations">Mini-batch steps of the refinement (0 without one).</param>
/// <param name="Converged">Whether the refiner's stopping rule was met before its cap (null without a refiner).</param>
/// <param name="Backend">The network backend the model was trained on (<c>managed</c>, <c>torchsharp</c>); null in files of earlier versions.</param>
/// <param name="Device">The device it was trained on (<c>cpu</c>, <c>cuda:0</c>); null in files of earlier versions.</param>
/// <param name="Canceled">
/// Whether the fit was cancelled during the refinement and this is the model as of its last completed step
/// (<see cref="FitCanceledException.PartialModel"/>); false in files of earlier versions.
/// </param>
public sealed record DeepClusteringModelInfo(
    string Encoder, string Clusterer, string? Refiner, long Seed, double PretrainSeconds, double Seconds, int RefinementIterations, bool? Converged,
    string? Backend = null, string? Device = null, bool Canceled = false);
