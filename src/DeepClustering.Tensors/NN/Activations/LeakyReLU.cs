using DeepClustering.Tensors.Backends;

namespace DeepClustering.Tensors.NN.Activations;

/// <summary>Leaky rectified linear unit, y = x for x &gt; 0, else slope · x.</summary>
public sealed class LeakyReLU : Module
{
    /// <summary>PyTorch's default negative slope.</summary>
    public const float DefaultSlope = 0.01f;

    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _inputGradient;

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
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        var output = EnsureBuffer(ref _output, input.Shape);
        Backend.LeakyRelu(input, NegativeSlope, output);
        return output;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient)
    {
        var input = RequireForward(_input);
        if (!InputGradientRequired)
        {
            return null;
        }

        var inputGradient = EnsureBuffer(ref _inputGradient, input.Shape);
        Backend.LeakyReluBackward(input, NegativeSlope, outputGradient, inputGradient);
        return inputGradient;
    }
}
