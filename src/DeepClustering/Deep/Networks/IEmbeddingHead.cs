namespace DeepClustering.Networks;

/// <summary>
/// A loss on the embedding computed on the host by the clustering side (DEC's KL(P‖Q), DEKM's ‖zV − t‖²): it sees a
/// batch's embeddings as a host array and gives back the gradient with respect to them, which the network pushes
/// through its encoder. A head with parameters of its own (DEC's centres) keeps their gradient and steps them itself.
/// </summary>
public interface IEmbeddingHead
{
    /// <summary>
    /// The loss of the batch whose input rows are <paramref name="rows"/> and whose embeddings are
    /// <paramref name="embeddings"/> (rows.Length × d, row-major); writes ∂L/∂z to <paramref name="embeddingGradient"/>
    /// (same layout) and returns L.
    /// </summary>
    double LossAndGradient(ReadOnlySpan<int> rows, ReadOnlySpan<float> embeddings, Span<float> embeddingGradient);
}
