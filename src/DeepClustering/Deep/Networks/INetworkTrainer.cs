namespace DeepClustering.Networks;

/// <summary>
/// Training of one <see cref="IAutoencoderNetwork"/> on the inputs it was created with: one mini-batch step at a time,
/// and the embedding of every input between steps (the refreshes of DEC and DEKM).
/// </summary>
public interface INetworkTrainer : IDisposable
{
    /// <summary>The number of input rows the trainer holds.</summary>
    int Rows { get; }

    /// <summary>
    /// One step on the input rows <paramref name="rows"/>: the batch runs forward; the head (when given) receives the
    /// batch's embeddings and returns ∂L/∂z; the reconstruction loss (when its weight is positive) and the network's own
    /// penalties (the sparsity of a stacked sparse autoencoder) add theirs; the gradients flow back and the optimizer
    /// steps. Returns the terms of the loss.
    /// </summary>
    /// <exception cref="ArgumentException">A row index is outside the inputs, or the batch is empty.</exception>
    /// <exception cref="InvalidOperationException">Neither a head nor a reconstruction term is there to train on.</exception>
    NetworkStepLosses Step(ReadOnlySpan<int> rows, IEmbeddingHead? head = null);

    /// <summary>Embeds every input row in evaluation mode: rows × EmbeddingDimension, row-major, on the host.</summary>
    float[] EmbedAll();
}
