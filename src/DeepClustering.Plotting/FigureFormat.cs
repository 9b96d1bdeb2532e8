namespace DeepClustering.Plotting;

/// <summary>The file formats a <see cref="Figure"/> is written in.</summary>
public enum FigureFormat
{
    /// <summary>A PNG raster image (RGBA, 8 bits per channel).</summary>
    Png,

    /// <summary>An SVG vector image (a standalone SVG 1.1 document).</summary>
    Svg,
}

/// <summary>Maps file names to <see cref="FigureFormat"/>s.</summary>
public static class FigureFormats
{
    /// <summary>The format a file name asks for by its extension: <c>.png</c> or <c>.svg</c>, in any case.</summary>
    /// <param name="path">A file name or path.</param>
    /// <exception cref="ArgumentException">The extension is neither <c>.png</c> nor <c>.svg</c>.</exception>
    public static FigureFormat FromPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string extension = Path.GetExtension(path);
        if (extension.Equals(".png", StringComparison.OrdinalIgnoreCase))
        {
            return FigureFormat.Png;
        }

        if (extension.Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            return FigureFormat.Svg;
        }

        throw new ArgumentException(
            $"'{path}' has the extension '{extension}'; a figure is written as .png or .svg.", nameof(path));
    }
}
