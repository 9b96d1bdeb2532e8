using DeepClustering.Clustering;
using ScottPlot;

namespace DeepClustering.Plotting;

/// <summary>
/// The scores of a <see cref="ClusterCountSweep"/> against k, one panel per score (silhouette, Calinski-Harabasz,
/// Davies-Bouldin, and BIC with AIC when the models have them), each with a dashed line at the k it picks.
/// </summary>
public static class ClusterCountSweepPlot
{

    /// <summary>Draws <paramref name="sweep"/>.</summary>
    /// <param name="sweep">The sweep's result.</param>
    /// <param name="options">Size and title; null for the defaults (800 × 600; a taller figure suits four panels).</param>
    /// <exception cref="ArgumentException">No k of the sweep has a finite score.</exception>
    public static Figure Create(ClusterCountSweepResult sweep, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        options ??= FigureOptions.Default;
        options.Validate();
        var ks = sweep.Scores.Select(s => (double)s.ClusterCount).ToArray();
        var panels = new List<Plot>();
        void Panel(string name, string caption, int? best, params (Func<ClusterCountScore, double> Value, int Color, LinePattern Pattern)[] series)
        {
            if (!series.Any(s => sweep.Scores.Any(x => double.IsFinite(s.Value(x)))))
            {
                return;
            }

            var plot = PlotStyle.NewPlot(string.Empty, string.Empty, name);
            string bestText = best is { } b ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"; best k = {b}") : string.Empty;
            plot.Title(caption + bestText, PlotStyle.LegendSize + 1);
            plot.Axes.Title.Label.Bold = false;
            foreach (var (value, color, pattern) in series)
            {
                var keep = sweep.Scores.Where(x => double.IsFinite(value(x))).ToArray();
                var line = plot.Add.Scatter(keep.Select(x => (double)x.ClusterCount).ToArray(), keep.Select(value).ToArray(), ClusterPalette.ScottColorOf(color));
                line.LineWidth = 2;
                line.MarkerSize = 6;
                line.LinePattern = pattern;
            }

            if (best is { } k)
            {
                plot.Add.VerticalLine(k, 1.5f, Colors.DimGray, LinePattern.Dashed);
            }

            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                ks, ks.Select(k => ((int)k).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            plot.HideLegend();
            panels.Add(plot);
        }

        Panel("silhouette", "Silhouette: higher is better", sweep.BestBySilhouette, (s => s.Silhouette, 0, LinePattern.Solid));
        Panel("Calinski-Harabasz", "Calinski-Harabasz: higher is better", sweep.BestByCalinskiHarabasz, (s => s.CalinskiHarabasz, 2, LinePattern.Solid));
        Panel("Davies-Bouldin", "Davies-Bouldin: lower is better", sweep.BestByDaviesBouldin, (s => s.DaviesBouldin, 6, LinePattern.Solid));
        Panel("BIC, AIC", "BIC (solid) and AIC (dashed): lower is better; the line marks BIC's", sweep.BestByBic,
            (s => s.Bic ?? double.NaN, 7, LinePattern.Solid), (s => s.Aic ?? double.NaN, 4, LinePattern.Dashed));
        if (panels.Count == 0)
        {
            throw new ArgumentException("No k of the sweep has a finite score to draw.", nameof(sweep));
        }

        panels[^1].XLabel("number of clusters k", PlotStyle.AxisLabelSize);
        string title = options.TitleOr("Scores by number of clusters");
        float top = title.Length > 0 ? PlotStyle.TitleBand : 0;
        return new Figure(options.Width, options.Height, canvas =>
        {
            PlotStyle.DrawTitle(canvas, title, options.Width, top);
            float height = (options.Height - top) / panels.Count;
            for (int p = 0; p < panels.Count; p++)
            {
                PlotStyle.Render(panels[p], canvas, new PixelRect(0, options.Width, top + (p + 1) * height, top + p * height));
            }
        });
    }
}
