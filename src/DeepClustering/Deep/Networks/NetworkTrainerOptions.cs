
namespace DeepClustering.Networks;

/// <summary>What a <see cref="INetworkTrainer"/> optimizes and how.</summary>
public sealed record NetworkTrainerOptions
{
    /// <summary>The optimizer of the network's parameters.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>The learning rate.</summary>
    public float LearningRate { get; init; } = 1e-3f;

    /// <summary>SGD's momentum (0 for none); must be 0 with Adam.</summary>
    public float Momentum { get; init; }

    /// <summary>Adam's ε, torch.optim.Adam's 1e-8 unless a method says otherwise (DEKM: Keras' 1e-7).</summary>
    public float AdamEpsilon { get; init; } = 1e-8f;

    /// <summary>
    /// The weight of the reconstruction loss: 1 for pretraining, IDEC and DSSEC; 0 for DEC and DEKM, whose decoder is
    /// then neither run nor trained.
    /// </summary>
    public float ReconstructionWeight { get; init; } = 1f;

    /// <summary>The reconstruction loss.</summary>
    public ReconstructionLossKind ReconstructionLoss { get; init; } = ReconstructionLossKind.MeanSquaredError;

    /// <summary>The weight of the head's loss: 1 for DEC and DEKM, γ for IDEC and DSSEC.</summary>
    public float HeadWeight { get; init; } = 1f;

    /// <summary>Whether the decoder takes part (a positive reconstruction weight).</summary>
    public bool TrainsDecoder => ReconstructionWeight > 0f;

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        if (!float.IsFinite(LearningRate) || LearningRate <= 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be positive and finite.");
        }

        if (!float.IsFinite(Momentum) || Momentum < 0f || Momentum >= 1f || (Optimizer == OptimizerKind.Adam && Momentum != 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(Momentum), Momentum, "Momentum must be in [0, 1), and 0 with Adam.");
        }

        if (!float.IsFinite(AdamEpsilon) || AdamEpsilon <= 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(AdamEpsilon), AdamEpsilon, "Adam's epsilon must be positive and finite.");
        }

        if (!float.IsFinite(ReconstructionWeight) || ReconstructionWeight < 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(ReconstructionWeight), ReconstructionWeight, "The reconstruction weight must be finite and not negative.");
        }

        if (!float.IsFinite(HeadWeight) || HeadWeight < 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(HeadWeight), HeadWeight, "The head weight must be finite and not negative.");
        }

        if (!Enum.IsDefined(Optimizer))
        {
            throw new ArgumentOutOfRangeException(nameof(Optimizer), Optimizer, "Unknown optimizer.");
        }

        if (!Enum.IsDefined(ReconstructionLoss))
        {
            throw new ArgumentOutOfRangeException(nameof(ReconstructionLoss), ReconstructionLoss, "Unknown reconstruction loss.");
        }
    }
}
