using System.Buffers.Binary;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace DeepClustering.Cli.Tests;

/// <summary><c>cluster --plots</c> and <c>plot</c>: which figures are drawn from what, and the refusals.</summary>
public sealed class PlotCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal("IHDR"u8.ToArray(), bytes[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    private static string[] Figures(string folder) =>
        Directory.GetFiles(folder).Select(Path.GetFileName).Where(f => f!.EndsWith(".png", StringComparison.Ordinal) || f.EndsWith(".svg", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void Cluster_with_plots_draws_the_scatter_and_the_heatmap_of_csv_data()
    {
        var (data, truth) = BlobFiles.Write(_folder);
        string output = _folder.File("out");
        string plots = _folder.File("plots");
        Assert.Equal(0, CommandLine.Run("cluster", "--method", "kmeans", "--data", "csv:" + data, "--labels", truth, "--clusters", "3",
            "--threads", "1", "--out", output, "--plots", plots));

        Assert.Equal(["contingency.png", "embedding.png"], Figures(plots));
        Assert.Equal((1000, 750), PngSize(Path.Combine(plots, "embedding.png")));
        var map = File.ReadAllLines(Path.Combine(plots, "embedding-2d.csv")).Where(l => l.Length > 0).ToArray();
        Assert.Equal(120, map.Length);
        Assert.All(map, line => Assert.Equal(2, line.Split(',').Length));
    }

    [Fact]
    public void Cluster_with_plots_draws_the_history_and_the_image_grid_of_a_deep_method_on_images()
    {
        string output = _folder.File("out");
        Assert.Equal(0, CommandLine.Run("cluster", "--method", "ae-kmeans", "--encoder", "dense", "--data", "mnist-test", "--limit", "200",
            "--clusters", "4", "--embedding-dimension", "3", "--pretrain-epochs", "2", "--batch-size", "50", "--threads", "1",
            "--out", output, "--plots", output, "--plot-format", "svg"));

        Assert.Equal(["clusters.svg", "contingency.svg", "embedding.svg", "history.svg"], Figures(output));
        var grid = XDocument.Load(Path.Combine(output, "clusters.svg"));
        XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.Equal(4 * 12, grid.Descendants(svg + "image").Count());
        var scatter = XDocument.Load(Path.Combine(output, "embedding.svg"));
        // 200 points are few enough to shape them by their true class as well.
        Assert.Contains(scatter.Descendants(svg + "text"), t => t.Value.Trim() == "class 9");
    }

    [Fact]
    public void Plot_redraws_from_the_results_folder_and_says_what_it_skipped()
    {
        var (data, truth) = BlobFiles.Write(_folder);
        string output = _folder.File("out");
        Assert.Equal(0, CommandLine.Run("cluster", "--method", "kmeans", "--data", "csv:" + data, "--clusters", "3", "--threads", "1", "--out", output));

        // Without the data or a kept map there is nothing to draw.
        Assert.Equal(1, CommandLine.Run(out string errors, "plot", "--results", output));
        Assert.StartsWith("plot: Nothing to draw:", errors, StringComparison.Ordinal);
        Assert.Single(errors.Trim().Split('\n'));

        string figures = _folder.File("figures");
        Assert.Equal(0, CommandLine.Run("plot", "--results", output, "--data", "csv:" + data, "--labels", truth, "--out", figures));
        Assert.Equal(["contingency.png", "embedding.png"], Figures(figures));

        Assert.Equal(1, CommandLine.Run(out errors, "plot", "--results", output, "--data", "csv:" + data, "--kind", "history", "--out", figures));
        Assert.Contains("history needs the history in results.json", errors, StringComparison.Ordinal);
        Assert.Equal(1, CommandLine.Run(out errors, "plot", "--results", output, "--data", "csv:" + data, "--kind", "clusters", "--out", figures));
        Assert.Contains("clusters needs image --data", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_draws_the_history_and_the_grid_from_a_saved_model()
    {
        string output = _folder.File("out");
        string model = _folder.File("model.dclm");
        Assert.Equal(0, CommandLine.Run("cluster", "--method", "dec", "--encoder", "dense", "--data", "mnist-test", "--limit", "150",
            "--clusters", "3", "--embedding-dimension", "3", "--pretrain-epochs", "2", "--batch-size", "50", "--max-iterations", "20",
            "--threads", "1", "--out", output, "--save-model", model));
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "results.json")))!.AsObject();
        Assert.NotEmpty(results["history"]!.AsArray());

        string figures = _folder.File("figures");
        Assert.Equal(0, CommandLine.Run("plot", "--results", output, "--data", "mnist-test", "--model", model, "--out", figures, "--threads", "1"));
        Assert.Equal(["clusters.png", "contingency.png", "embedding.png", "history.png"], Figures(figures));
        Assert.Equal((1000, 600), PngSize(Path.Combine(figures, "history.png")));
    }

    [Fact]
    public void Plot_refuses_data_with_fewer_rows_than_the_labels_and_a_model_without_data()
    {
        var (data, _) = BlobFiles.Write(_folder);
        string output = _folder.File("out");
        Assert.Equal(0, CommandLine.Run("cluster", "--method", "kmeans", "--data", "mnist-test", "--limit", "300", "--clusters", "3", "--threads", "1", "--out", output));

        Assert.Equal(1, CommandLine.Run(out string errors, "plot", "--results", output, "--data", "csv:" + data));
        Assert.Contains("it is not the data that was clustered", errors, StringComparison.Ordinal);
        Assert.Equal(1, CommandLine.Run(out errors, "plot", "--results", output, "--model", _folder.File("none.dclm")));
        Assert.Contains("--model needs --data", errors, StringComparison.Ordinal);
        Assert.Equal(2, CommandLine.Run(out errors, "plot", "--results", output, "--kind", "histroy"));
        Assert.Contains("history", errors, StringComparison.Ordinal);
    }
}
