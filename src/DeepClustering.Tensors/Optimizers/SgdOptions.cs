namespace DeepClustering.Tensors.Optimizers;

/// <summary>Options of <see cref="Sgd"/>; the defaults are PyTorch's except the learning rate, which it requires.</summary>
public sealed class SgdOptions
{
    /// <summary>The default values.</summary>
    public static class Defaults
    {
        /// <summary>Step size, 0.01 (Keras' default; the DEC reference code uses 0.01 with momentum 0.9).</summary>
        public const float LearningRate = 0.01f;
    }

    /// <summary>Step size.</summary>
    public float LearningRate { get; init; } = Defaults.LearningRate;

    /// <summary>Momentum factor, in [0, 1); 0 turns momentum off.</summary>
    public float Momentum { get; init; }

    /// <summary>L2 penalty added to the gradient.</summary>
    public float WeightDecay { get; init; }

    /// <summary>Use Nesterov momentum (needs a positive momentum).</summary>
    public bool Nesterov { get; init; }

    internal void Validate()
    {
        if (!(LearningRate > 0f) || !float.IsFinite(LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be positive and finite.");
        }

        if (Momentum is < 0f or >= 1f || float.IsNaN(Momentum))
        {
            throw new ArgumentOutOfRangeException(nameof(Momentum), Momentum, "Momentum must be in [0, 1).");
        }

        if (!(WeightDecay >= 0f) || !float.IsFinite(WeightDecay))
        {
            throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "Weight decay must be non-negative and finite.");
        }

        if (Nesterov && Momentum == 0f)
        {
            throw new ArgumentException("Nesterov momentum needs a positive momentum.", nameof(Nesterov));
        }
    }
}
