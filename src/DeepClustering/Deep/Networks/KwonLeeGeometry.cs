using static DeepClustering.Networks.ConvolutionArithmetic;

namespace DeepClustering.Networks;

/// <summary>
/// The sizes of the convolutional autoencoder of Table 1 of Kwon and Lee (2023) for a given image size. The table
/// gives kernels and channels only (three 5×5 convolutions to 32, 64 and 128 channels, a 3×3×128 bottleneck for
/// 28×28 images, and two 5×5 decoder convolutions to 64 and 32 channels that end at 5×5×32); strides and paddings
/// are inferred as the ones that reproduce those sizes: stride 2 with padding 2, 2 and 1 in the encoder
/// (28 → 14 → 7 → 3; padding 1 is the only one that takes 7 to 3 with a 5×5 stride-2 kernel), then a transposed
/// 5×5 stride-2 convolution with padding 2 (3 → 5) and a 5×5 stride-1 one with padding 2 (5 → 5) in the decoder.
/// </summary>
internal sealed record KwonLeeGeometry(int Height, int Width, int BottleneckHeight, int BottleneckWidth, int DecodedHeight, int DecodedWidth)
{
    /// <summary>Filters of the three encoder convolutions (Table 1: 32, 64, 128).</summary>
    public const int FirstFilters = 32, SecondFilters = 64, ThirdFilters = 128;

    /// <summary>Filters of the two decoder convolutions (Table 1: 64, 32).</summary>
    public const int FirstDecoderFilters = 64, SecondDecoderFilters = 32;

    /// <summary>Every kernel is 5×5 (Table 1).</summary>
    public const int Kernel = 5;

    /// <summary>Inferred: the encoder's strides and paddings, and the decoder's.</summary>
    public const int Stride = 2, OuterPadding = 2, ThirdPadding = 1, DecoderPadding = 2;

    /// <summary>The smallest height or width: 9 → 5 → 3 → 1.</summary>
    public const int MinimumSize = 9;

    /// <summary>Values per sample at the bottleneck (3×3×128 for 28×28).</summary>
    public int BottleneckLength => ThirdFilters * BottleneckHeight * BottleneckWidth;

    /// <summary>Values per sample entering the decoder's last fully connected layer (5×5×32 for 28×28).</summary>
    public int DecodedLength => SecondDecoderFilters * DecodedHeight * DecodedWidth;

    /// <summary>Plans the layers for <paramref name="height"/>×<paramref name="width"/> images.</summary>
    public static KwonLeeGeometry For(int height, int width)
    {
        var (bottleneckHeight, decodedHeight) = Plan(height, "height");
        var (bottleneckWidth, decodedWidth) = Plan(width, "width");
        return new KwonLeeGeometry(height, width, bottleneckHeight, bottleneckWidth, decodedHeight, decodedWidth);
    }

    private static (int Bottleneck, int Decoded) Plan(int size, string name)
    {
        if (size < MinimumSize)
        {
            throw new ArgumentOutOfRangeException(name, size,
                $"The convolutional autoencoder of Kwon and Lee needs images of at least {MinimumSize}×{MinimumSize}: its three stride-2 5×5 convolutions leave nothing of a {name} of {size}.");
        }

        int first = ConvolutionOutput(size, Kernel, Stride, OuterPadding);
        int second = ConvolutionOutput(first, Kernel, Stride, OuterPadding);
        int bottleneck = ConvolutionOutput(second, Kernel, Stride, ThirdPadding);
        int upsampled = TransposedConvolutionOutput(bottleneck, Kernel, Stride, DecoderPadding, 0);
        int decoded = TransposedConvolutionOutput(upsampled, Kernel, 1, DecoderPadding, 0);
        return (bottleneck, decoded);
    }
}
