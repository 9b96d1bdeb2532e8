using DeepClustering.Encoders;
using DeepClustering.Networks;
using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.NN;

namespace DeepClustering.Tests.Refiners.Dec;

/// <summary>Test-only <see cref="IEncoder"/> over an <see cref="Autoencoder"/> on flat inputs [n, d].</summary>
internal sealed class AutoencoderEncoder(Autoencoder autoencoder, int inputDimension, int embeddingDimension) : IEncoder
{
    public Autoencoder Autoencoder { get; } = autoencoder;

    public string Name => "test-dense";

    public IReadOnlyList<int> InputShape { get; } = [inputDimension];

    public int EmbeddingDimension { get; } = embeddingDimension;

    public IComputeBackend Backend => Autoencoder.Backend;

    public Module Encoder => Autoencoder.Encoder;

    public Module Decoder => Autoencoder.Decoder;
}
