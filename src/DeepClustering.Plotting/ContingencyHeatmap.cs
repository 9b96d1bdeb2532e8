using System.Globalization;
using DeepClustering.Metrics;
using ScottPlot;

namespace DeepClustering.Plotting;

/// <summary>
/// The contingency table between true classes (rows) and clusters (columns) as a heat-map: each cell is shaded by
/// the share of its class that went to that cluster and, up to 30 columns, shows its count. Clusters are ordered
/// by the class most of their samples belong to, so a good clustering reads as a diagonal.
/// </summary>
public static class ContingencyHeatmap
{
    /// <summary>Columns up to which every cell shows its count.</summary>
    public const int MaximumAnnotatedColumns = 30;

    private static readonly Color Low = Colors.White;

    private static readonly Color High = ClusterPalette.Parse("#1A3A7A");

    /// <summary>Draws <paramref name="table"/>.</summary>
    /// <param name="table">The counts, e.g. <see cref="ContingencyMatrix.Compute"/> of the true and predicted labels.</param>
    /// <param name="options">Size and title; null for the defaults.</param>
    /// <param name="orderClusters">Whether to order the clusters by their majority class (true) or by label value.</param>
    public static Figure Create(ContingencyMatrix table, FigureOptions? options = null, bool orderClusters = true)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= FigureOptions.Default;
        options.Validate();
        var counts = table.ToArray();
        int rows = table.RowCount, columns = table.ColumnCount;
        var order = ColumnOrder(counts, rows, columns, orderClusters);
        var plot = PlotStyle.NewPlot(options.TitleOr("Clusters against classes"), "cluster (shade: share of the class in the cluster)", "true class");
        bool annotate = columns <= MaximumAnnotatedColumns && rows <= MaximumAnnotatedColumns;
        float textSize = Math.Clamp(Math.Min(options.Width / (columns + 3f), options.Height / (rows + 3f)) / 3.2f, 7f, 13f);
        for (int r = 0; r < rows; r++)
        {
            double y = rows - 1 - r;
            for (int at = 0; at < columns; at++)
            {
                int count = counts[r, order[at]];
                double share = table.ClassSizes[r] == 0 ? 0 : (double)count / table.ClassSizes[r];
                var cell = plot.Add.Rectangle(at - 0.5, at + 0.5, y - 0.5, y + 0.5);
                cell.FillColor = Low.MixedWith(High, (float)share);
                cell.LineColor = Colors.White;
                cell.LineWidth = 1;
                if (annotate && count > 0)
                {
                    var text = plot.Add.Text(count.ToString(CultureInfo.InvariantCulture), at, y);
                    text.Alignment = Alignment.MiddleCenter;
                    text.LabelFontSize = textSize;
                    text.LabelFontName = PlotStyle.FontName;
                    text.LabelFontColor = share > 0.45 ? Colors.White : Colors.Black;
                }
            }
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, columns).Select(c => (double)c).ToArray(),
            order.Select(c => Label(table.Clusters[c])).ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, rows).Select(r => (double)(rows - 1 - r)).ToArray(),
            table.Classes.Select(Label).ToArray());
        plot.Axes.SetLimits(-0.5, columns - 0.5, -0.5, rows - 0.5);
        plot.HideGrid();
        return PlotStyle.Single(plot, options);
    }

    /// <summary>The columns in drawing order: by majority class (then by size, largest first) or as they are.</summary>
    internal static int[] ColumnOrder(int[,] counts, int rows, int columns, bool byMajorityClass)
    {
        var order = Enumerable.Range(0, columns).ToArray();
        if (!byMajorityClass)
        {
            return order;
        }

        int Majority(int c)
        {
            int best = 0;
            for (int r = 1; r < rows; r++)
            {
                if (counts[r, c] > counts[best, c])
                {
                    best = r;
                }
            }

            return best;
        }

        return order.OrderBy(Majority).ThenByDescending(c => counts[Majority(c), c]).ThenBy(c => c).ToArray();
    }

    private static string Label(int value) => value == -1 ? "noise" : value.ToString(CultureInfo.InvariantCulture);
}
