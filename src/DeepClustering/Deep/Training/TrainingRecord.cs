namespace DeepClustering.Training;

/// <summary>
/// One line of a fit's history: an epoch of pretraining, or a refresh of the targets or of the clustering during
/// refinement. ACC, NMI and ARI are filled only when true labels were given for monitoring.
/// </summary>
/// <param name="Phase">The phase.</param>
/// <param name="Step">Epoch (pretraining) or iteration (refinement) at which the record was taken.</param>
/// <param name="Loss">Mean loss since the previous record, or null where no loss applies (the initial clustering).</param>
/// <param name="LabelsChanged">Fraction of labels changed since the previous refresh, or null.</param>
/// <param name="Accuracy">Clustering accuracy against the monitoring labels, or null.</param>
/// <param name="NormalizedMutualInformation">NMI (arithmetic) against the monitoring labels, or null.</param>
/// <param name="AdjustedRandIndex">ARI against the monitoring labels, or null.</param>
public sealed record TrainingRecord(TrainingPhase Phase, int Step, double? Loss, double? LabelsChanged,
    double? Accuracy, double? NormalizedMutualInformation, double? AdjustedRandIndex);
