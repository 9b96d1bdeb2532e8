using DeepClustering.Data;

namespace DeepClustering.Networks;

/// <summary>
/// Maps inputs to embeddings, whatever runs it: rows go in from the host and the embeddings come back on the host.
/// The clustering side of the library sees a network only through this and <see cref="IAutoencoderNetwork"/>.
/// </summary>
public interface IEncoder
{
    /// <summary>A short name, for example <c>conv</c>.</summary>
    string Name { get; }

    /// <summary>The shape of one input sample, without the batch dimension: [784] or [1, 28, 28].</summary>
    IReadOnlyList<int> InputShape { get; }

    /// <summary>The width of the embedding.</summary>
    int EmbeddingDimension { get; }

    /// <summary>
    /// Embeds every row of <paramref name="inputs"/> (each row one sample, flattened row-major to
    /// <see cref="InputShape"/>) in evaluation mode, and returns the embeddings, rows × EmbeddingDimension, row-major.
    /// </summary>
    /// <exception cref="ArgumentException">The rows do not hold one sample of <see cref="InputShape"/> each.</exception>
    float[] Embed(DataMatrix inputs);
}
