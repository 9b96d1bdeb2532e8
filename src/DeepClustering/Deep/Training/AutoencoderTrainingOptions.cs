using DeepClustering.Networks;

namespace DeepClustering.Training;

/// <summary>
/// Options of <see cref="AutoencoderTrainer"/>: reconstruction training on shuffled mini-batches with Adam (the
/// default, as DCEC and DEKM) or SGD with momentum (as DEC-keras pretrains its dense autoencoder on MNIST).
/// </summary>
public sealed record AutoencoderTrainingOptions
{
    private readonly long? _seed;

    /// <summary>The default values.</summary>
    public static class Defaults
    {
        /// <summary>Passes over the data; DCEC and DEKM pretrain their convolutional autoencoder for 200 epochs.</summary>
        public const int Epochs = 200;

        /// <summary>Samples per mini-batch, 256 as in DEC, IDEC, DCEC and DEKM.</summary>
        public const int BatchSize = 256;

        /// <summary>Adam's step size, 1e-3 (Keras' and PyTorch's default, used by DCEC and DEKM).</summary>
        public const float LearningRate = 1e-3f;

        /// <summary>The optimizer, Adam: DCEC and DEKM pretrain with Keras' <c>'adam'</c>.</summary>
        public const OptimizerKind Optimizer = OptimizerKind.Adam;

        /// <summary>
        /// SGD's step size, 1: DEC-keras (<c>DEC.py</c> and <c>run_exp.py</c>) pretrains the d-500-500-2000-10 autoencoder on
        /// MNIST and Fashion-MNIST with <c>SGD(lr=1, momentum=0.9)</c> for 300 epochs. Large because Keras' <c>'mse'</c>
        /// averages over the 784 pixels, which makes each gradient small.
        /// </summary>
        public const float SgdLearningRate = 1f;

        /// <summary>SGD's momentum, 0.9 (DEC-keras' <c>SGD(lr=1, momentum=0.9)</c>).</summary>
        public const float SgdMomentum = 0.9f;

        /// <summary>The default step size of <paramref name="optimizer"/>: <see cref="LearningRate"/> for Adam, <see cref="SgdLearningRate"/> for SGD.</summary>
        public static float LearningRateFor(OptimizerKind optimizer) => optimizer switch
        {
            OptimizerKind.Adam => LearningRate,
            OptimizerKind.Sgd => SgdLearningRate,
            _ => throw new ArgumentOutOfRangeException(nameof(optimizer), optimizer, "Unknown optimizer."),
        };
    }

    /// <summary>Passes over the data.</summary>
    public int Epochs { get; init; } = Defaults.Epochs;

    /// <summary>Samples per mini-batch; the last batch of an epoch may be smaller.</summary>
    public int BatchSize { get; init; } = Defaults.BatchSize;

    /// <summary>The optimizer.</summary>
    public OptimizerKind Optimizer { get; init; } = Defaults.Optimizer;

    /// <summary>The optimizer's step size; null takes the optimizer's default (<see cref="Defaults.LearningRateFor"/>).</summary>
    public float? LearningRate { get; init; }

    /// <summary>SGD's momentum, in [0, 1); null takes <see cref="Defaults.SgdMomentum"/>. Only for SGD.</summary>
    public float? Momentum { get; init; }

    /// <summary>The step size that will run: <see cref="LearningRate"/> or the optimizer's default.</summary>
    internal float ResolvedLearningRate => LearningRate ?? Defaults.LearningRateFor(Optimizer);

    /// <summary>The SGD momentum that will run.</summary>
    internal float ResolvedMomentum => Momentum ?? Defaults.SgdMomentum;

    /// <summary>The reconstruction loss.</summary>
    public ReconstructionLossKind Loss { get; init; } = ReconstructionLossKind.MeanSquaredError;

    /// <summary>
    /// Seed of the shuffling; the same seed gives the same batches. 0 unless set; a pipeline gives its own seed
    /// (<see cref="Pipeline.DeepClusteringBuilder.WithSeed"/>) unless this one is set.
    /// </summary>
    public long Seed
    {
        get => _seed ?? 0;
        init => _seed = value;
    }

    /// <summary>Whether <see cref="Seed"/> was set (a pipeline then keeps it rather than giving its own).</summary>
    internal bool HasExplicitSeed => _seed.HasValue;

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

        OptimizerSettingsValidation.Check(Optimizer, LearningRate, Momentum);

        if (!Enum.IsDefined(Loss))
        {
            throw new ArgumentOutOfRangeException(nameof(Loss), Loss, "Unknown reconstruction loss.");
        }
    }
}
