using DeepClustering.Tensors.Backends;

namespace DeepClustering.Tensors.NN.Activations;

/// <summary>Hyperbolic tangent, y = tanh(x).</summary>
public sealed class Tanh(IComputeBackend backend) : Module(backend)
{
    private Tensor? _output;
    private Tensor? _inputGradient;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var output = EnsureBuffer(ref _output, input.Shape);
        Backend.Tanh(input, output);
        return output;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient)
    {
        var output = RequireForward(_output);
        if (!InputGradientRequired)
        {
            return null;
        }

        var inputGradient = EnsureBuffer(ref _inputGradient, output.Shape);
        Backend.TanhBackward(output, outputGradient, inputGradient);
        return inputGradient;
    }
}
