using ScottPlot;
using SkiaSharp;

namespace DeepClustering.Plotting;

/// <summary>The look every figure shares: fonts, sizes, and the drawing of one or more ScottPlot plots on a canvas.</summary>
internal static class PlotStyle
{
    /// <summary>The font of every text; ScottPlot falls back to a system font where it is missing.</summary>
    public const string FontName = "DejaVu Sans";

    public const float TitleSize = 18;

    public const float AxisLabelSize = 15;

    public const float TickLabelSize = 12;

    public const float LegendSize = 12;

    /// <summary>A plot with the shared fonts and a title (none when empty).</summary>
    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        if (title.Length > 0)
        {
            plot.Title(title, TitleSize);
        }

        plot.XLabel(xLabel, AxisLabelSize);
        plot.YLabel(yLabel, AxisLabelSize);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickLabelSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickLabelSize;
        plot.Legend.FontSize = LegendSize;
        plot.Legend.FontName = FontName;
        return plot;
    }

    /// <summary>The height of the band a figure's title is drawn in, above its plots.</summary>
    public const float TitleBand = 40;

    /// <summary>
    /// A figure that is one plot filling the canvas below its title. The title is drawn across the whole canvas (and made
    /// smaller when even that is too narrow), not over the plot's data area as ScottPlot centres it, so a long title
    /// is never cut off at the left.
    /// </summary>
    public static Figure Single(Plot plot, FigureOptions options)
    {
        string title = plot.Axes.Title.Label.Text;
        if (title.Length == 0)
        {
            return new(options.Width, options.Height, canvas => Render(plot, canvas, new PixelRect(0, options.Width, options.Height, 0)));
        }

        plot.Axes.Title.Label.Text = string.Empty;
        return new(options.Width, options.Height, canvas =>
        {
            DrawTitle(canvas, title, options.Width, TitleBand);
            Render(plot, canvas, new PixelRect(0, options.Width, options.Height, TitleBand));
        });
    }

    /// <summary>Renders <paramref name="plot"/> into <paramref name="rect"/> of <paramref name="canvas"/>, leaving the rest of the canvas as it is.</summary>
    public static void Render(Plot plot, SKCanvas canvas, PixelRect rect)
    {
        int width = Math.Max(1, (int)Math.Round(rect.Width)), height = Math.Max(1, (int)Math.Round(rect.Height));

        // ScottPlot's plots are not safe to render from two threads at once; a figure may be written concurrently.
        lock (plot.Sync)
        {
            // A first render off screen settles the automatic axis limits and the layout; ScottPlot renders a second
            // time whenever they change during a render, which would draw everything twice into an SVG.
            plot.RenderInMemory(width, height);

            // ScottPlot fills the whole canvas with its background: the clip keeps it to the panel.
            canvas.Save();
            canvas.Translate(rect.Left, rect.Top);
            canvas.ClipRect(SKRect.Create(width, height));
            plot.Render(canvas, width, height);
            canvas.Restore();
        }
    }

    /// <summary>The width in pixels that <see cref="DrawTitle"/> needs for <paramref name="title"/> (0 for none).</summary>
    public static float TitleWidth(string title)
    {
        if (title.Length == 0)
        {
            return 0;
        }

        using var typeface = SKTypeface.FromFamilyName(FontName, SKFontStyle.Bold) ?? SKTypeface.Default;
        using var font = new SKFont(typeface, TitleSize);
        return font.MeasureText(title);
    }

    /// <summary>The centred title of a figure, drawn in a band <paramref name="height"/> high across <paramref name="width"/>.</summary>
    public static void DrawTitle(SKCanvas canvas, string title, int width, float height)
    {
        if (title.Length == 0)
        {
            return;
        }

        // Smaller than TitleSize where the title would not fit the width with a margin of 16 pixels on each side.
        using var typeface = SKTypeface.FromFamilyName(FontName, SKFontStyle.Bold) ?? SKTypeface.Default;
        using var font = new SKFont(typeface, TitleSize);
        while (font.Size > 6 && font.MeasureText(title) > width - 32)
        {
            font.Size -= 0.5f;
        }

        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText(title, width / 2f, height / 2f + font.Size / 3f, SKTextAlign.Center, font, paint);
    }
}
