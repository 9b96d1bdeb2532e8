namespace DeepClustering.Training;

/// <summary>Where a greedy layer-wise pretraining stands, reported after every mini-batch.</summary>
/// <param name="Stage">The current stage, from 1: stages 1 … rungs train the rungs outermost first, the last
/// stage (when fine-tuning) trains the stacked network.</param>
/// <param name="Stages">Stages in all.</param>
/// <param name="IsFineTuning">Whether this is the end-to-end fine-tuning of the stacked network.</param>
/// <param name="Training">The progress of the stage's training.</param>
public readonly record struct GreedyLayerwisePretrainingProgress(int Stage, int Stages, bool IsFineTuning, AutoencoderTrainingProgress Training);
