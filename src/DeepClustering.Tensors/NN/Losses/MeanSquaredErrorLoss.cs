using DeepClustering.Tensors.Backends;

namespace DeepClustering.Tensors.NN.Losses;

/// <summary>Mean squared error over all elements, mean((p − t)²), as PyTorch's MSELoss with reduction "mean".</summary>
public sealed class MeanSquaredErrorLoss(IComputeBackend backend) : Loss(backend)
{
    /// <inheritdoc />
    protected override double Compute(Tensor prediction, Tensor target, Tensor gradient) =>
        Backend.MeanSquaredError(prediction, target, gradient);
}
