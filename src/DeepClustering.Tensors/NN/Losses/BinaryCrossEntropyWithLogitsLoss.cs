using DeepClustering.Tensors.Backends;

namespace DeepClustering.Tensors.NN.Losses;

/// <summary>
/// Binary cross-entropy on logits, mean over all elements, as PyTorch's BCEWithLogitsLoss: the sigmoid is part
/// of the loss, computed stably. Targets are in [0, 1] (pixel intensities work).
/// </summary>
public sealed class BinaryCrossEntropyWithLogitsLoss(IComputeBackend backend) : Loss(backend)
{
    /// <inheritdoc />
    protected override double Compute(Tensor prediction, Tensor target, Tensor gradient) =>
        Backend.BinaryCrossEntropyWithLogits(prediction, target, gradient);
}
