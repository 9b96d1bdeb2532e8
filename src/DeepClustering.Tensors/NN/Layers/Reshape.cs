using DeepClustering.Tensors.Backends;

namespace DeepClustering.Tensors.NN.Layers;

/// <summary>
/// Gives each sample a new shape, keeping the batch dimension and the element order: for example
/// [n, 1152] to [n, 128, 3, 3]. <see cref="Flatten"/> is the special case [n, …] to [n, rest].
/// </summary>
public class Reshape : Module
{
    private readonly int[] _sampleShape;
    private readonly int _sampleLength;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private int[] _inputShape = [];

    /// <summary>Creates the layer; <paramref name="sampleShape"/> is the shape of one sample, without the batch.</summary>
    public Reshape(IComputeBackend backend, params int[] sampleShape)
        : base(backend)
    {
        ArgumentNullException.ThrowIfNull(sampleShape);
        foreach (int size in sampleShape)
        {
            if (size <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleShape), size,
                    $"Every dimension of the sample shape {TensorShape.Format(sampleShape)} must be positive.");
            }
        }

        _sampleShape = (int[])sampleShape.Clone();
        _sampleLength = _sampleShape.Length == 0 ? 0 : TensorShape.ElementCount(_sampleShape, nameof(sampleShape));
    }

    /// <summary>The shape of one output sample; empty for <see cref="Flatten"/>.</summary>
    public ReadOnlySpan<int> SampleShape => _sampleShape;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int n = input.Size(0);
        int perSample = input.Length / n;
        Span<int> shape = stackalloc int[Math.Max(2, _sampleShape.Length + 1)];
        shape[0] = n;
        if (_sampleShape.Length == 0)
        {
            shape = shape[..2];
            shape[1] = perSample;
        }
        else
        {
            shape = shape[..(_sampleShape.Length + 1)];
            if (perSample != _sampleLength)
            {
                throw new ArgumentException(
                    $"Cannot reshape samples of {TensorShape.Format(input.Shape[1..])} ({perSample} values) to {TensorShape.Format(_sampleShape)} ({_sampleLength} values).",
                    nameof(input));
            }

            _sampleShape.CopyTo(shape[1..]);
        }

        if (!input.Shape.SequenceEqual(_inputShape))
        {
            _inputShape = input.Shape.ToArray();
        }

        var output = EnsureBuffer(ref _output, shape);
        Backend.Copy(input, output);
        return output;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient)
    {
        var output = RequireForward(_output);
        // Copy only checks the element count; a gradient of another shape is a caller's mistake.
        TensorShape.RequireSame(output, outputGradient, nameof(outputGradient));
        if (!InputGradientRequired)
        {
            return null;
        }

        var inputGradient = EnsureBuffer(ref _inputGradient, _inputShape);
        Backend.Copy(outputGradient, inputGradient);
        return inputGradient;
    }
}
