namespace DeepClustering.Networks;

/// <summary>
/// A network made of rungs that can be trained one at a time (greedy layer-wise pretraining of a stacked sparse
/// autoencoder): rung k is a one-hidden-layer autoencoder from the codes of rung k − 1 to its own, sharing its
/// parameters with the stack.
/// </summary>
public interface IStackedAutoencoderNetwork : IAutoencoderNetwork
{
    /// <summary>The number of rungs: one per hidden layer, then the one to the embedding.</summary>
    int RungCount { get; }

    /// <summary>
    /// Rung <paramref name="index"/> (0 the outermost) as a network of its own whose parameters are the stack's. With
    /// <paramref name="logitOutput"/> an inner rung's decoder stops before its sigmoid, as binary cross-entropy on logits
    /// expects. Disposing the rung leaves the stack as it is.
    /// </summary>
    IAutoencoderNetwork Rung(int index, bool logitOutput);
}
