namespace DeepClustering.Training;

/// <summary>Where an autoencoder's training stands, reported after every mini-batch.</summary>
/// <param name="Epoch">The current epoch, from 1.</param>
/// <param name="Epochs">Epochs in all.</param>
/// <param name="Batch">Mini-batches done in this epoch.</param>
/// <param name="BatchesPerEpoch">Mini-batches per epoch.</param>
/// <param name="Loss">The mean loss of this epoch's batches so far.</param>
public readonly record struct AutoencoderTrainingProgress(int Epoch, int Epochs, int Batch, int BatchesPerEpoch, double Loss);
