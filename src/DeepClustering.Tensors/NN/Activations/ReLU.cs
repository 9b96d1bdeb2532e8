using DeepClustering.Tensors.Backends;

namespace DeepClustering.Tensors.NN.Activations;

/// <summary>Rectified linear unit, y = max(x, 0).</summary>
public sealed class ReLU(IComputeBackend backend) : ElementwiseActivation(backend)
{
    /// <inheritdoc />
    protected override void Apply(Tensor input, Tensor output) => Backend.Relu(input, output);

    /// <inheritdoc />
    protected override void ApplyBackward(Tensor input, Tensor output, Tensor outputGradient, Tensor inputGradient) =>
        Backend.ReluBackward(output, outputGradient, inputGradient);
}
