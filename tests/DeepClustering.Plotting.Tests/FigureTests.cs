using DeepClustering.Data;
using DeepClustering.Metrics;
using static DeepClustering.Plotting.Tests.FigureFiles;

namespace DeepClustering.Plotting.Tests;

/// <summary>Each figure kind drawn from small data: valid files of the asked size, the expected marks, the same bytes each time.</summary>
public class FigureTests
{
    private static readonly FigureOptions Small = new() { Width = 640, Height = 480 };

    public static TheoryData<string> Kinds => ["scatter", "scatter-classes", "grid", "history", "sweep", "heatmap", "bars", "curves"];

    private static Figure Make(string kind) => kind switch
    {
        "scatter" => EmbeddingScatter.Create(SampleFigures.Blobs(10).Points, SampleFigures.Blobs(10).Clusters, options: Small),
        "scatter-classes" => EmbeddingScatter.Create(SampleFigures.Blobs(10).Points, SampleFigures.Blobs(10).Clusters, SampleFigures.Blobs(10).Classes, Small),
        "grid" => ClusterImageGrid.Create(SampleFigures.Images(24), ClusterExamples.NearestToMeans(SampleFigures.Images(24).ToDataMatrix(), ThreeClusters(24), 5)),
        "history" => TrainingHistoryPlot.Create(SampleFigures.History(), Small),
        "sweep" => ClusterCountSweepPlot.Create(SampleFigures.Sweep(), Small),
        "heatmap" => ContingencyHeatmap.Create(SampleFigures.Table(), Small),
        "bars" => ComparisonBarChart.Create(SampleFigures.Scores(), Small),
        "curves" => CurvePlot.Create(SampleFigures.Curves(), "iteration", "ACC", Small, (0, 1)),
        _ => throw new ArgumentException(kind),
    };

