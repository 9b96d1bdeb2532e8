namespace DeepClustering.Tensors.NN.Regularization;

/// <summary>
/// A module that penalises the activations passing through it. Its <see cref="Module.Forward"/> records the
/// penalty of the batch in <see cref="LastPenalty"/>, and its <see cref="Module.Backward"/> adds the penalty's
/// gradient to the gradient flowing back, so the network trains on loss + penalty without the loss knowing.
/// A trainer adds <see cref="LastPenalty"/> to the loss it reports (see <see cref="ActivityRegularization"/>).
/// </summary>
public interface IActivityRegularizer
{
    /// <summary>The penalty of the batch seen by the last forward pass; 0 before any.</summary>
    double LastPenalty { get; }
}
