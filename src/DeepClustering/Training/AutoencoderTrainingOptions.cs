namespace DeepClustering.Training;

/// <summary>Options of <see cref="AutoencoderTrainer"/>: reconstruction training with Adam on shuffled mini-batches.</summary>
public sealed class AutoencoderTrainingOptions
{
    /// <summary>The default values.</summary>
    public static class Defaults
    {
        /// <summary>Passes over the data; DCEC and DEKM pretrain their convolutional autoencoder for 200 epochs.</summary>
        public const int Epochs = 200;

        /// <summary>Samples per mini-batch, 256 as in DEC, IDEC, DCEC and DEKM.</summary>
        public const int BatchSize = 256;

        /// <summary>Adam's step size, 1e-3 (Keras' and PyTorch's default, used by DCEC and DEKM).</summary>
        public const float LearningRate = 1e-3f;
    }

    /// <summary>Passes over the data.</summary>
    public int Epochs { get; init; } = Defaults.Epochs;

    /// <summary>Samples per mini-batch; the last batch of an epoch may be smaller.</summary>
    public int BatchSize { get; init; } = Defaults.BatchSize;

    /// <summary>Adam's step size.</summary>
    public float LearningRate { get; init; } = Defaults.LearningRate;

    /// <summary>The reconstruction loss.</summary>
    public ReconstructionLossKind Loss { get; init; } = ReconstructionLossKind.MeanSquaredError;

    /// <summary>Seed of the shuffling; the same seed gives the same batches.</summary>
    public long Seed { get; init; }

    /// <summary>Whether each epoch visits the samples in a new random order.</summary>
    public bool Shuffle { get; init; } = true;

    internal void Validate()
    {
        if (Epochs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be positive.");
        }

        if (BatchSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "The batch size must be positive.");
        }

        if (!(LearningRate > 0f) || !float.IsFinite(LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be positive and finite.");
        }

        if (!Enum.IsDefined(Loss))
        {
            throw new ArgumentOutOfRangeException(nameof(Loss), Loss, "Unknown reconstruction loss.");
        }
    }
}