    private static int[] ThreeClusters(int count) => Enumerable.Range(0, count).Select(i => i % 3).ToArray();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_writes_a_png_of_its_size(string kind)
    {
        var figure = Make(kind);
        var (width, height) = PngSize(figure.ToBytes(FigureFormat.Png));
        Assert.Equal((figure.Width, figure.Height), (width, height));
        if (kind != "grid")
        {
            Assert.Equal((Small.Width, Small.Height), (width, height));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_writes_an_svg_of_its_size(string kind)
    {
        var figure = Make(kind);
        var svg = SvgOfSize(figure.ToBytes(FigureFormat.Svg), figure.Width, figure.Height);
        Assert.NotEmpty(Texts(svg));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_same_input_gives_the_same_bytes(string kind)
    {
        Assert.Equal(Make(kind).ToBytes(FigureFormat.Png), Make(kind).ToBytes(FigureFormat.Png));
        var figure = Make(kind);
        Assert.Equal(figure.ToBytes(FigureFormat.Svg), figure.ToBytes(FigureFormat.Svg));
        Assert.Equal(figure.ToBytes(FigureFormat.Svg), Make(kind).ToBytes(FigureFormat.Svg));
    }

    [Fact]
    public void The_scatter_draws_one_circle_per_point_and_one_per_cluster_in_the_legend()
    {
        var (points, clusters, _) = SampleFigures.Blobs(7);
        var svg = SvgOfSize(EmbeddingScatter.Create(points, clusters, options: Small).ToBytes(FigureFormat.Svg), 640, 480);
        Assert.Equal(21 + 3, Elements(svg, "ellipse").Count());
        Assert.Equal(3, Texts(svg).Count(t => t.StartsWith("cluster ", StringComparison.Ordinal)));
        Assert.Contains("cluster 1 (7)", Texts(svg));
    }

    [Fact]
    public void The_scatter_marks_classes_in_the_legend_and_colours_noise_grey()
    {
        var (points, clusters, classes) = SampleFigures.Blobs(5);
        clusters[0] = -1;
        var svg = SvgOfSize(EmbeddingScatter.Create(points, clusters, classes, Small).ToBytes(FigureFormat.Svg), 640, 480);
        var texts = Texts(svg).ToArray();
        Assert.Contains("noise (1)", texts);
        Assert.Equal(["class 0", "class 1", "class 2"], texts.Where(t => t.StartsWith("class ", StringComparison.Ordinal)));
        Assert.Contains(Elements(svg, "ellipse"), e => e.Attribute("fill")?.Value is "#BBB" or "#BBBBBB");
    }

    [Fact]
    public void The_scatter_refuses_an_embedding_that_is_not_two_dimensional()
    {
        var (points, clusters, _) = SampleFigures.Blobs(5, dimensions: 3);
        var error = Assert.Throws<ArgumentException>(() => EmbeddingScatter.Create(points, clusters));
        Assert.Equal("points", error.ParamName);
        Assert.Contains("Pca2D", error.Message, StringComparison.Ordinal);
        Assert.Equal("clusters", Assert.Throws<ArgumentException>(() => EmbeddingScatter.Create(Projection.Pca2D(points), clusters[1..])).ParamName);
    }

    [Fact]
    public void Pca2D_projects_to_two_columns()
    {
        var (points, clusters, _) = SampleFigures.Blobs(6, dimensions: 5);
        var map = Projection.Pca2D(points, threads: 1);
        Assert.Equal((18, 2), (map.Rows, map.Columns));
        Assert.Same(map, Projection.Pca2D(map));
        PngSize(EmbeddingScatter.Create(map, clusters).ToBytes(FigureFormat.Png));
    }

    [Fact]
    public void The_heatmap_draws_one_cell_per_class_and_cluster_and_the_counts()
    {
        int[] classes = [0, 0, 0, 1, 1, 2, 2, 2, 2, 3];
        int[] clusters = [5, 5, 7, 7, 7, 9, 9, 9, 5, 9];
        var table = ContingencyMatrix.Compute(classes, clusters);
        var svg = SvgOfSize(ContingencyHeatmap.Create(table, Small).ToBytes(FigureFormat.Svg), 640, 480);
        // Every cell has a white outline of its own.
        Assert.Equal(4 * 3, Elements(svg, "rect").Count(r => r.Attribute("stroke")?.Value is "white" or "#FFF" or "#FFFFFF"));
        var texts = Texts(svg).ToArray();
        foreach (var (row, column, count) in table.NonZeroCells())
        {
            Assert.Contains(count.ToString(System.Globalization.CultureInfo.InvariantCulture), texts);
        }
    }

    [Fact]
    public void The_heatmap_orders_clusters_by_their_majority_class()
    {
        // Cluster columns 0, 1, 2 hold mostly classes 2, 0, 1.
        var counts = new int[,] { { 0, 5, 1 }, { 1, 0, 6 }, { 7, 0, 0 } };
        Assert.Equal([1, 2, 0], ContingencyHeatmap.ColumnOrder(counts, 3, 3, byMajorityClass: true));
        Assert.Equal([0, 1, 2], ContingencyHeatmap.ColumnOrder(counts, 3, 3, byMajorityClass: false));
    }

    [Fact]
    public void The_grid_draws_one_image_per_chosen_sample()
    {
        var images = SampleFigures.Images(30);
        var rows = ClusterExamples.NearestToMeans(images.ToDataMatrix(), ThreeClusters(30), 4);
        var figure = ClusterImageGrid.Create(images, rows, cellSize: 32);
        var svg = SvgOfSize(figure.ToBytes(FigureFormat.Svg), figure.Width, figure.Height);
        // Skia writes each image once into <defs> and draws it with a <use>.
        Assert.Equal(12, Elements(svg, "image").Count());
        Assert.Equal(12, Elements(svg, "use").Count());
        Assert.Equal(["cluster 0", "cluster 1", "cluster 2"], Texts(svg).Where(t => t.StartsWith("cluster", StringComparison.Ordinal)));
        Assert.Contains("10 samples", Texts(svg));
        Assert.Equal(150 + 4 * 36 + 4, figure.Width);
    }

    [Fact]
    public void A_title_is_centred_on_the_figure_and_made_smaller_when_it_would_not_fit()
    {
        var (points, clusters, _) = SampleFigures.Blobs(5);
        string longTitle = string.Concat(Enumerable.Repeat("a long title ", 12)).Trim();
        foreach (var (title, fits) in new[] { ("Short", true), (longTitle, false) })
        {
            var svg = SvgOfSize(EmbeddingScatter.Create(points, clusters, options: Small with { Title = title }).ToBytes(FigureFormat.Svg), 640, 480);
            var text = Assert.Single(Elements(svg, "text"), t => t.Value.Trim() == title);
            double size = double.Parse(text.Attribute("font-size")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(fits ? size == 18 : size < 18, $"'{title}' drawn at {size}");
            // Skia writes each glyph's x: all on the canvas, centred on its middle.
            var x = text.Attribute("x")!.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.True(x.Min() >= 0 && x.Max() <= 640, $"'{title}' spans x {x.Min()} to {x.Max()}");
            Assert.InRange((x[0] + x[^1]) / 2, 290, 350);
        }
    }

    [Fact]
    public void The_grid_colours_each_cluster_as_the_scatter_does_and_noise_grey()
    {
        var images = SampleFigures.Images(6);
        ClusterSamples[] rows = [new(7, 2, [0, 1]), new(-1, 2, [2, 3]), new(3, 2, [4, 5])];
        var svg = SvgOfSize(ClusterImageGrid.Create(images, rows).ToBytes(FigureFormat.Svg), ClusterImageGrid.Create(images, rows).Width, ClusterImageGrid.Create(images, rows).Height);
        // Skia writes #RGB where it can: expand to #RRGGBB.
        var fills = Elements(svg, "rect").Select(r => r.Attribute("fill")?.Value?.ToUpperInvariant()).Where(f => f is not null)
            .Select(f => f!.Length == 4 && f[0] == '#' ? $"#{f[1]}{f[1]}{f[2]}{f[2]}{f[3]}{f[3]}" : f).ToArray();
        Assert.Contains(ClusterPalette.ColorOf(1).ToUpperInvariant(), fills);   // cluster 7: second of 3 and 7
        Assert.Contains(ClusterPalette.ColorOf(0).ToUpperInvariant(), fills);   // cluster 3: first
        Assert.Contains(ClusterPalette.NoiseColor.ToUpperInvariant(), fills);
    }

    [Fact]
    public void Sixteen_clusters_get_sixteen_colours_and_the_seventeenth_repeats_the_first()
    {
        var colours = Enumerable.Range(0, 16).Select(ClusterPalette.ColorOf).ToArray();
        Assert.Equal(16, colours.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain(ClusterPalette.NoiseColor, colours);
        Assert.Equal(ClusterPalette.ColorOf(0), ClusterPalette.ColorOf(16));
    }

    [Fact]
    public void The_grid_is_wide_enough_for_its_title()
    {
        var images = SampleFigures.Images(6);
        var rows = ClusterExamples.NearestToMeans(images.ToDataMatrix(), ThreeClusters(6), 1);
        var narrow = ClusterImageGrid.Create(images, rows, new FigureOptions { Title = "" });
        var titled = ClusterImageGrid.Create(images, rows, new FigureOptions { Title = new string('W', 80) });
        Assert.True(titled.Width > narrow.Width + 600, $"{titled.Width} px for an 80-letter title, {narrow.Width} px without one");
        Assert.Equal(PngSize(titled.ToBytes(FigureFormat.Png)), (titled.Width, titled.Height));
    }

    [Fact]
    public void The_grid_refuses_an_index_outside_the_images()
    {
        var images = SampleFigures.Images(4);
        var error = Assert.Throws<ArgumentException>(() => ClusterImageGrid.Create(images, [new ClusterSamples(0, 5, [1, 4])]));
        Assert.Equal("rows", error.ParamName);
    }

    [Fact]
    public void The_bar_chart_draws_one_bar_per_score_with_its_value()
    {
        var svg = SvgOfSize(ComparisonBarChart.Create(SampleFigures.Scores(), Small).ToBytes(FigureFormat.Svg), 640, 480);
        var texts = Texts(svg).ToArray();
        foreach (var label in new[] { "0.53", "0.95", "0.37", "0.89", "ACC", "NMI", "ARI", "k-means", "DEKM" })
        {
            Assert.Contains(label, texts);
        }

        Assert.Contains("metric", texts);
        var named = Texts(SvgOfSize(ComparisonBarChart.Create(SampleFigures.Scores(), Small, groupAxisLabel: "data set", valueAxisLabel: "ACC").ToBytes(FigureFormat.Svg), 640, 480)).ToArray();
        Assert.Contains("data set", named);
        Assert.DoesNotContain("metric", named);
        Assert.Throws<ArgumentException>(() => ComparisonBarChart.Create([new("a", "ACC", 1), new("a", "ACC", 2)]));
        Assert.Throws<ArgumentException>(() => ComparisonBarChart.Create([new("a", "ACC", double.NaN)]));
    }

    [Fact]
    public void The_curves_draw_one_marker_per_point_and_name_each_curve()
    {
        var curves = SampleFigures.Curves();
        var svg = SvgOfSize(CurvePlot.Create(curves, "iteration", "ACC", Small).ToBytes(FigureFormat.Svg), 640, 480);
        Assert.Equal(curves.Sum(c => c.X.Count) + curves.Length, Elements(svg, "ellipse").Count());
        var texts = Texts(svg).ToArray();
        foreach (var label in new[] { "k = 5", "k = 10", "k = 15", "iteration", "ACC" })
        {
            Assert.Contains(label, texts);
        }

        Assert.Equal("curves", Assert.Throws<ArgumentException>(() => CurvePlot.Create([], "x", "y")).ParamName);
        Assert.Equal("curves", Assert.Throws<ArgumentException>(() => CurvePlot.Create([new("a", [1, 2], [1])], "x", "y")).ParamName);
        Assert.Equal("curves", Assert.Throws<ArgumentException>(() => CurvePlot.Create([new("a", [1], [double.NaN])], "x", "y")).ParamName);
        Assert.Equal("yLimits", Assert.Throws<ArgumentException>(() => CurvePlot.Create(curves, "x", "y", yLimits: (1, 1))).ParamName);
    }

    [Fact]
    public void A_curve_from_a_history_takes_the_refinement_records_with_a_value()
    {
        var curve = Curve.FromHistory("ACC", SampleFigures.History(), r => r.Accuracy);
        Assert.Equal([0, 10, 20, 30, 40], curve.X);
        Assert.Equal(0.6, curve.Y[0]);
        Assert.Equal(0.8, curve.Y[^1], 12);
        var loss = Curve.FromHistory("loss", SampleFigures.History(), r => r.Loss, Training.TrainingPhase.Pretraining);
        Assert.Equal([1, 2, 3, 4, 5], loss.X);
        Assert.Equal("history", Assert.Throws<ArgumentException>(() => Curve.FromHistory("NMI", SampleFigures.History()[..5], r => r.NormalizedMutualInformation)).ParamName);
    }

    [Fact]
    public void The_history_names_each_monitored_score_and_refuses_an_empty_history()
    {
        var svg = SvgOfSize(TrainingHistoryPlot.Create(SampleFigures.History(), Small).ToBytes(FigureFormat.Svg), 640, 480);
        var texts = Texts(svg).ToArray();
        foreach (var label in new[] { "Pretraining", "Refinement", "ACC", "NMI", "ARI", "labels changed", "epoch", "iteration" })
        {
            Assert.Contains(label, texts);
        }

        Assert.Equal("history", Assert.Throws<ArgumentException>(() => TrainingHistoryPlot.Create([])).ParamName);
    }

    [Fact]
    public void The_sweep_marks_the_best_k_of_each_score()
    {
        var sweep = SampleFigures.Sweep();
        var texts = Texts(SvgOfSize(ClusterCountSweepPlot.Create(sweep, Small).ToBytes(FigureFormat.Svg), 640, 480)).ToArray();
        Assert.Contains($"Silhouette: higher is better; best k = {sweep.BestBySilhouette}", texts);
        Assert.Contains($"Davies-Bouldin: lower is better; best k = {sweep.BestByDaviesBouldin}", texts);
    }

    [Fact]
    public void Options_out_of_range_are_refused_by_name()
    {
        var (points, clusters, _) = SampleFigures.Blobs(3);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EmbeddingScatter.Create(points, clusters, options: new FigureOptions { Width = 10 }));
        Assert.Equal("Width", error.ParamName);
    }
}
