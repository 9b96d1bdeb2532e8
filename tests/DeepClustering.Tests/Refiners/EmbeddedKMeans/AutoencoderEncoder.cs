using DeepClustering.Encoders;
using DeepClustering.Networks;
using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.NN;

namespace DeepClustering.Tests.Refiners.EmbeddedKMeans;

/// <summary>A test-only <see cref="IEncoder"/> over an <see cref="Autoencoder"/> of flat inputs (Autoencoder does not implement IEncoder yet).</summary>
internal sealed class AutoencoderEncoder(Autoencoder autoencoder, int inputDimension, int embeddingDimension) : IEncoder
{
    public string Name => "test-dense";

    public IReadOnlyList<int> InputShape { get; } = [inputDimension];

    public int EmbeddingDimension => embeddingDimension;

    public IComputeBackend Backend => autoencoder.Backend;

    public Module Encoder => autoencoder.Encoder;

    public Module Decoder => autoencoder.Decoder;
}
