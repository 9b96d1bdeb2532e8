using System.Globalization;

namespace DeepClustering.Plotting;

/// <summary>
/// The colours of clusters, methods and series in every figure: first Paul Tol's colour-blind-safe "muted" scheme
/// (nine colours) and the orange of his "vibrant" one, ten in all, so that the ten clusters of MNIST each have their
/// own; then six more (the blue, red and magenta of "vibrant", the pear and pink of "light", and black) so that up to
/// sixteen clusters stay apart (past ten the set is no longer colour-blind-safe); index 16 and on repeat them.
/// Noise (label −1) is light grey.
/// </summary>
public static class ClusterPalette
{
    private static readonly string[] Hex =
    [
        "#332288", // indigo
        "#88CCEE", // cyan
        "#44AA99", // teal
        "#117733", // green
        "#999933", // olive
        "#DDCC77", // sand
        "#CC6677", // rose
        "#882255", // wine
        "#AA4499", // purple
        "#EE7733", // orange
        "#0077BB", // blue
        "#CC3311", // red
        "#EE3377", // magenta
        "#BBCC33", // pear
        "#FFAABB", // pink
        "#000000", // black
    ];

    /// <summary>The colour of noise, the label −1 of DBSCAN.</summary>
    public const string NoiseColor = "#BBBBBB";

    /// <summary>The palette's colours as <c>#RRGGBB</c>, in the order they are handed out.</summary>
    public static IReadOnlyList<string> Colors { get; } = Array.AsReadOnly(Hex);

    /// <summary>The colour of the <paramref name="index"/>-th cluster, method or series (0-based; it wraps round); <see cref="NoiseColor"/> for −1.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is below −1.</exception>
    public static string ColorOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(index, -1);
        return index == -1 ? NoiseColor : Hex[index % Hex.Length];
    }

    /// <summary>The colour as ScottPlot's.</summary>
    internal static ScottPlot.Color ScottColorOf(int index) => Parse(ColorOf(index));

    /// <summary>A <c>#RRGGBB</c> colour as ScottPlot's.</summary>
    internal static ScottPlot.Color Parse(string hex)
    {
        byte r = byte.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        byte g = byte.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        byte b = byte.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new ScottPlot.Color(r, g, b);
    }
}
