using ScottPlot;

namespace DeepClustering.Plotting;

/// <summary>
/// Several curves of one quantity on shared axes, one colour and line pattern per curve (<see cref="ClusterPalette"/>),
/// with a legend: for example the ACC monitored during each k's refinement, or a score against a swept parameter.
/// </summary>
public static class CurvePlot
{
    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    /// <summary>Draws <paramref name="curves"/>.</summary>
    /// <param name="curves">The lines, in legend order.</param>
    /// <param name="xLabel">The x axis' title.</param>
    /// <param name="yLabel">The y axis' title.</param>
    /// <param name="options">Size and title; null for the defaults.</param>
    /// <param name="yLimits">The y axis' range; null to fit the data.</param>
    /// <exception cref="ArgumentException">No curves, a blank name, a curve without points, x and y of different lengths, a non-finite value, or an empty y range.</exception>
    public static Figure Create(IReadOnlyList<Curve> curves, string xLabel, string yLabel, FigureOptions? options = null, (double Low, double High)? yLimits = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        ArgumentNullException.ThrowIfNull(xLabel);
        ArgumentNullException.ThrowIfNull(yLabel);
        options ??= FigureOptions.Default;
        options.Validate();
        if (curves.Count == 0)
        {
            throw new ArgumentException("There are no curves to draw.", nameof(curves));
        }

        foreach (var curve in curves)
        {
            if (curve is null || string.IsNullOrWhiteSpace(curve.Name) || curve.X is null || curve.Y is null)
            {
                throw new ArgumentException("Every curve needs a name, x values and y values.", nameof(curves));
            }

            if (curve.X.Count == 0 || curve.X.Count != curve.Y.Count)
            {
                throw new ArgumentException($"The curve '{curve.Name}' has {curve.X.Count} x values and {curve.Y.Count} y values; it needs one y per x, at least one.", nameof(curves));
            }

            for (int i = 0; i < curve.X.Count; i++)
            {
                if (!double.IsFinite(curve.X[i]) || !double.IsFinite(curve.Y[i]))
                {
                    throw new ArgumentException($"Point {i} of the curve '{curve.Name}' is ({curve.X[i]}, {curve.Y[i]}); a curve needs finite values.", nameof(curves));
                }
            }
        }

        if (yLimits is { } limits && !(double.IsFinite(limits.Low) && double.IsFinite(limits.High) && limits.Low < limits.High))
        {
            throw new ArgumentException($"The y range ({limits.Low}, {limits.High}) must be finite and increasing.", nameof(yLimits));
        }

        var plot = PlotStyle.NewPlot(options.TitleOr(yLabel), xLabel, yLabel);
        for (int c = 0; c < curves.Count; c++)
        {
            var line = plot.Add.Scatter(curves[c].X.ToArray(), curves[c].Y.ToArray(), ClusterPalette.ScottColorOf(c));
            line.LineWidth = 2;
            line.LinePattern = Patterns[c / ClusterPalette.Colors.Count % Patterns.Length];
            line.MarkerSize = curves[c].X.Count <= 60 ? 5 : 0;
            line.LegendText = curves[c].Name;
        }

        if (yLimits is { } y)
        {
            plot.Axes.SetLimitsY(y.Low, y.High);
        }

        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return PlotStyle.Single(plot, options);
    }
}
