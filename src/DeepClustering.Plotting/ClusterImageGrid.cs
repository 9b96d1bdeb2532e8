using System.Globalization;
using DeepClustering.Data;
using SkiaSharp;

namespace DeepClustering.Plotting;

/// <summary>
/// A grid of each cluster's images: one row per cluster, its label, size and colour (as in <see cref="EmbeddingScatter"/>, noise grey) on the left, then the images
/// chosen for it (<see cref="ClusterExamples"/>), most typical first. Images are drawn as stored, the set's lowest
/// value black and its highest white (MNIST: white digits on black); three-channel images in colour, others by their
/// first channel.
/// </summary>
public static class ClusterImageGrid
{
    /// <summary>The default side of one image in the grid, in pixels.</summary>
    public const int DefaultCellSize = 48;

    private const float Gap = 4;

    private const float LabelWidth = 150;

    /// <summary>
    /// Draws the images of <paramref name="rows"/>. The figure's size follows from the grid: the width of
    /// the longest row (or of the title, when wider) and one row per cluster at <paramref name="cellSize"/>; only <see cref="FigureOptions.Title"/>
    /// of <paramref name="options"/> is used.
    /// </summary>
    /// <param name="images">The images the indices point into.</param>
    /// <param name="rows">The chosen samples of each cluster.</param>
    /// <param name="options">The title; null for the default.</param>
    /// <param name="cellSize">The side of one image in pixels, 8 to 512.</param>
    /// <exception cref="ArgumentException">No rows, an index outside the images, or a figure over 16,384 pixels.</exception>
    public static Figure Create(ImageSet images, IReadOnlyList<ClusterSamples> rows, FigureOptions? options = null, int cellSize = DefaultCellSize)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(cellSize, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cellSize, 512);
        options ??= FigureOptions.Default;
        if (rows.Count == 0)
        {
            throw new ArgumentException("There are no clusters to show.", nameof(rows));
        }

        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            foreach (int index in row.Indices)
            {
                if ((uint)index >= (uint)images.Count)
                {
                    throw new ArgumentException($"Cluster {row.Cluster} names image {index}; the set has {images.Count}.", nameof(rows));
                }
            }
        }

        string title = options.TitleOr("Images of each cluster");
        float top = title.Length > 0 ? PlotStyle.TitleBand : Gap;
        int columns = Math.Max(1, rows.Max(r => r.Indices.Count));
        // As wide as the grid, or as its title with a margin on each side.
        int width = (int)Math.Ceiling(Math.Max(LabelWidth + columns * (cellSize + Gap) + Gap, PlotStyle.TitleWidth(title) + 4 * Gap));
        int height = (int)Math.Ceiling(top + rows.Count * (cellSize + Gap) + Gap);
        if (width > FigureOptions.MaximumSize || height > FigureOptions.MaximumSize)
        {
            throw new ArgumentException(
                $"The grid would be {width}×{height} pixels; show fewer images or use a smaller cell (at most {FigureOptions.MaximumSize}).", nameof(rows));
        }

        width = Math.Max(width, FigureOptions.MinimumSize);
        height = Math.Max(height, FigureOptions.MinimumSize);
        // Each cluster's colour is that of EmbeddingScatter: by its rank among the clusters shown; noise grey.
        var numbered = rows.Select(r => r.Cluster).Where(c => c != -1).Distinct().Order().ToArray();
        int ColorIndex(int cluster) => cluster == -1 ? -1 : Array.IndexOf(numbered, cluster);
        var (low, high) = Range(images.Pixels);
        var tiles = rows.Select(r => r.Indices.Select(i => Pixels(images, i, low, high)).ToArray()).ToArray();
        return new Figure(width, height, canvas =>
        {
            PlotStyle.DrawTitle(canvas, title, width, top);
            using var typeface = SKTypeface.FromFamilyName(PlotStyle.FontName) ?? SKTypeface.Default;
            using var font = new SKFont(typeface, 13);
            using var small = new SKFont(typeface, 11);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var grey = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
            var sampling = new SKSamplingOptions(SKFilterMode.Nearest);
            for (int r = 0; r < rows.Count; r++)
            {
                float y = top + r * (cellSize + Gap);
                using (var swatch = new SKPaint { Color = SKColor.Parse(ClusterPalette.ColorOf(ColorIndex(rows[r].Cluster))), Style = SKPaintStyle.Fill })
                {
                    canvas.DrawRect(SKRect.Create(Gap, y, 8, cellSize), swatch);
                }

                float middle = y + cellSize / 2f;
                string name = rows[r].Cluster == -1 ? "noise" : string.Create(CultureInfo.InvariantCulture, $"cluster {rows[r].Cluster}");
                canvas.DrawText(name, Gap + 14, middle - 2, SKTextAlign.Left, font, ink);
                canvas.DrawText(string.Create(CultureInfo.InvariantCulture, $"{rows[r].Size:N0} samples"), Gap + 14, middle + 13, SKTextAlign.Left, small, grey);
                for (int c = 0; c < tiles[r].Length; c++)
                {
                    using var image = SKImage.FromPixelCopy(new SKImageInfo(images.Width, images.Height, SKColorType.Rgba8888, SKAlphaType.Opaque),
                        tiles[r][c], images.Width * 4);
                    canvas.DrawImage(image, SKRect.Create(LabelWidth + c * (cellSize + Gap), y, cellSize, cellSize), sampling);
                }
            }
        });
    }

    /// <summary>The smallest and largest finite pixel values, the range mapped to 0-255.</summary>
    private static (float Low, float High) Range(float[] pixels)
    {
        float low = float.PositiveInfinity, high = float.NegativeInfinity;
        foreach (float v in pixels)
        {
            if (float.IsFinite(v))
            {
                low = Math.Min(low, v);
                high = Math.Max(high, v);
            }
        }

        return low <= high ? (low, high) : (0, 1);
    }

    /// <summary>Image <paramref name="index"/> as RGBA bytes, row by row.</summary>
    private static byte[] Pixels(ImageSet images, int index, float low, float high)
    {
        var pixels = images.Image(index);
        int h = images.Height, w = images.Width, plane = h * w;
        bool colour = images.Channels == 3;
        float scale = high > low ? 255f / (high - low) : 0;
        byte Byte(float v) => float.IsFinite(v) ? (byte)Math.Clamp(MathF.Round((v - low) * scale), 0, 255) : (byte)0;
        var rgba = new byte[plane * 4];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int at = y * w + x;
                byte r = Byte(pixels[at]);
                rgba[4 * at] = r;
                rgba[4 * at + 1] = colour ? Byte(pixels[plane + at]) : r;
                rgba[4 * at + 2] = colour ? Byte(pixels[2 * plane + at]) : r;
                rgba[4 * at + 3] = 255;
            }
        }

        return rgba;
    }
}
