using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Activations;
using DeepClustering.Tensors.NN.Convolution;
using DeepClustering.Tensors.NN.Layers;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Networks.Managed;

/// <summary>
/// Convolutional autoencoders for images [n, channels, height, width]:
/// <list type="bullet">
/// <item><description>
/// <see cref="Create(IComputeBackend, int, int, int, int, RandomGenerator, HiddenActivation)"/>: the autoencoder of
/// DCEC and DEKM (Guo et al. 2017; Guo, Lin and Ye 2021). For 28×28 images: Conv 5×5/2 → 32, Conv 5×5/2 → 64,
/// Conv 3×3/2 → 128 (valid), Linear 1152 → embedding, and the mirror image back: Linear → 1152, ConvTranspose
/// 3×3/2 → 64, 5×5/2 → 32, 5×5/2 → channels; an activation after every layer but the embedding and the output.
/// </description></item>
/// <item><description>
/// <see cref="CreateKwonLee"/>: the variant of Table 1 of Kwon and Lee (2023), whose third convolution is 5×5 and
/// whose decoder ends in a fully connected layer from 5×5×32 to the image.
/// </description></item>
/// </list>
/// Both compute their layer sizes from the image size and refuse sizes they cannot handle, saying why.
/// </summary>
public static class ConvolutionalAutoencoder
{
    /// <summary>The embedding dimension of DCEC and DEKM on MNIST, 10.</summary>
    public const int DefaultEmbeddingDimension = 10;

    /// <summary>The side of MNIST and Fashion-MNIST images, 28, for which the architectures were published.</summary>
    public const int MnistImageSize = 28;

    /// <summary>Builds the DCEC/DEKM autoencoder for <paramref name="channels"/>×28×28 images.</summary>
    /// <param name="backend">Where the tensors live.</param>
    /// <param name="channels">Image channels (1 for MNIST).</param>
    /// <param name="embeddingDimension">Width of the embedding.</param>
    /// <param name="random">The generator that draws the initial weights.</param>
    /// <param name="activation">Creates the activation between layers; ReLU when null.</param>
    public static Autoencoder Create(IComputeBackend backend, int channels, int embeddingDimension, RandomGenerator random,
        Func<IComputeBackend, Module>? activation = null) =>
        Create(backend, channels, MnistImageSize, MnistImageSize, embeddingDimension, random, activation ?? (static b => new ReLU(b)));

    /// <summary>
    /// Builds the DCEC/DEKM autoencoder for <paramref name="channels"/>×<paramref name="height"/>×<paramref name="width"/>
    /// images, with the layer sizes of DCEC's code: 5×5 stride-2 convolutions halving the size (rounding up), then a
    /// 3×3 stride-2 convolution, "same" when the size is a multiple of 8 and "valid" otherwise (28 → 14 → 7 → 3,
    /// 32 → 16 → 8 → 4), and transposed convolutions that restore each size exactly.
    /// </summary>
    /// <param name="backend">Where the tensors live.</param>
    /// <param name="channels">Image channels (1 for MNIST).</param>
    /// <param name="height">Image height, at least 8.</param>
    /// <param name="width">Image width, at least 8; a width that needs other paddings than the height (sizes not
    /// equal modulo 8 may) is refused, because the engine's layers pad both alike.</param>
    /// <param name="embeddingDimension">Width of the embedding.</param>
    /// <param name="random">The generator that draws the initial weights.</param>
    /// <param name="activation">The activation between layers; ReLU as in DCEC and DEKM.</param>
    public static Autoencoder Create(IComputeBackend backend, int channels, int height, int width, int embeddingDimension, RandomGenerator random,
        HiddenActivation activation = HiddenActivation.ReLU)
    {
        var autoencoder = Create(backend, channels, height, width, embeddingDimension, random, HiddenActivations.Factory(activation, nameof(activation)));
        return new Autoencoder(autoencoder.Encoder, autoencoder.Decoder, [channels, height, width], "conv")
        {
            Architecture = new AutoencoderArchitecture(AutoencoderKind.Convolutional, [channels, height, width], embeddingDimension, [], activation),
        };
    }

    /// <summary>
    /// Builds the DCEC/DEKM autoencoder for images of any supported size, with activations made by
    /// <paramref name="activation"/>; see <see cref="Create(IComputeBackend, int, int, int, int, RandomGenerator, HiddenActivation)"/>.
    /// </summary>
    /// <param name="backend">Where the tensors live.</param>
    /// <param name="channels">Image channels.</param>
    /// <param name="height">Image height, at least 8.</param>
    /// <param name="width">Image width, at least 8.</param>
    /// <param name="embeddingDimension">Width of the embedding.</param>
    /// <param name="random">The generator that draws the initial weights.</param>
    /// <param name="activation">Creates each activation layer.</param>
    public static Autoencoder Create(IComputeBackend backend, int channels, int height, int width, int embeddingDimension, RandomGenerator random,
        Func<IComputeBackend, Module> activation)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(embeddingDimension);
        var g = DcecGeometry.For(height, width);
        const int K5 = DcecGeometry.OuterKernel, K3 = DcecGeometry.InnerKernel, S = DcecGeometry.Stride, P5 = DcecGeometry.OuterPadding;
        const int F1 = DcecGeometry.FirstFilters, F2 = DcecGeometry.SecondFilters, F3 = DcecGeometry.ThirdFilters;

        var encoder = new Sequential(backend,
            new Conv2d(backend, channels, F1, K5, random, stride: S, padding: P5),
            activation(backend),
            new Conv2d(backend, F1, F2, K5, random, stride: S, padding: P5),
            activation(backend),
            new Conv2d(backend, F2, F3, K3, random, stride: S, padding: g.ThirdPadding),
            activation(backend),
            new Flatten(backend),
            new Linear(backend, g.BottleneckLength, embeddingDimension, random));

