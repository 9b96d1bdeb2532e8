using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.NN;

namespace DeepClustering.Encoders;

/// <summary>
/// Maps a batch of inputs to embeddings, and carries the decoder that reconstructs inputs from embeddings for
/// reconstruction pretraining (and for the reconstruction term of IDEC and DSSEC).
/// </summary>
public interface IEncoder
{
    /// <summary>A short name, for example <c>conv</c>.</summary>
    string Name { get; }

    /// <summary>The shape of one input sample, without the batch dimension: [784] or [1, 28, 28].</summary>
    IReadOnlyList<int> InputShape { get; }

    /// <summary>The width of the embedding.</summary>
    int EmbeddingDimension { get; }

    /// <summary>The backend the networks run on.</summary>
    IComputeBackend Backend { get; }

    /// <summary>Inputs [n, InputShape…] to embeddings [n, EmbeddingDimension].</summary>
    Module Encoder { get; }

    /// <summary>Embeddings [n, EmbeddingDimension] to reconstructions [n, InputShape…].</summary>
    Module Decoder { get; }
}
