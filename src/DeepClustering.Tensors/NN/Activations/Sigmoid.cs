using DeepClustering.Tensors.Backends;

namespace DeepClustering.Tensors.NN.Activations;

/// <summary>Logistic sigmoid, y = 1 / (1 + exp(−x)).</summary>
public sealed class Sigmoid(IComputeBackend backend) : Module(backend)
{
    private Tensor? _output;
    private Tensor? _inputGradient;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var output = EnsureBuffer(ref _output, input.Shape);
        Backend.Sigmoid(input, output);
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
        Backend.SigmoidBackward(output, outputGradient, inputGradient);
        return inputGradient;
    }
}
