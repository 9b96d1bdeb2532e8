using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Activations;
using DeepClustering.Tensors.NN.Convolution;
using DeepClustering.Tensors.NN.Layers;
using DeepClustering.Tensors.Randomness;

namespace DeepClustering.Networks;

/// <summary>
/// The convolutional autoencoder of DCEC and DEKM (Guo et al. 2017; Guo, Lin and Ye 2021) for 28×28 images:
/// Conv 5×5/2 → 32, Conv 5×5/2 → 64, Conv 3×3/2 → 128 (valid), Linear 1152 → embedding, and the mirror image
/// back: Linear → 1152, ConvTranspose 3×3/2 → 64, 5×5/2 → 32, 5×5/2 → channels, ReLU between layers.
/// </summary>
public static class ConvolutionalAutoencoder
{
    /// <summary>The embedding dimension of DCEC and DEKM on MNIST, 10.</summary>
    public const int DefaultEmbeddingDimension = 10;

    /// <summary>Builds the autoencoder for <paramref name="channels"/>×28×28 images.</summary>
    /// <param name="backend">Where the tensors live.</param>
    /// <param name="channels">Image channels (1 for MNIST).</param>
    /// <param name="embeddingDimension">Width of the embedding.</param>
    /// <param name="random">The generator that draws the initial weights.</param>
    /// <param name="activation">Creates the activation between layers; ReLU when null.</param>
    public static Autoencoder Create(IComputeBackend backend, int channels, int embeddingDimension, RandomGenerator random,
        Func<IComputeBackend, Module>? activation = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(embeddingDimension);
        activation ??= static b => new ReLU(b);
        const int Bottleneck = 128 * 3 * 3;

        // "same" padding of Keras for 5×5 stride 2: 28 → 14 → 7; then 3×3 stride 2 valid: 7 → 3.
        var encoder = new Sequential(backend,
            new Conv2d(backend, channels, 32, 5, random, stride: 2, padding: 2),
            activation(backend),
            new Conv2d(backend, 32, 64, 5, random, stride: 2, padding: 2),
            activation(backend),
            new Conv2d(backend, 64, 128, 3, random, stride: 2, padding: 0),
            activation(backend),
            new Flatten(backend),
            new Linear(backend, Bottleneck, embeddingDimension, random));

        // 3 → 7 (valid), 7 → 14 and 14 → 28 (padding 2, output padding 1).
        var decoder = new Sequential(backend,
            new Linear(backend, embeddingDimension, Bottleneck, random),
            activation(backend),
            new Reshape(backend, 128, 3, 3),
            new ConvTranspose2d(backend, 128, 64, 3, random, stride: 2, padding: 0),
            activation(backend),
            new ConvTranspose2d(backend, 64, 32, 5, random, stride: 2, padding: 2, outputPadding: 1),
            activation(backend),
            new ConvTranspose2d(backend, 32, channels, 5, random, stride: 2, padding: 2, outputPadding: 1));
        return new Autoencoder(encoder, decoder);
    }
}
