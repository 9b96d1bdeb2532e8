using DeepClustering.Clustering;
using DeepClustering.Data;
using Microsoft.Extensions.Logging;

namespace DeepClustering.Tests.Clustering;

/// <summary>k-means on data that used to give silent wrong answers: coinciding centres and magnitudes near float's limit.</summary>
public sealed class KMeansEdgeCaseTests
{
    [Fact]
    public void More_clusters_than_distinct_points_warns_through_the_logger_and_the_model()
    {
        var rows = Enumerable.Range(0, 40).Select(i => new[] { (float)(i % 5), (float)(i % 5) * 2 }).ToArray();
        var logger = new RecordingLogger();

        var model = new KMeans(new KMeansOptions { ClusterCount = 8, Seed = 1, Logger = logger }).Fit(DataMatrix.FromRows(rows));

        Assert.Equal(5, model.DistinctCenterCount);
        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("5 distinct centres for 8 clusters", warning.Message);
    }

    [Fact]
    public void Distinct_points_give_distinct_centres_and_no_warning()
    {
        var logger = new RecordingLogger();
        var model = new KMeans(new KMeansOptions { ClusterCount = 3, Seed = 1, Logger = logger }).Fit(CorrelatedData.Random(90, 3, seed: 4));

        Assert.Equal(3, model.DistinctCenterCount);
        Assert.DoesNotContain(logger.Entries, e => e.Level == LogLevel.Warning);
    }

    [Theory]
    [InlineData(3e38f)]
    [InlineData(1e30f)]
    [InlineData(1e20f)]
    public void Values_near_the_float_limit_are_split_correctly_with_a_finite_inertia(float magnitude)
    {
        // Two groups at ±magnitude, spread by a thousandth of it, in 4 columns.
        var random = new Random(3);
        var rows = Enumerable.Range(0, 60).Select(i =>
            Enumerable.Range(0, 4).Select(_ => (i < 30 ? magnitude : -magnitude) * (float)(0.99 + 0.001 * random.NextDouble())).ToArray()).ToArray();
        var data = DataMatrix.FromRows(rows);

        var model = new KMeans(new KMeansOptions { ClusterCount = 2, Seed = 0 }).Fit(data);

        Assert.Single(model.Labels.Take(30).Distinct());
        Assert.Single(model.Labels.Skip(30).Distinct());
        Assert.NotEqual(model.Labels[0], model.Labels[59]);
        Assert.True(double.IsFinite(model.Inertia) && model.Inertia > 0, $"inertia {model.Inertia}");
        Assert.Equal(model.Labels, model.Predict(data));
        // Each centre is its group's mean, in the data's own units.
        int first = model.Labels[0];
        for (int c = 0; c < 4; c++)
        {
            double mean = rows.Take(30).Average(r => (double)r[c]);
            Assert.Equal(mean, model.Centers.Row(first)[c], Math.Abs(mean) * 1e-6);
        }

        // Inertia equals the sum of squared distances computed in double.
        double expected = rows.Select((r, i) => r.Select((v, c) => Math.Pow(v - (double)model.Centers.Row(model.Labels[i])[c], 2)).Sum()).Sum();
        Assert.Equal(expected, model.Inertia, expected * 1e-3);
    }
}
