using DeepClustering.Data;
using DeepClustering.Methods;
using DeepClustering.Networks;

namespace DeepClustering.Plotting.Tests;

public class ClusterExamplesTests
{
    [Fact]
    public void Nearest_to_centers_assigns_each_point_to_its_nearest_centre_and_sorts_by_distance()
    {
        var points = DataMatrix.FromRows(new[] { new[] { 0f, 0f }, new[] { 9f, 9f }, new[] { 0.5f, 0f }, new[] { 10f, 10f }, new[] { 0.1f, 0f } });
        var centers = DataMatrix.FromRows(new[] { new[] { 0f, 0f }, new[] { 10f, 10f }, new[] { -50f, 50f } });
        var rows = ClusterExamples.NearestToCenters(points, centers, perCluster: 2);
        Assert.Equal(3, rows.Count);
        Assert.Equal(new ClusterSamples(0, 3, [0, 4]), rows[0] with { Indices = rows[0].Indices.ToArray() }, new SamplesComparer());
        Assert.Equal([3, 1], rows[1].Indices);
        Assert.Equal((2, 0), (rows[2].Cluster, rows[2].Size));
        Assert.Empty(rows[2].Indices);
    }

    [Fact]
    public void Nearest_to_means_leaves_noise_out()
    {
        var data = DataMatrix.FromRows(new[] { new[] { 0f }, new[] { 1f }, new[] { 2f }, new[] { 100f }, new[] { 7f } });
        var rows = ClusterExamples.NearestToMeans(data, [4, 4, 4, -1, 8], 3);
        Assert.Equal([4, 8], rows.Select(r => r.Cluster));
        Assert.Equal([1, 0, 2], rows[0].Indices);
        Assert.Equal([4], rows[1].Indices);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => ClusterExamples.NearestToMeans(data, [1, 2], 3)).ParamName);
    }

    [Fact]
    public void Most_confident_takes_the_highest_probabilities_first()
    {
        var p = new double[,] { { 0.9, 0.1 }, { 0.2, 0.8 }, { 0.6, 0.4 }, { 0.95, 0.05 } };
        var rows = ClusterExamples.MostConfident(p, perCluster: 2);
        Assert.Equal([3, 0], rows[0].Indices);
        Assert.Equal(3, rows[0].Size);
        Assert.Equal([1], rows[1].Indices);
        Assert.Throws<ArgumentOutOfRangeException>(() => ClusterExamples.MostConfident(p, 0));
    }

    [Fact]
    public void Most_anomalous_takes_each_clusters_farthest_points_first()
    {
        var (points, _, _) = SampleFigures.Blobs(10, dimensions: 4);
        using var model = new AutoencoderKMeans(new AutoencoderKMeansOptions
        {
            ClusterCount = 3, Autoencoder = AutoencoderKind.Dense, HiddenWidths = [8], EmbeddingDimension = 2, PretrainingEpochs = 1, Seed = 3, Threads = 1,
        }).Fit(points);
        var scores = model.ScoreAnomalies(points);
        var rows = ClusterExamples.MostAnomalous(scores, perCluster: 4);
        Assert.Equal([0, 1, 2], rows.Select(r => r.Cluster));
        foreach (var row in rows)
        {
            var members = Enumerable.Range(0, points.Rows).Where(i => scores.Labels[i] == row.Cluster).ToArray();
            Assert.Equal(members.Length, row.Size);
            var expected = members.OrderByDescending(i => scores.Distances[i]).ThenBy(i => i).Take(4).ToArray();
            Assert.Equal(expected, row.Indices);
        }

        Assert.Equal(scores.MostAnomalous(1)[0], rows.SelectMany(r => r.Indices.Take(1)).MaxBy(i => scores.Distances[i]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClusterExamples.MostAnomalous(scores, 0));
    }

    private sealed class SamplesComparer : IEqualityComparer<ClusterSamples>
    {
        public bool Equals(ClusterSamples? x, ClusterSamples? y) =>
            x is not null && y is not null && x.Cluster == y.Cluster && x.Size == y.Size && x.Indices.SequenceEqual(y.Indices);

        public int GetHashCode(ClusterSamples obj) => obj.Cluster;
    }
}
