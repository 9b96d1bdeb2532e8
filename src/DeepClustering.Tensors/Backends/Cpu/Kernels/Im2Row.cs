using System.Runtime.Intrinsics;

namespace DeepClustering.Tensors.Backends.Cpu.Kernels;

/// <summary>
/// Unfolds images into patch rows ("im2row") and folds gradients back ("row2im"). Row r = oh·OW + ow of an image
/// holds the input values under the kernel at output position (oh, ow), ordered (channel, kernel row, kernel
/// column) like the flattened weights [cOut, cIn·kh·kw]; positions in the padding read as zero.
/// </summary>
/// <remarks>
/// Kernel rows of up to 8 columns are moved as one 8-float vector; the extra lanes of a store are overwritten by
/// the next kernel row, so a row buffer needs <see cref="RowSlack"/> floats beyond its end.
/// </remarks>
internal static unsafe class Im2Row
{
    /// <summary>Floats a row buffer must have beyond OutputArea × PatchSize for the vector stores.</summary>
    public const int RowSlack = 8;

    /// <summary>Writes the OutputArea × PatchSize rows of one image.</summary>
    public static void Unfold(ReadOnlySpan<float> image, Span<float> rows, in ConvolutionGeometry g)
    {
        if (image.Length < g.InputChannels * g.InputArea || rows.Length < g.OutputArea * g.PatchSize + RowSlack)
        {
            throw new ArgumentException("The image or row buffer is smaller than the geometry needs.");
        }

        fixed (float* pImage = image, pRows = rows)
        {
            UnfoldImage(pImage, pImage + g.InputChannels * g.InputArea, pRows, g);
        }
    }

    /// <summary>Adds each row's values back onto the image positions they were read from (the adjoint of <see cref="Unfold"/>).</summary>
    public static void FoldAdd(ReadOnlySpan<float> rows, Span<float> image, in ConvolutionGeometry g)
    {
        if (image.Length < g.InputChannels * g.InputArea || rows.Length < g.OutputArea * g.PatchSize + RowSlack)
        {
            throw new ArgumentException("The image or row buffer is smaller than the geometry needs.");
        }

        fixed (float* pImage = image, pRows = rows)
        {
            FoldAddImage(pRows, pImage, pImage + g.InputChannels * g.InputArea, g);
        }
    }

    private static void UnfoldImage(float* image, float* imageEnd, float* row, in ConvolutionGeometry g)
    {
        bool vectorRows = g.KernelWidth <= Vector256<float>.Count && Vector256.IsHardwareAccelerated;
        int oh = g.OutputHeight, ow = g.OutputWidth, h = g.InputHeight, w = g.InputWidth, area = h * w;
        int kh = g.KernelHeight, kw = g.KernelWidth, channels = g.InputChannels;
        for (int y = 0; y < oh; y++)
        {
            int top = y * g.StrideHeight - g.PaddingHeight;
            for (int x = 0; x < ow; x++)
            {
                int left = x * g.StrideWidth - g.PaddingWidth;
                int firstColumn = Math.Max(0, -left);
                int endColumn = Math.Min(kw, w - left);
                bool inside = firstColumn == 0 && endColumn == kw;
                float* channel = image;
                for (int c = 0; c < channels; c++, channel += area)
                {
                    for (int i = 0; i < kh; i++, row += kw)
                    {
                        int inputRow = top + i;
                        if ((uint)inputRow >= (uint)h)
                        {
                            for (int j = 0; j < kw; j++)
                            {
                                row[j] = 0f;
                            }

                            continue;
                        }

                        float* src = channel + inputRow * w + left;
                        if (inside && vectorRows && src + Vector256<float>.Count <= imageEnd)
                        {
                            Vector256.Load(src).Store(row);
                        }
                        else if (inside)
                        {
                            for (int j = 0; j < kw; j++)
                            {
                                row[j] = src[j];
                            }
                        }
                        else
                        {
                            for (int j = 0; j < kw; j++)
                            {
                                row[j] = j >= firstColumn && j < endColumn ? src[j] : 0f;
                            }
                        }
                    }
                }
            }
        }
    }

    private static void FoldAddImage(float* row, float* image, float* imageEnd, in ConvolutionGeometry g)
    {
        bool vectorRows = g.KernelWidth <= Vector256<float>.Count && Vector256.IsHardwareAccelerated;
        var lanes = Vector256.Create(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f);
        int oh = g.OutputHeight, ow = g.OutputWidth, h = g.InputHeight, w = g.InputWidth, area = h * w;
        int kh = g.KernelHeight, kw = g.KernelWidth, channels = g.InputChannels;
        for (int y = 0; y < oh; y++)
        {
            int top = y * g.StrideHeight - g.PaddingHeight;
            for (int x = 0; x < ow; x++)
            {
                int left = x * g.StrideWidth - g.PaddingWidth;
                int firstColumn = Math.Max(0, -left);
                int endColumn = Math.Min(kw, w - left);
                float* channel = image;
                for (int c = 0; c < channels; c++, channel += area)
                {
                    for (int i = 0; i < kh; i++, row += kw)
                    {
                        int inputRow = top + i;
                        if ((uint)inputRow >= (uint)h)
                        {
                            continue;
                        }

                        float* dst = channel + inputRow * w + left;
                        if (vectorRows && dst >= image && dst + Vector256<float>.Count <= imageEnd)
                        {
                            // Lanes outside [firstColumn, endColumn) add zero, so their values are stored back unchanged.
                            var keep = Vector256.GreaterThanOrEqual(lanes, Vector256.Create((float)firstColumn))
                                & Vector256.LessThan(lanes, Vector256.Create((float)endColumn));
                            var sum = Vector256.Load(dst) + (Vector256.Load(row) & keep);
                            sum.Store(dst);
                        }
                        else
                        {
                            for (int j = firstColumn; j < endColumn; j++)
                            {
                                dst[j] += row[j];
                            }
                        }
                    }
                }
            }
        }
    }
}
