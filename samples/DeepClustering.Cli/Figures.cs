using System.Globalization;
using System.Text.Json.Nodes;
using DeepClustering.Data;
using DeepClustering.Metrics;
using DeepClustering.Plotting;
using DeepClustering.Training;

namespace DeepClustering.Cli;

/// <summary>
/// The figures of <c>cluster --plots</c> and <c>plot</c>, by file name: history, embedding, clusters (the image grid)
/// and contingency, each drawn by the DeepClustering.Plotting package.
/// </summary>
internal static class Figures
{
    /// <summary>The figure kinds, as <c>plot --kind</c> names them; "all" draws every one whose inputs are there.</summary>
    public static readonly string[] Kinds = ["all", "history", "embedding", "clusters", "contingency"];

    /// <summary>The figure formats, as <c>--plot-format</c> and <c>plot --format</c> name them.</summary>
    public static readonly string[] Formats = ["png", "svg"];

    /// <summary>The 2-D embedding that <c>cluster --plots</c> keeps in the results folder, for <c>plot</c> to redraw the scatter.</summary>
    public const string EmbeddingFile = "embedding-2d.csv";

    /// <summary>Images per cluster in the grid.</summary>
    public const int DefaultPerCluster = 12;

    /// <summary>The path of figure <paramref name="kind"/> in <paramref name="folder"/>.</summary>
    public static string PathOf(string folder, string kind, string format) => Path.Combine(folder, $"{kind}.{format}");

    /// <summary>The training history as results.json holds it (cluster's "history" array).</summary>
    public static TrainingRecord[] ReadHistory(JsonArray history)
    {
        static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
        return history.Select((node, at) =>
        {
            if (node is not JsonObject record || record["phase"]?.GetValue<string>() is not { } phase
                || !Enum.TryParse<TrainingPhase>(phase, ignoreCase: true, out var parsed) || record["step"] is not JsonValue step)
            {
                throw new InvalidDataException($"Record {at} of the history in results.json has no valid phase and step.");
            }

            return new TrainingRecord(parsed, step.GetValue<int>(), Number(record["loss"]), Number(record["labels_changed"]),
                Number(record["acc"]), Number(record["nmi"]), Number(record["ari"]));
        }).ToArray();
    }

    /// <summary>Draws the history; false (nothing drawn) when it has no loss or score.</summary>
    public static bool History(IReadOnlyList<TrainingRecord> history, string method, string path)
    {
        if (!history.Any(r => r.Loss is not null || r.Accuracy is not null || r.LabelsChanged is not null))
        {
            return false;
        }

        TrainingHistoryPlot.Create(history, new FigureOptions { Width = 1000, Height = 600, Title = $"Training history of {method}" }).Save(path);
        return true;
    }

    /// <summary>The 2-D map of <paramref name="points"/>: themselves when two columns wide, else their first two principal components.</summary>
    public static DataMatrix Map(DataMatrix points, int threads) => Projection.Pca2D(points, threads);

    /// <summary>Points up to which the scatter also shapes each point by its true class; past that the shapes are too small to tell apart.</summary>
    public const int MaximumShapedPoints = 2_000;

    /// <summary>
    /// Draws the scatter of a 2-D map coloured by the predicted labels, and shaped by the true ones when known and
    /// there are at most <see cref="MaximumShapedPoints"/> points.
    /// </summary>
    public static void Embedding(DataMatrix map, IReadOnlyList<int> predicted, IReadOnlyList<int>? truth, string title, string path) =>
        EmbeddingScatter.Create(map, predicted, map.Rows <= MaximumShapedPoints ? truth : null,
            new FigureOptions { Width = 1000, Height = 750, Title = title }).Save(path);

    /// <summary>
    /// Draws each cluster's images: <paramref name="rows"/> when given (those nearest a model's centres), else those
    /// nearest the mean of their cluster in pixel space.
    /// </summary>
    public static void Clusters(ImageSet images, IReadOnlyList<int> predicted, IReadOnlyList<ClusterSamples>? rows, string title, string path)
    {
        rows ??= ClusterExamples.NearestToMeans(images.ToDataMatrix(), predicted, DefaultPerCluster);
        int cell = images.Height <= 32 ? 40 : 64;
        ClusterImageGrid.Create(images, rows, new FigureOptions { Title = title }, cell).Save(path);
    }

    /// <summary>Draws the heat-map of true classes against predicted clusters.</summary>
    public static void Contingency(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, string title, string path)
    {
        var table = ContingencyMatrix.Compute(truth, predicted);
        int size = Math.Clamp(120 + 48 * Math.Max(table.ColumnCount, table.RowCount), 500, 2400);
        ContingencyHeatmap.Create(table, new FigureOptions { Width = size + 100, Height = size, Title = title }).Save(path);
    }

    /// <summary>The images of a data source, or null for a CSV.</summary>
    public static ImageSet? Images(DataMatrix data, int[] sampleShape) =>
        sampleShape.Length == 3 ? new ImageSet(data.Values, data.Rows, sampleShape[0], sampleShape[1], sampleShape[2]) : null;

    /// <summary>A title's count of rows, e.g. "10,000".</summary>
    public static string Count(int rows) => rows.ToString("N0", CultureInfo.InvariantCulture);
}
