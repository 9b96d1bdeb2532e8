namespace DeepClustering.Plotting;

/// <summary>The size and title of a figure; every figure kind takes these.</summary>
public sealed record FigureOptions
{
    /// <summary>The defaults: 800 × 600 pixels, the figure kind's own title.</summary>
    public static FigureOptions Default { get; } = new();

    /// <summary>Width in pixels (PNG) or SVG user units, 64 to 16,384.</summary>
    public int Width { get; init; } = 800;

    /// <summary>Height in pixels (PNG) or SVG user units, 64 to 16,384.</summary>
    public int Height { get; init; } = 600;

    /// <summary>The title above the figure; null for the figure kind's own, empty for none.</summary>
    public string? Title { get; init; }

    /// <summary>The smallest accepted width or height.</summary>
    public const int MinimumSize = 64;

    /// <summary>The largest accepted width or height.</summary>
    public const int MaximumSize = 16_384;

    /// <summary>Checks the sizes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is outside <see cref="MinimumSize"/> to <see cref="MaximumSize"/>.</exception>
    public void Validate()
    {
        if (Width is < MinimumSize or > MaximumSize)
        {
            throw new ArgumentOutOfRangeException(nameof(Width), Width, $"A figure is {MinimumSize} to {MaximumSize} pixels wide.");
        }

        if (Height is < MinimumSize or > MaximumSize)
        {
            throw new ArgumentOutOfRangeException(nameof(Height), Height, $"A figure is {MinimumSize} to {MaximumSize} pixels high.");
        }
    }

    /// <summary>The title to draw: <see cref="Title"/> when given, else <paramref name="fallback"/>.</summary>
    internal string TitleOr(string fallback) => Title ?? fallback;
}
