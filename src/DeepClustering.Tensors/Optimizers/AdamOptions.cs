namespace DeepClustering.Tensors.Optimizers;

/// <summary>Options of <see cref="Adam"/>; the defaults are PyTorch's and Keras' (Kingma and Ba, 2015).</summary>
public sealed class AdamOptions
{
    /// <summary>The default values.</summary>
    public static class Defaults
    {
        /// <summary>Step size, 1e-3 (Kingma and Ba, 2015; PyTorch; Keras).</summary>
        public const float LearningRate = 1e-3f;

        /// <summary>First-moment decay, 0.9.</summary>
        public const float Beta1 = 0.9f;

        /// <summary>Second-moment decay, 0.999.</summary>
        public const float Beta2 = 0.999f;

        /// <summary>Denominator term, 1e-8 (PyTorch; Keras uses 1e-7).</summary>
        public const float Epsilon = 1e-8f;
    }

    /// <summary>Step size.</summary>
    public float LearningRate { get; init; } = Defaults.LearningRate;

    /// <summary>First-moment decay, in [0, 1).</summary>
    public float Beta1 { get; init; } = Defaults.Beta1;

    /// <summary>Second-moment decay, in [0, 1).</summary>
    public float Beta2 { get; init; } = Defaults.Beta2;

    /// <summary>Added to the denominator; positive.</summary>
    public float Epsilon { get; init; } = Defaults.Epsilon;

    /// <summary>Weight decay; 0 by default.</summary>
    public float WeightDecay { get; init; }

    /// <summary>Apply weight decay decoupled from the gradient (AdamW, Loshchilov and Hutter 2019).</summary>
    public bool DecoupledWeightDecay { get; init; }

    internal void Validate()
    {
        if (!(LearningRate > 0f) || !float.IsFinite(LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be positive and finite.");
        }

        if (Beta1 is < 0f or >= 1f || float.IsNaN(Beta1))
        {
            throw new ArgumentOutOfRangeException(nameof(Beta1), Beta1, "Beta1 must be in [0, 1).");
        }

        if (Beta2 is < 0f or >= 1f || float.IsNaN(Beta2))
        {
            throw new ArgumentOutOfRangeException(nameof(Beta2), Beta2, "Beta2 must be in [0, 1).");
        }

        if (!(Epsilon > 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(Epsilon), Epsilon, "Epsilon must be positive.");
        }

        if (!(WeightDecay >= 0f) || !float.IsFinite(WeightDecay))
        {
            throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "Weight decay must be non-negative and finite.");
        }
    }
}
