namespace DeepClustering.Training;

/// <summary>What a greedy layer-wise pretraining measured.</summary>
/// <param name="Layers">The training of each rung's one-hidden-layer autoencoder, outermost first.</param>
/// <param name="FineTuning">The end-to-end training of the stacked network; null when it was not fine-tuned.</param>
public sealed record GreedyLayerwisePretrainingResult(IReadOnlyList<AutoencoderTrainingResult> Layers, AutoencoderTrainingResult? FineTuning);
