using System.Buffers.Binary;
using System.Xml.Linq;

namespace DeepClustering.Plotting.Tests;

/// <summary>Reads back what a figure wrote: a PNG's header, an SVG's document and its elements.</summary>
internal static class FigureFiles
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>The width and height in a PNG's IHDR chunk; fails unless the bytes start with the PNG signature and IHDR.</summary>
    public static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 33, "A PNG has at least a signature and an IHDR chunk.");
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal(13, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(8)));
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>Parses an SVG and checks its root's width and height.</summary>
    public static XDocument SvgOfSize(byte[] svg, int width, int height)
    {
        using var stream = new MemoryStream(svg);
        var document = XDocument.Load(stream);
        Assert.Equal(Svg + "svg", document.Root!.Name);
        Assert.Equal(width.ToString(System.Globalization.CultureInfo.InvariantCulture), document.Root.Attribute("width")?.Value);
        Assert.Equal(height.ToString(System.Globalization.CultureInfo.InvariantCulture), document.Root.Attribute("height")?.Value);
        return document;
    }

    /// <summary>The SVG elements of <paramref name="name"/>.</summary>
    public static IEnumerable<XElement> Elements(XDocument document, string name) => document.Descendants(Svg + name);

    /// <summary>The texts drawn, trimmed.</summary>
    public static IEnumerable<string> Texts(XDocument document) => Elements(document, "text").Select(t => t.Value.Trim());
}
