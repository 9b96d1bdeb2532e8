using System.Globalization;
using System.Text.Json.Nodes;

namespace DeepClustering.Cli.Tests;

public sealed class ClusterCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("kmeans", "inertia")]
    [InlineData("spherical-kmeans", "objective")]
    [InlineData("gmm", "bic")]
    [InlineData("agglomerative", "clusters")]
    [InlineData("pca-kmeans", "pca_components")]
    public void Cluster_writes_labels_and_results_and_scores_three_separated_blobs(string method, string ownKey)
    {
        var (data, truth) = WriteBlobs();
        string output = _folder.File("out-" + method);

        int exit = CommandLine.Run("cluster", "--method", method, "--data", "csv:" + data, "--labels", truth,
            "--clusters", "3", "--seed", "1", "--components", "2", "--threads", "1", "--out", output);

        Assert.Equal(0, exit);
        var labels = File.ReadAllLines(Path.Combine(output, "labels.txt")).Where(l => l.Length > 0).ToArray();
        Assert.Equal(90, labels.Length);
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "results.json")))!.AsObject();
        Assert.Equal(method, (string?)results["method"]);
        Assert.Equal(3, (int)results["clusters"]!);
        Assert.True((double)results["seconds"]! >= 0);
        Assert.True(results.ContainsKey(ownKey), $"results.json lacks {ownKey}");
        Assert.Equal(1.0, (double)results["acc"]!, 12);
        Assert.Equal(1.0, (double)results["nmi"]!, 12);
        Assert.Equal(1.0, (double)results["ari"]!, 12);
    }

    [Fact]
    public void Dbscan_reports_noise_and_needs_no_cluster_count()
    {
        var (data, truth) = WriteBlobs();
        string output = _folder.File("out-dbscan");

        int exit = CommandLine.Run("cluster", "--method", "dbscan", "--data", "csv:" + data, "--labels", truth,
            "--eps", "3", "--min-points", "4", "--out", output);

        Assert.Equal(0, exit);
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "results.json")))!.AsObject();
        Assert.Equal(3, (int)results["clusters"]!);
        Assert.Equal(0, (int)results["noise"]!);
    }

    [Fact]
    public void Bad_data_fails_with_exit_code_1_and_writes_nothing()
    {
        string data = _folder.File("bad.csv");
        File.WriteAllText(data, "1,2\n3,oops\n");
        string output = _folder.File("out-bad");

        int exit = CommandLine.Run("cluster", "--method", "kmeans", "--data", "csv:" + data, "--clusters", "2", "--out", output);

        Assert.Equal(1, exit);
        Assert.False(File.Exists(Path.Combine(output, "results.json")));
    }

    [Fact]
    public void Shipped_mnist_test_split_clusters_with_its_own_labels()
    {
        string output = _folder.File("out-mnist");

        int exit = CommandLine.Run("cluster", "--method", "kmeans", "--data", "mnist-test", "--limit", "500",
            "--clusters", "10", "--threads", "1", "--out", output);

        Assert.Equal(0, exit);
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "results.json")))!.AsObject();
        Assert.Equal(500, (int)results["rows"]!);
        Assert.Equal(784, (int)results["columns"]!);
        // k-means on raw MNIST pixels lands near 0.5 ACC; on 500 images the spread is wide, so only well above chance is asserted.
        Assert.InRange((double)results["acc"]!, 0.3, 1.0);
    }

    /// <summary>Three blobs of 30 rows, 40 apart in 4 dimensions, with labels 0, 1, 2.</summary>
    private (string Data, string Labels) WriteBlobs()
    {
        var random = new Random(7);
        var lines = new List<string>();
        var labels = new List<string>();
        for (int i = 0; i < 90; i++)
        {
            int label = i % 3;
            var row = Enumerable.Range(0, 4).Select(j => (j == label ? 40.0 : 0.0) + random.NextDouble());
            lines.Add(string.Join(",", row.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
            labels.Add(label.ToString(CultureInfo.InvariantCulture));
        }

        string data = _folder.File("blobs.csv");
        string truth = _folder.File("blobs-labels.txt");
        File.WriteAllLines(data, lines);
        File.WriteAllLines(truth, labels);
        return (data, truth);
    }
}
