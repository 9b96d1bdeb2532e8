using DeepClustering.Tensors.Backends;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tensors.NN.Layers;

/// <summary>
/// Inverted dropout: in training mode each element is zeroed with probability p and the others are scaled by
/// 1/(1 − p); in evaluation mode the input passes unchanged.
/// </summary>
public sealed class Dropout : Module
{
    private readonly RandomGenerator _random;
    private Tensor? _mask;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private Tensor? _input;
    private bool _lastWasTraining;

    /// <summary>Creates the layer; its masks are drawn from <paramref name="random"/>.</summary>
    public Dropout(IComputeBackend backend, float probability, RandomGenerator random)
        : base(backend)
    {
        if (probability is < 0f or >= 1f || float.IsNaN(probability))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The dropout probability must be in [0, 1).");
        }

        ArgumentNullException.ThrowIfNull(random);
        Probability = probability;
        _random = random;
    }

    /// <summary>The probability of zeroing an element.</summary>
    public float Probability { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        _lastWasTraining = IsTraining && Probability > 0f;
        var output = EnsureBuffer(ref _output, input.Shape);
        if (_lastWasTraining)
        {
            var mask = EnsureBuffer(ref _mask, input.Shape);
            Backend.Dropout(input, Probability, _random, mask, output);
        }
        else
        {
            Backend.Copy(input, output);
        }

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
        if (_lastWasTraining)
        {
            Backend.Multiply(outputGradient, _mask!, inputGradient);
        }
        else
        {
            Backend.Copy(outputGradient, inputGradient);
        }

        return inputGradient;
    }
}
