using DeepClustering.Tensors.Backends;

namespace DeepClustering.Tensors.NN.Activations;

/// <summary>Logistic sigmoid, y = 1 / (1 + exp(−x)).</summary>
public sealed class Sigmoid(IComputeBackend backend) : ElementwiseActivation(backend)
{
    /// <inheritdoc />
    protected override void Apply(Tensor input, Tensor output) => Backend.Sigmoid(input, output);

    /// <inheritdoc />
    protected override void ApplyBackward(Tensor input, Tensor output, Tensor outputGradient, Tensor inputGradient) =>
        Backend.SigmoidBackward(output, outputGradient, inputGradient);
}
