namespace DeepClustering.Training;

/// <summary>Where a fit stands, reported through <see cref="IProgress{T}"/>.</summary>
/// <param name="Phase">The current phase.</param>
/// <param name="Step">Epochs (pretraining) or iterations (refinement) done.</param>
/// <param name="TotalSteps">Epochs or the iteration cap.</param>
/// <param name="Loss">The latest loss.</param>
/// <param name="LabelsChanged">Fraction of labels changed at the latest refresh, or null.</param>
public readonly record struct DeepClusteringProgress(TrainingPhase Phase, int Step, int TotalSteps, double Loss, double? LabelsChanged);
