using DeepClustering.Tensors.Backends;

namespace DeepClustering.Tensors.NN.Activations;

/// <summary>
/// The common shape of element-wise activations: the output has the input's shape, and the backward pass
/// needs only the last input or output. Subclasses name the two backend kernels.
/// </summary>
public abstract class ElementwiseActivation : Module
{
    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _inputGradient;

    /// <summary>Creates the activation.</summary>
    protected ElementwiseActivation(IComputeBackend backend)
        : base(backend)
    {
    }

    /// <inheritdoc />
    public sealed override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        var output = EnsureBuffer(ref _output, input.Shape);
        Apply(input, output);
        return output;
    }

    /// <inheritdoc />
    public sealed override Tensor? Backward(Tensor outputGradient)
    {
        var output = RequireForward(_output);
        ArgumentNullException.ThrowIfNull(outputGradient);
        if (!InputGradientRequired)
        {
            return null;
        }

        var inputGradient = EnsureBuffer(ref _inputGradient, output.Shape);
        ApplyBackward(_input!, output, outputGradient, inputGradient);
        return inputGradient;
    }

    /// <summary>Computes output = f(input).</summary>
    protected abstract void Apply(Tensor input, Tensor output);

    /// <summary>Computes inputGradient = f′ · outputGradient from the last input or output.</summary>
    protected abstract void ApplyBackward(Tensor input, Tensor output, Tensor outputGradient, Tensor inputGradient);
}