        var decoder = new Sequential(backend,
            new Linear(backend, embeddingDimension, g.BottleneckLength, random),
            activation(backend),
            new Reshape(backend, F3, g.BottleneckHeight, g.BottleneckWidth),
            new ConvTranspose2d(backend, F3, F2, K3, random, stride: S, padding: g.ThirdPadding, outputPadding: g.ThirdOutputPadding),
            activation(backend),
            new ConvTranspose2d(backend, F2, F1, K5, random, stride: S, padding: P5, outputPadding: g.SecondOutputPadding),
            activation(backend),
            new ConvTranspose2d(backend, F1, channels, K5, random, stride: S, padding: P5, outputPadding: g.FirstOutputPadding));
        return new Autoencoder(encoder, decoder, [channels, height, width], "conv");
    }

    /// <summary>
    /// Builds the convolutional autoencoder of Table 1 of Kwon and Lee (2023), "Analysis of deep learning-based deep
    /// clustering method" (the DEKM study that reports ACC 89.42% on MNIST):
    /// Conv 5×5 → 32, Conv 5×5 → 64, Conv 5×5 → 128 (each followed by the activation), Linear 3×3×128 → embedding;
    /// Linear embedding → 3×3×128, ConvTranspose 5×5 → 64, ConvTranspose 5×5 → 32 (each followed by the activation),
    /// Linear 5×5×32 → channels×28×28. The sizes in brackets are those of 28×28 images; others are computed.
    /// </summary>
    /// <remarks>
    /// What the table gives: kernels, channels, the fully connected layers' sizes, ReLU after each convolution and
    /// none after the fully connected layers. What had to be inferred, as the only choices that reproduce the
    /// table's sizes or the usual ones:
    /// <list type="bullet">
    /// <item><description>Encoder strides and paddings: stride 2 with padding 2, 2, 1 (28 → 14 → 7 → 3); padding 1
    /// is the only symmetric padding that takes 7 to 3 under a 5×5 stride-2 kernel.</description></item>
    /// <item><description>The decoder's "convolutions" are transposed convolutions (they must grow 3×3 to 5×5):
    /// the first 5×5 with stride 2 and padding 2 (3 → 5, mirroring the encoder's stride), the second 5×5 with stride
    /// 1 and padding 2 (5 → 5). A stride-1 pair (3 → 5 → 5) would fit the sizes too; the table does not
    /// say.</description></item>
    /// <item><description>No activation after the decoder's first fully connected layer, as the table lists none
    /// (DCEC puts a ReLU there), and a linear output, as in DCEC.</description></item>
    /// <item><description>Channels other than 1: the last layer outputs channels×height×width.</description></item>
    /// </list>
    /// </remarks>
    /// <param name="backend">Where the tensors live.</param>
    /// <param name="channels">Image channels (1 for MNIST).</param>
    /// <param name="height">Image height, at least 9 (28 in the paper).</param>
    /// <param name="width">Image width, at least 9 (28 in the paper).</param>
    /// <param name="embeddingDimension">Width of the embedding (10 in the paper).</param>
    /// <param name="random">The generator that draws the initial weights.</param>
    /// <param name="activation">The activation after each convolution; the paper compares ReLU (its choice) and Sigmoid.</param>
    public static Autoencoder CreateKwonLee(IComputeBackend backend, int channels, int height, int width, int embeddingDimension, RandomGenerator random,
        HiddenActivation activation = HiddenActivation.ReLU)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(embeddingDimension);
        var create = HiddenActivations.Factory(activation, nameof(activation));
        var g = KwonLeeGeometry.For(height, width);
        const int K = KwonLeeGeometry.Kernel, S = KwonLeeGeometry.Stride;

        var encoder = new Sequential(backend,
            new Conv2d(backend, channels, KwonLeeGeometry.FirstFilters, K, random, stride: S, padding: KwonLeeGeometry.OuterPadding),
            create(backend),
            new Conv2d(backend, KwonLeeGeometry.FirstFilters, KwonLeeGeometry.SecondFilters, K, random, stride: S, padding: KwonLeeGeometry.OuterPadding),
            create(backend),
            new Conv2d(backend, KwonLeeGeometry.SecondFilters, KwonLeeGeometry.ThirdFilters, K, random, stride: S, padding: KwonLeeGeometry.ThirdPadding),
            create(backend),
            new Flatten(backend),
            new Linear(backend, g.BottleneckLength, embeddingDimension, random));

        var decoder = new Sequential(backend,
            new Linear(backend, embeddingDimension, g.BottleneckLength, random),
            new Reshape(backend, KwonLeeGeometry.ThirdFilters, g.BottleneckHeight, g.BottleneckWidth),
            new ConvTranspose2d(backend, KwonLeeGeometry.ThirdFilters, KwonLeeGeometry.FirstDecoderFilters, K, random,
                stride: S, padding: KwonLeeGeometry.DecoderPadding),
            create(backend),
            new ConvTranspose2d(backend, KwonLeeGeometry.FirstDecoderFilters, KwonLeeGeometry.SecondDecoderFilters, K, random,
                stride: 1, padding: KwonLeeGeometry.DecoderPadding),
            create(backend),
            new Flatten(backend),
            new Linear(backend, g.DecodedLength, channels * height * width, random),
            new Reshape(backend, channels, height, width));
        return new Autoencoder(encoder, decoder, [channels, height, width], "conv-kwon-lee")
        {
            Architecture = new AutoencoderArchitecture(AutoencoderKind.KwonLee, [channels, height, width], embeddingDimension, [], activation),
        };
    }
}
