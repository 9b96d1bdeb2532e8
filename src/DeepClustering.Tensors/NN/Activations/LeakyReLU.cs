using DeepClustering.Tensors.Backends;

namespace DeepClustering.Tensors.NN.Activations;

/// <summary>Leaky rectified linear unit, y = x for x &gt; 0, else slope · x.</summary>
public sealed class LeakyReLU : ElementwiseActivation
{
    /// <summary>PyTorch's default negative slope.</summary>
    public const float DefaultSlope = 0.01f;

    /// <summary>Creates the activation.</summary>
    public LeakyReLU(IComputeBackend backend, float negativeSlope = DefaultSlope)
        : base(backend)
    {
        if (!float.IsFinite(negativeSlope))
        {
            throw new ArgumentOutOfRangeException(nameof(negativeSlope), negativeSlope, "The slope must be finite.");
        }

        NegativeSlope = negativeSlope;
    }

    /// <summary>The slope for negative inputs.</summary>
    public float NegativeSlope { get; }

    /// <inheritdoc />
    protected override void Apply(Tensor input, Tensor output) => Backend.LeakyRelu(input, NegativeSlope, output);

    /// <inheritdoc />
    protected override void ApplyBackward(Tensor input, Tensor output, Tensor outputGradient, Tensor inputGradient) =>
        Backend.LeakyReluBackward(input, NegativeSlope, outputGradient, inputGradient);
}
