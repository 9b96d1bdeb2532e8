using DeepClustering.Tensors;
using DeepClustering.Tensors.Backends;

namespace DeepClustering.Data;

/// <summary>
/// A set of same-sized images as one float array in NCHW order (image, channel, row, column), the layout that
/// <see cref="Tensor"/> and the convolutional networks use.
/// </summary>
public sealed class ImageSet
{
    /// <summary>Wraps <paramref name="pixels"/> (not a copy) as <paramref name="count"/> images.</summary>
    /// <param name="pixels">The values in NCHW order; their count must be count × channels × height × width.</param>
    /// <param name="count">The number of images.</param>
    /// <param name="channels">Channels per image (1 for grey-scale).</param>
    /// <param name="height">Rows per image.</param>
    /// <param name="width">Columns per image.</param>
    /// <exception cref="ArgumentException">A size is not positive, or the pixel count does not match the sizes.</exception>
    public ImageSet(float[] pixels, int count, int channels, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        long expected = (long)count * channels * height * width;
        if (pixels.Length != expected)
        {
            throw new ArgumentException(
                $"{pixels.Length} pixels do not fill {count} images of {channels}×{height}×{width} ({expected} values).",
                nameof(pixels));
        }

        Pixels = pixels;
        Count = count;
        Channels = channels;
        Height = height;
        Width = width;
    }

    /// <summary>All pixel values in NCHW order; this is the set's own memory, not a copy.</summary>
    public float[] Pixels { get; }

    /// <summary>The number of images.</summary>
    public int Count { get; }

    /// <summary>Channels per image.</summary>
    public int Channels { get; }

    /// <summary>Rows per image.</summary>
    public int Height { get; }

    /// <summary>Columns per image.</summary>
    public int Width { get; }

    /// <summary>Values per image: channels × height × width (784 for MNIST).</summary>
    public int ValuesPerImage => Channels * Height * Width;

    /// <summary>The NCHW shape, [count, channels, height, width].</summary>
    public int[] Shape => [Count, Channels, Height, Width];

    /// <summary>The values of image <paramref name="index"/>, channel by channel, row by row.</summary>
    /// <exception cref="ArgumentOutOfRangeException">There is no such image.</exception>
    public ReadOnlySpan<float> Image(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The set has {Count} images.");
        }

        return Pixels.AsSpan(index * ValuesPerImage, ValuesPerImage);
    }

    /// <summary>A tensor of shape [count, channels, height, width] holding a copy of the pixels.</summary>
    /// <param name="backend">The backend that will own the tensor.</param>
    public Tensor ToTensor(IComputeBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return new Tensor(backend, Pixels, Shape);
    }

    /// <summary>A tensor of shape [count, channels × height × width], one flattened image per row, for dense networks.</summary>
    /// <param name="backend">The backend that will own the tensor.</param>
    public Tensor ToFlatTensor(IComputeBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return new Tensor(backend, Pixels, Count, ValuesPerImage);
    }

    /// <summary>One flattened image per row (channel by channel, row by row), the rows a network or a clusterer takes; the pixels are shared, not copied.</summary>
    public DataMatrix ToDataMatrix() => new(Pixels, Count, ValuesPerImage);
}
