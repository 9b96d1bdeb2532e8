using DeepClustering.Tensors.Backends;

namespace DeepClustering.Tensors.NN.Activations;

/// <summary>Hyperbolic tangent, y = tanh(x).</summary>
public sealed class Tanh(IComputeBackend backend) : ElementwiseActivation(backend)
{
    /// <inheritdoc />
    protected override void Apply(Tensor input, Tensor output) => Backend.Tanh(input, output);

    /// <inheritdoc />
    protected override void ApplyBackward(Tensor input, Tensor output, Tensor outputGradient, Tensor inputGradient) =>
        Backend.TanhBackward(output, outputGradient, inputGradient);
}
