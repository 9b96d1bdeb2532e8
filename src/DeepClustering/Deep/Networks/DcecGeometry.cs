using static DeepClustering.Networks.ConvolutionArithmetic;

namespace DeepClustering.Networks;

/// <summary>
/// The sizes and paddings of the DCEC/DEKM convolutional autoencoder for a given image size, computed the way
/// DCEC's Keras code does: two 5×5 stride-2 convolutions with "same" padding (size → ⌈size/2⌉, padding 2 here),
/// then a 3×3 stride-2 convolution with "same" padding when the size is a multiple of 8 and "valid" padding
/// otherwise (28 → 14 → 7 → 3; 32 → 16 → 8 → 4), and transposed convolutions whose output padding brings each
/// size back exactly. The bottleneck is ⌊size/8⌋ on each side, the size DCEC's code gives its dense layer.
/// </summary>
/// <remarks>
/// The engine's layers pad height and width alike, so an image whose height and width need different paddings
/// is refused; sizes that are equal modulo 8 never do.
/// </remarks>
internal sealed record DcecGeometry(
    int Height, int Width, int BottleneckHeight, int BottleneckWidth,
    int ThirdPadding, int ThirdOutputPadding, int SecondOutputPadding, int FirstOutputPadding)
{
    /// <summary>Filters of the three convolutions (DCEC: 32, 64, 128).</summary>
    public const int FirstFilters = 32, SecondFilters = 64, ThirdFilters = 128;

    /// <summary>Kernels of the three convolutions (5, 5, 3) and the padding of the first two ("same" for 5×5).</summary>
    public const int OuterKernel = 5, InnerKernel = 3, OuterPadding = 2, Stride = 2;

    /// <summary>The smallest height or width: 8 → 4 → 2 → 1.</summary>
    public const int MinimumSize = 8;

    /// <summary>Values per sample at the bottleneck, before the fully connected layer to the embedding.</summary>
    public int BottleneckLength => ThirdFilters * BottleneckHeight * BottleneckWidth;

    /// <summary>Plans the layers for <paramref name="height"/>×<paramref name="width"/> images.</summary>
    public static DcecGeometry For(int height, int width)
    {
        var rows = Plan(height, "height");
        var columns = Plan(width, "width");
        Agree(height, width, "padding of the 3×3 convolution", rows.ThirdPadding, columns.ThirdPadding);
        Agree(height, width, "output padding of the 3×3 transposed convolution", rows.ThirdOutputPadding, columns.ThirdOutputPadding);
        Agree(height, width, "output padding of the middle 5×5 transposed convolution", rows.SecondOutputPadding, columns.SecondOutputPadding);
        Agree(height, width, "output padding of the last 5×5 transposed convolution", rows.FirstOutputPadding, columns.FirstOutputPadding);
        return new DcecGeometry(height, width, rows.Bottleneck, columns.Bottleneck,
            rows.ThirdPadding, rows.ThirdOutputPadding, rows.SecondOutputPadding, rows.FirstOutputPadding);
    }

    private static Axis Plan(int size, string name)
    {
        if (size < MinimumSize)
        {
            throw new ArgumentOutOfRangeException(name, size,
                $"The DCEC convolutional autoencoder needs images of at least {MinimumSize}×{MinimumSize}: its three stride-2 convolutions leave nothing of a {name} of {size}.");
        }

        int first = ConvolutionOutput(size, OuterKernel, Stride, OuterPadding);
        int second = ConvolutionOutput(first, OuterKernel, Stride, OuterPadding);
        int thirdPadding = size % 8 == 0 ? 1 : 0;
        int bottleneck = ConvolutionOutput(second, InnerKernel, Stride, thirdPadding);
        return new Axis(
            bottleneck,
            thirdPadding,
            second - TransposedConvolutionOutput(bottleneck, InnerKernel, Stride, thirdPadding, 0),
            first - TransposedConvolutionOutput(second, OuterKernel, Stride, OuterPadding, 0),
            size - TransposedConvolutionOutput(first, OuterKernel, Stride, OuterPadding, 0));
    }

    private static void Agree(int height, int width, string what, int rows, int columns)
    {
        if (rows != columns)
        {
            throw new ArgumentException(
                $"A {height}×{width} image needs {what} {rows} in height but {columns} in width, and the engine's layers pad both alike; " +
                "use a square image, or a height and width that are equal modulo 8.");
        }
    }

    private readonly record struct Axis(int Bottleneck, int ThirdPadding, int ThirdOutputPadding, int SecondOutputPadding, int FirstOutputPadding);
}
