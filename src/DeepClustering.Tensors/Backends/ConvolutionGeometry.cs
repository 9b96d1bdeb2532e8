namespace DeepClustering.Tensors.Backends;

/// <summary>
/// The sizes of a 2-D convolution seen from the convolution's side: input [n, InputChannels, InputHeight,
/// InputWidth], weights [OutputChannels, InputChannels, KernelHeight, KernelWidth], output [n,
/// OutputChannels, OutputHeight, OutputWidth]. A transposed convolution uses the geometry of the convolution
/// whose gradient it is.
/// </summary>
public readonly record struct ConvolutionGeometry(
    int InputChannels, int InputHeight, int InputWidth,
    int OutputChannels, int KernelHeight, int KernelWidth,
    int StrideHeight, int StrideWidth, int PaddingHeight, int PaddingWidth)
{
    /// <summary>The output height: ⌊(h + 2·padding − kernel) / stride⌋ + 1.</summary>
    public int OutputHeight => (InputHeight + 2 * PaddingHeight - KernelHeight) / StrideHeight + 1;

    /// <summary>The output width: ⌊(w + 2·padding − kernel) / stride⌋ + 1.</summary>
    public int OutputWidth => (InputWidth + 2 * PaddingWidth - KernelWidth) / StrideWidth + 1;

    /// <summary>Rows of the unfolded (im2col) matrix: InputChannels · KernelHeight · KernelWidth.</summary>
    public int PatchSize => InputChannels * KernelHeight * KernelWidth;

    /// <summary>Output positions per image and channel.</summary>
    public int OutputArea => OutputHeight * OutputWidth;

    /// <summary>Input positions per image and channel.</summary>
    public int InputArea => InputHeight * InputWidth;

    /// <summary>Throws when a size is not positive or the kernel does not fit the padded input.</summary>
    public void Validate()
    {
        if (InputChannels <= 0 || OutputChannels <= 0 || KernelHeight <= 0 || KernelWidth <= 0 ||
            StrideHeight <= 0 || StrideWidth <= 0 || PaddingHeight < 0 || PaddingWidth < 0 ||
            InputHeight <= 0 || InputWidth <= 0)
        {
            throw new ArgumentException($"Invalid convolution geometry: {this}.");
        }

        if (InputHeight + 2 * PaddingHeight < KernelHeight || InputWidth + 2 * PaddingWidth < KernelWidth)
        {
            throw new ArgumentException(
                $"A {KernelHeight}×{KernelWidth} kernel does not fit an input of {InputHeight}×{InputWidth} with padding {PaddingHeight}×{PaddingWidth}.");
        }
    }
}
