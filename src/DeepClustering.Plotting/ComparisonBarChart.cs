using System.Globalization;
using ScottPlot;

namespace DeepClustering.Plotting;

/// <summary>
/// Methods compared on a few metrics: bars grouped by metric, one colour per method (<see cref="ClusterPalette"/>),
/// each bar labelled with its value. Metrics and methods keep the order they first appear in.
/// </summary>
public static class ComparisonBarChart
{
    /// <summary>Draws <paramref name="scores"/>.</summary>
    /// <param name="scores">The values; at most one per (method, metric).</param>
    /// <param name="options">Size and title; null for the defaults.</param>
    /// <param name="valueFormat">The .NET format of the value labels (invariant culture); empty for no labels.</param>
    /// <param name="groupAxisLabel">The title of the axis of the groups (the scores' <see cref="MethodScore.Metric"/>: a metric, or a data set).</param>
    /// <param name="valueAxisLabel">The title of the value axis.</param>
    /// <exception cref="ArgumentException">No scores, a blank name, a non-finite value, or a (method, metric) given twice.</exception>
    public static Figure Create(IReadOnlyList<MethodScore> scores, FigureOptions? options = null, string valueFormat = "0.###",
        string groupAxisLabel = "metric", string valueAxisLabel = "value")
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(valueFormat);
        ArgumentNullException.ThrowIfNull(groupAxisLabel);
        ArgumentNullException.ThrowIfNull(valueAxisLabel);
        options ??= FigureOptions.Default;
        options.Validate();
        if (scores.Count == 0)
        {
            throw new ArgumentException("There are no scores to draw.", nameof(scores));
        }

        var seen = new HashSet<(string, string)>();
        foreach (var s in scores)
        {
            if (s is null || string.IsNullOrWhiteSpace(s.Method) || string.IsNullOrWhiteSpace(s.Metric))
            {
                throw new ArgumentException("Every score needs a method and a metric name.", nameof(scores));
            }

            if (!double.IsFinite(s.Value))
            {
                throw new ArgumentException($"The {s.Metric} of {s.Method} is {s.Value}; a bar needs a finite value.", nameof(scores));
            }

            if (!seen.Add((s.Method, s.Metric)))
            {
                throw new ArgumentException($"The {s.Metric} of {s.Method} is given twice.", nameof(scores));
            }
        }

        var methods = scores.Select(s => s.Method).Distinct().ToArray();
        var metrics = scores.Select(s => s.Metric).Distinct().ToArray();
        var plot = PlotStyle.NewPlot(options.TitleOr("Methods compared"), groupAxisLabel, valueAxisLabel);
        const double groupWidth = 0.8;
        double barWidth = groupWidth / methods.Length;
        for (int m = 0; m < methods.Length; m++)
        {
            var bars = new List<Bar>();
            foreach (var s in scores.Where(s => s.Method == methods[m]))
            {
                int g = Array.IndexOf(metrics, s.Metric);
                bars.Add(new Bar
                {
                    Position = g - groupWidth / 2 + barWidth * (m + 0.5),
                    Value = s.Value,
                    Size = barWidth * 0.92,
                    FillColor = ClusterPalette.ScottColorOf(m),
                    LineWidth = 0,
                    Label = valueFormat.Length == 0 ? string.Empty : s.Value.ToString(valueFormat, CultureInfo.InvariantCulture),
                });
            }

            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = methods[m];
            plottable.ValueLabelStyle.FontSize = Math.Clamp((float)(options.Width * barWidth / metrics.Length / 4), 8f, 12f);
            plottable.ValueLabelStyle.FontName = PlotStyle.FontName;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, metrics.Length).Select(g => (double)g).ToArray(), metrics);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        double low = Math.Min(0, scores.Min(s => s.Value)), high = Math.Max(0, scores.Max(s => s.Value));
        double span = high - low == 0 ? 1 : high - low;
        plot.Axes.SetLimits(-0.5, metrics.Length - 0.5, low - (low < 0 ? span * 0.1 : 0), high + span * 0.12);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        plot.ShowLegend(Edge.Right);
        return PlotStyle.Single(plot, options);
    }
}
