namespace DeepClustering.Tensors.Backends.Cpu.Kernels;

/// <summary>
/// Unfolds images into patch rows ("im2row") and folds gradients back ("row2im"). Row r = oh·OW + ow of an image
/// holds the input values under the kernel at output position (oh, ow), ordered (channel, kernel row, kernel
/// column) like the flattened weights [cOut, cIn·kh·kw]; positions in the padding read as zero.
/// </summary>
internal static class Im2Row
{
    /// <summary>Writes the OutputArea × PatchSize rows of one image.</summary>
    public static void Unfold(ReadOnlySpan<float> image, Span<float> rows, in ConvolutionGeometry g)
    {
        int oh = g.OutputHeight, ow = g.OutputWidth, h = g.InputHeight, w = g.InputWidth;
        int kh = g.KernelHeight, kw = g.KernelWidth, patch = g.PatchSize;
        int r = 0;
        for (int y = 0; y < oh; y++)
        {
            int top = y * g.StrideHeight - g.PaddingHeight;
            for (int x = 0; x < ow; x++, r++)
            {
                int left = x * g.StrideWidth - g.PaddingWidth;
                int firstColumn = Math.Max(0, -left);
                int endColumn = Math.Min(kw, w - left);
                var row = rows.Slice(r * patch, patch);
                int o = 0;
                for (int c = 0; c < g.InputChannels; c++)
                {
                    int channelStart = c * h * w;
                    for (int i = 0; i < kh; i++, o += kw)
                    {
                        int inputRow = top + i;
                        var dst = row.Slice(o, kw);
                        if ((uint)inputRow >= (uint)h || firstColumn >= endColumn)
                        {
                            dst.Clear();
                            continue;
                        }

                        if (firstColumn > 0)
                        {
                            dst[..firstColumn].Clear();
                        }

                        image.Slice(channelStart + inputRow * w + left + firstColumn, endColumn - firstColumn)
                            .CopyTo(dst[firstColumn..]);
                        if (endColumn < kw)
                        {
                            dst[endColumn..].Clear();
                        }
                    }
                }
            }
        }
    }

    /// <summary>Adds each row's values back onto the image positions they were read from (the adjoint of <see cref="Unfold"/>).</summary>
    public static void FoldAdd(ReadOnlySpan<float> rows, Span<float> image, in ConvolutionGeometry g)
    {
        int oh = g.OutputHeight, ow = g.OutputWidth, h = g.InputHeight, w = g.InputWidth;
        int kh = g.KernelHeight, kw = g.KernelWidth, patch = g.PatchSize;
        int r = 0;
        for (int y = 0; y < oh; y++)
        {
            int top = y * g.StrideHeight - g.PaddingHeight;
            for (int x = 0; x < ow; x++, r++)
            {
                int left = x * g.StrideWidth - g.PaddingWidth;
                int firstColumn = Math.Max(0, -left);
                int endColumn = Math.Min(kw, w - left);
                var row = rows.Slice(r * patch, patch);
                int o = 0;
                for (int c = 0; c < g.InputChannels; c++)
                {
                    int channelStart = c * h * w;
                    for (int i = 0; i < kh; i++, o += kw)
                    {
                        int inputRow = top + i;
                        if ((uint)inputRow >= (uint)h)
                        {
                            continue;
                        }

                        int start = channelStart + inputRow * w + left;
                        for (int j = firstColumn; j < endColumn; j++)
                        {
                            image[start + j] += row[o + j];
                        }
                    }
                }
            }
        }
    }
}
