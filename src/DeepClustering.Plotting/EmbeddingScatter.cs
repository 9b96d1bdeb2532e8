using System.Globalization;
using DeepClustering.Data;
using ScottPlot;

namespace DeepClustering.Plotting;

/// <summary>
/// The embedding in two dimensions, one point per sample coloured by its cluster (<see cref="ClusterPalette"/>) and,
/// when true classes are given, shaped by its class. Any 2-D map will do: the model's own 2-D embedding, a PCA
/// (<see cref="Projection.Pca2D"/>) or a t-SNE map (<c>DeepClustering.Manifold.Tsne</c>).
/// </summary>
public static class EmbeddingScatter
{
    /// <summary>The shapes of the true classes, in the order of the class values; the 11th class on repeats them.</summary>
    private static readonly MarkerShape[] ClassShapes =
    [
        MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
        MarkerShape.FilledTriangleDown, MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp,
        MarkerShape.OpenDiamond, MarkerShape.Eks,
    ];

    /// <summary>Draws the points of <paramref name="points"/> (two columns), coloured by <paramref name="clusters"/>.</summary>
    /// <param name="points">One row per sample, exactly two columns: x and y.</param>
    /// <param name="clusters">The cluster of each row; −1 is noise, drawn in grey.</param>
    /// <param name="classes">The true class of each row, shown as the marker's shape; null for circles only.</param>
    /// <param name="options">Size and title; null for the defaults.</param>
    /// <param name="markerSize">Marker diameter in pixels; 0 picks one by the number of points (5 down to 2).</param>
    /// <exception cref="ArgumentException">The points are not two columns (project them first) or hold a non-finite value, or the labels are not one per row.</exception>
    public static Figure Create(DataMatrix points, IReadOnlyList<int> clusters, IReadOnlyList<int>? classes = null,
        FigureOptions? options = null, float markerSize = 0)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(clusters);
        options ??= FigureOptions.Default;
        options.Validate();
        if (points.Columns != 2)
        {
            throw new ArgumentException(
                $"The embedding has {points.Columns} columns; a scatter needs 2. Project it first, e.g. with Projection.Pca2D or DeepClustering.Manifold.Tsne.",
                nameof(points));
        }

        if (clusters.Count != points.Rows)
        {
            throw new ArgumentException($"There are {clusters.Count} cluster labels for {points.Rows} points; one per point is needed.", nameof(clusters));
        }

        if (classes is not null && classes.Count != points.Rows)
        {
            throw new ArgumentException($"There are {classes.Count} class labels for {points.Rows} points; one per point is needed.", nameof(classes));
        }

        foreach (float value in points.Values)
        {
            if (!float.IsFinite(value))
            {
                throw new ArgumentException("The points hold a NaN or infinite coordinate.", nameof(points));
            }
        }

        ArgumentOutOfRangeException.ThrowIfNegative(markerSize);
        float size = markerSize > 0 ? markerSize : points.Rows switch { <= 500 => 6, <= 2_000 => 4, <= 10_000 => 3, _ => 2 };
        var plot = PlotStyle.NewPlot(options.TitleOr("Embedding by cluster"), "dimension 1", "dimension 2");
        var clusterValues = clusters.Distinct().Order().ToArray();
        var classValues = classes?.Distinct().Order().ToArray();
        var numbered = clusterValues.Where(v => v != -1).ToArray();
        int ClusterIndex(int label) => label == -1 ? -1 : Array.IndexOf(numbered, label);

        // One marker series per (cluster, class), in ascending order, so the drawing order and the bytes are fixed.
        var groups = Enumerable.Range(0, points.Rows)
            .GroupBy(i => (Cluster: clusters[i], Class: classes?[i] ?? 0))
            .OrderBy(g => g.Key.Cluster).ThenBy(g => g.Key.Class);
        foreach (var group in groups)
        {
            var indices = group.ToArray();
            var xs = indices.Select(i => (double)points.Values[2 * i]).ToArray();
            var ys = indices.Select(i => (double)points.Values[2 * i + 1]).ToArray();
            var shape = classValues is null ? MarkerShape.FilledCircle : ClassShapes[Array.IndexOf(classValues, group.Key.Class) % ClassShapes.Length];
            var markers = plot.Add.Markers(xs, ys, shape, size, ClusterPalette.ScottColorOf(ClusterIndex(group.Key.Cluster)));
            markers.LegendText = string.Empty;
        }

        // The legend names each cluster once (with its size), then each class's shape in grey.
        var counts = clusters.CountBy(c => c).ToDictionary();
        var legend = new List<LegendItem>();
        foreach (int cluster in clusterValues)
        {
            int count = counts[cluster];
            legend.Add(new LegendItem
            {
                LabelText = string.Create(CultureInfo.InvariantCulture, $"{(cluster == -1 ? "noise" : $"cluster {cluster}")} ({count})"),
                MarkerShape = MarkerShape.FilledCircle,
                MarkerSize = 10,
                MarkerColor = ClusterPalette.ScottColorOf(ClusterIndex(cluster)),
                LineWidth = 0,
            });
        }

        if (classValues is not null)
        {
            for (int c = 0; c < classValues.Length; c++)
            {
                legend.Add(new LegendItem
                {
                    LabelText = string.Create(CultureInfo.InvariantCulture, $"class {classValues[c]}"),
                    MarkerShape = ClassShapes[c % ClassShapes.Length],
                    MarkerSize = 10,
                    MarkerColor = Colors.DimGray,
                    LineWidth = 0,
                });
            }
        }

        plot.Legend.ManualItems.AddRange(legend);
        plot.ShowLegend(Edge.Right);
        return PlotStyle.Single(plot, options);
    }
}
