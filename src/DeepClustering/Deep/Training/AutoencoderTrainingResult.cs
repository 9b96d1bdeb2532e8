namespace DeepClustering.Training;

/// <summary>What a finished autoencoder training measured.</summary>
/// <param name="EpochLosses">The mean training loss of each epoch, weighted by batch size: the reconstruction loss plus
/// the penalties of any activity regularizers in the model.</param>
/// <param name="Seconds">Wall-clock duration.</param>
/// <param name="SamplesPerSecond">Training throughput.</param>
public sealed record AutoencoderTrainingResult(IReadOnlyList<double> EpochLosses, double Seconds, double SamplesPerSecond);
