namespace DeepClustering.Networks;

/// <summary>The loss that measures how well an autoencoder reconstructs its input.</summary>
public enum ReconstructionLossKind
{
    /// <summary>Mean squared error, the loss of DEC, IDEC, DCEC and DEKM.</summary>
    MeanSquaredError,

    /// <summary>Binary cross-entropy on the decoder's logits, for inputs scaled to [0, 1].</summary>
    BinaryCrossEntropy,
}
