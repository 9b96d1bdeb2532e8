namespace DeepClustering.Networks;

/// <summary>Output sizes of convolutions and transposed convolutions along one axis (PyTorch's formulas).</summary>
internal static class ConvolutionArithmetic
{
    /// <summary>⌊(input + 2·padding − kernel) / stride⌋ + 1; 0 when the kernel does not fit the padded input.</summary>
    public static int ConvolutionOutput(int input, int kernel, int stride, int padding) =>
        input + 2 * padding < kernel ? 0 : (input + 2 * padding - kernel) / stride + 1;

    /// <summary>(input − 1)·stride − 2·padding + kernel + outputPadding.</summary>
    public static int TransposedConvolutionOutput(int input, int kernel, int stride, int padding, int outputPadding) =>
        (input - 1) * stride - 2 * padding + kernel + outputPadding;
}
