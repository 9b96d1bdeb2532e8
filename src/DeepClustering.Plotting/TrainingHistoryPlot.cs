using DeepClustering.Training;
using ScottPlot;
using SkiaSharp;

namespace DeepClustering.Plotting;

/// <summary>
/// A deep fit's history (<c>DeepClusteringModel.History</c>): the pretraining loss by epoch on the left, and the
/// refinement on the right, its loss (solid, left axis) and, on a right axis from 0 to 1, the fraction of labels
/// changed and ACC, NMI and ARI where they were monitored. A history of one phase fills the figure.
/// </summary>
public static class TrainingHistoryPlot
{

    /// <summary>Draws <paramref name="history"/>.</summary>
    /// <param name="history">The records, in the order the fit took them.</param>
    /// <param name="options">Size and title; null for the defaults.</param>
    /// <exception cref="ArgumentException">The history has no record with a loss or a score to draw.</exception>
    public static Figure Create(IReadOnlyList<TrainingRecord> history, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        options ??= FigureOptions.Default;
        options.Validate();
        if (history.Any(r => r is null))
        {
            throw new ArgumentException("The history holds a null record.", nameof(history));
        }

        var pretraining = history.Where(r => r.Phase == TrainingPhase.Pretraining && r.Loss is not null).ToArray();
        var refinement = history.Where(r => r.Phase != TrainingPhase.Pretraining).ToArray();
        bool hasRefinement = refinement.Any(r => r.Loss is not null || r.LabelsChanged is not null || r.Accuracy is not null
            || r.NormalizedMutualInformation is not null || r.AdjustedRandIndex is not null);
        if (pretraining.Length == 0 && !hasRefinement)
        {
            throw new ArgumentException("The history has no loss or score to draw (a loaded model keeps no history).", nameof(history));
        }

        var plots = new List<Plot>();
        if (pretraining.Length > 0)
        {
            plots.Add(Pretraining(pretraining));
        }

        if (hasRefinement)
        {
            plots.Add(Refinement(refinement));
        }

        string title = options.TitleOr("Training history");
        float top = title.Length > 0 ? PlotStyle.TitleBand : 0;
        return new Figure(options.Width, options.Height, canvas =>
        {
            PlotStyle.DrawTitle(canvas, title, options.Width, top);
            float width = options.Width / (float)plots.Count;
            for (int p = 0; p < plots.Count; p++)
            {
                PlotStyle.Render(plots[p], canvas, new PixelRect(p * width, (p + 1) * width, options.Height, top));
            }
        });
    }

    private static Plot Pretraining(TrainingRecord[] records)
    {
        var plot = PlotStyle.NewPlot("Pretraining", "epoch", "reconstruction loss");
        var line = plot.Add.Scatter(records.Select(r => (double)r.Step).ToArray(), records.Select(r => r.Loss!.Value).ToArray(), ClusterPalette.ScottColorOf(0));
        line.LineWidth = 2;
        line.MarkerSize = records.Length <= 50 ? 4 : 0;
        plot.HideLegend();
        return plot;
    }

    private static Plot Refinement(TrainingRecord[] records)
    {
        var plot = PlotStyle.NewPlot("Refinement", "iteration", "loss");
        var lossRecords = records.Where(r => r.Loss is not null).ToArray();
        if (lossRecords.Length > 0)
        {
            var loss = plot.Add.Scatter(lossRecords.Select(r => (double)r.Step).ToArray(), lossRecords.Select(r => r.Loss!.Value).ToArray(), ClusterPalette.ScottColorOf(0));
            loss.LineWidth = 2;
            loss.MarkerSize = lossRecords.Length <= 50 ? 4 : 0;
            loss.LegendText = "loss";
        }
        else
        {
            plot.Axes.Left.Label.Text = string.Empty;
        }

        var scores = new (string Name, Func<TrainingRecord, double?> Value, int Color, LinePattern Pattern)[]
        {
            ("labels changed", r => r.LabelsChanged, 6, LinePattern.Dotted),
            ("ACC", r => r.Accuracy, 2, LinePattern.Dashed),
            ("NMI", r => r.NormalizedMutualInformation, 4, LinePattern.DenselyDashed),
            ("ARI", r => r.AdjustedRandIndex, 8, LinePattern.Dotted),
        };
        bool anyScore = false;
        foreach (var (name, value, color, pattern) in scores)
        {
            var points = records.Where(r => value(r) is not null).ToArray();
            if (points.Length == 0)
            {
                continue;
            }

            anyScore = true;
            var line = plot.Add.Scatter(points.Select(r => (double)r.Step).ToArray(), points.Select(r => value(r)!.Value).ToArray(), ClusterPalette.ScottColorOf(color));
            line.Axes.YAxis = plot.Axes.Right;
            line.LineWidth = 2;
            line.LinePattern = pattern;
            line.MarkerSize = points.Length <= 50 ? 4 : 0;
            line.LegendText = name;
        }

        if (anyScore)
        {
            plot.Axes.Right.Label.Text = "fraction (dashed and dotted lines)";
            plot.Axes.Right.Label.FontSize = PlotStyle.AxisLabelSize;
            plot.Axes.Right.TickLabelStyle.FontSize = PlotStyle.TickLabelSize;
            plot.Axes.SetLimitsY(0, 1.05, plot.Axes.Right);
        }

        // Limits of their own: the automatic ones leave out a series on the right axis that starts earlier.
        var steps = records.Where(r => r.Loss is not null || scores.Any(s => s.Value(r) is not null)).Select(r => (double)r.Step).ToArray();
        double first = steps.Min(), last = steps.Max(), pad = Math.Max(0.5, (last - first) * 0.03);
        plot.Axes.SetLimitsX(first - pad, last + pad);
        if (lossRecords.Length > 0)
        {
            double low = lossRecords.Min(r => r.Loss!.Value), high = lossRecords.Max(r => r.Loss!.Value);
            double margin = high > low ? (high - low) * 0.05 : Math.Max(Math.Abs(high) * 0.05, 1e-3);
            plot.Axes.SetLimitsY(low - margin, high + margin, plot.Axes.Left);
        }

        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot;
    }
}
