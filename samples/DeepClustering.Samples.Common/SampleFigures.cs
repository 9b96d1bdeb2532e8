using DeepClustering.Data;
using DeepClustering.Metrics;
using DeepClustering.Plotting;

namespace DeepClustering.Samples;

/// <summary>The figures the samples draw, written into their output folder, each returning its file name for the report.</summary>
public static class SampleFigures
{
    /// <summary>Points of an embedding scatter: a t-SNE map of at most this many, so that each stays visible.</summary>
    public const int ScatterPoints = 3000;

    /// <summary>
    /// An embedding coloured by cluster and shaped by true class: its t-SNE map when wider than two columns, of a random
    /// <see cref="ScatterPoints"/> of its rows; the title says how many are shown and how they were mapped.
    /// </summary>
    public static string Scatter(SampleArguments arguments, string file, DataMatrix embedding, IReadOnlyList<int> clusters, IReadOnlyList<int> classes, string title)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(embedding);
        DataMatrix map;
        int[] rows;
        if (embedding.Columns == 2)
        {
            rows = SampleMaps.Choose(embedding.Rows, ScatterPoints, arguments.Seed);
            var values = rows.SelectMany(r => embedding.Row(r).ToArray()).ToArray();
            map = new DataMatrix(values, rows.Length, 2);
        }
        else
        {
            (map, rows) = SampleMaps.Tsne(embedding, ScatterPoints, arguments.Seed, arguments.Threads);
        }

        string shown = rows.Length < embedding.Rows ? $"{rows.Length:N0} of {embedding.Rows:N0} images" : $"{rows.Length:N0} images";
        title += embedding.Columns == 2 ? $" ({shown})" : $" (t-SNE, {shown})";
        EmbeddingScatter.Create(map, SampleMaps.Select(clusters, rows), SampleMaps.Select(classes, rows),
            new FigureOptions { Width = 1000, Height = 750, Title = title }).Save(Path.Combine(arguments.Output, file));
        return file;
    }

    /// <summary>Classes × clusters, each cell its count.</summary>
    public static string Contingency(SampleArguments arguments, string file, IReadOnlyList<int> classes, IReadOnlyList<int> clusters, string title)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ContingencyHeatmap.Create(ContingencyMatrix.Compute(classes, clusters), new FigureOptions { Width = 900, Height = 700, Title = title })
            .Save(Path.Combine(arguments.Output, file));
        return file;
    }

    /// <summary>A grid of chosen images per cluster.</summary>
    public static string Grid(SampleArguments arguments, string file, ImageSet images, IReadOnlyList<ClusterSamples> rows, string title)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ClusterImageGrid.Create(images, rows, new FigureOptions { Title = title }, cellSize: 40).Save(Path.Combine(arguments.Output, file));
        return file;
    }

    /// <summary>
    /// Ten random images of each cluster (as the tutorial's viz_img), chosen with the sample's seed, noise (−1) last.
    /// </summary>
    public static IReadOnlyList<ClusterSamples> RandomPerCluster(IReadOnlyList<int> labels, int perCluster, long seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return labels.Distinct().OrderBy(c => c == -1 ? int.MaxValue : c).Select(c =>
        {
            var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] == c).ToArray();
            var chosen = SampleMaps.Choose(members.Length, perCluster, seed + c).Select(i => members[i]).ToArray();
            return new ClusterSamples(c, members.Length, chosen);
        }).ToArray();
    }
}
