using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace DeepClustering.Plotting;

/// <summary>
/// A drawn figure, ready to be written as PNG or SVG. Figures are built by <see cref="EmbeddingScatter"/>,
/// <see cref="ClusterImageGrid"/>, <see cref="TrainingHistoryPlot"/>, <see cref="ClusterCountSweepPlot"/>,
/// <see cref="ContingencyHeatmap"/> and <see cref="ComparisonBarChart"/>; the same figure gives the same bytes
/// every time it is written.
/// </summary>
public sealed partial class Figure
{
    private readonly Action<SKCanvas> _draw;

    internal Figure(int width, int height, Action<SKCanvas> draw)
    {
        Width = width;
        Height = height;
        _draw = draw;
    }

    /// <summary>Width in pixels (PNG) or SVG user units.</summary>
    public int Width { get; }

    /// <summary>Height in pixels (PNG) or SVG user units.</summary>
    public int Height { get; }

    /// <summary>
    /// Writes the figure to <paramref name="path"/> in the format of its extension (<c>.png</c> or <c>.svg</c>).
    /// The file is written whole or not at all: to a temporary file in the same folder, then renamed over the target.
    /// </summary>
    /// <exception cref="ArgumentException">The extension is neither <c>.png</c> nor <c>.svg</c>.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public void Save(string path) => Save(path, FigureFormats.FromPath(path));

    /// <summary>Writes the figure to <paramref name="path"/> in <paramref name="format"/>, whole or not at all.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public void Save(string path, FigureFormat format)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' names no file.", nameof(path));
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The folder '{folder}' of the figure '{path}' does not exist.");
        }

        string temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                Write(stream, format);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>The figure's file content in <paramref name="format"/>.</summary>
    public byte[] ToBytes(FigureFormat format)
    {
        using var memory = new MemoryStream();
        Write(memory, format);
        return memory.ToArray();
    }

    /// <summary>Writes the figure to <paramref name="stream"/> in <paramref name="format"/>; the stream stays open.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a <see cref="FigureFormat"/>.</exception>
    public void Write(Stream stream, FigureFormat format)
    {
        ArgumentNullException.ThrowIfNull(stream);
        switch (format)
        {
            case FigureFormat.Png:
                WritePng(stream);
                break;
            case FigureFormat.Svg:
                WriteSvg(stream);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Use FigureFormat.Png or FigureFormat.Svg.");
        }
    }

    private void WritePng(Stream stream)
    {
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException($"SkiaSharp could not make a {Width}×{Height} surface.");
        surface.Canvas.Clear(SKColors.White);
        _draw(surface.Canvas);
        surface.Canvas.Flush();
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100) ?? throw new InvalidOperationException("SkiaSharp could not encode the PNG.");
        data.SaveTo(stream);
    }

    private void WriteSvg(Stream stream)
    {
        // SkiaSharp's SVG canvas writes the document when it is disposed.
        using var memory = new MemoryStream();
        using (var wrapper = new SKManagedWStream(memory, disposeManagedStream: false))
        {
            using var canvas = SKSvgCanvas.Create(SKRect.Create(Width, Height), wrapper);
            using (var background = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill })
            {
                canvas.DrawRect(SKRect.Create(Width, Height), background);
            }

            _draw(canvas);
        }

        var bytes = Encoding.UTF8.GetBytes(NumberClipPaths(Encoding.UTF8.GetString(memory.GetBuffer(), 0, (int)memory.Length)));
        stream.Write(bytes);
        stream.Flush();
    }

    /// <summary>
    /// Skia names clip paths from a counter shared by the whole process (<c>cl_4</c>, <c>cl_5</c>, …), so the same
    /// figure would differ from one write to the next: they are numbered again from 0 in the order they appear.
    /// </summary>
    internal static string NumberClipPaths(string svg)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        string Number(string id)
        {
            if (!numbers.TryGetValue(id, out int number))
            {
                number = numbers.Count;
                numbers.Add(id, number);
            }

            return "clip" + number.ToString(CultureInfo.InvariantCulture);
        }

        return ClipReference().Replace(svg, m => m.Groups["before"].Value + Number(m.Groups["id"].Value) + m.Groups["after"].Value);
    }

    [GeneratedRegex("""(?<before>id="|url\(#)(?<id>cl_[0-9a-zA-Z]+)(?<after>"|\))""", RegexOptions.CultureInvariant)]
    private static partial Regex ClipReference();
}
