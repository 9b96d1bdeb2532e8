using DeepClustering.Tensors.Backends;

namespace DeepClustering.Tensors.NN.Activations;

/// <summary>Rectified linear unit, y = max(x, 0).</summary>
public sealed class ReLU(IComputeBackend backend) : Module(backend)
{
    private Tensor? _output;
    private Tensor? _inputGradient;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var output = EnsureBuffer(ref _output, input.Shape);
        Backend.Relu(input, output);
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
        Backend.ReluBackward(output, outputGradient, inputGradient);
        return inputGradient;
    }
}
