using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Networks;
using DeepClustering.Pipeline;
using DeepClustering.Training;

namespace DeepClustering.Tests.Deep.Pipeline;

public sealed class AnomalyScoresTests
{
    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.5, 2.5)]      // numpy.quantile([1, 2, 3, 4], 0.5)
    [InlineData(new[] { 4.0, 1, 3, 2 }, 0.9, 3.7)]      // numpy.quantile([1, 2, 3, 4], 0.9): h = 2.7 → 3 + 0.7·1
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.0, 1.0)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 1.0, 4.0)]
    [InlineData(new[] { 5.0 }, 0.3, 5.0)]
    public void The_quantile_interpolates_linearly_as_numpy(double[] values, double q, double expected) =>
        Assert.Equal(expected, Quantile.Linear(values, q, "q"), 12);

    [Fact]
    public void A_quantile_outside_zero_to_one_is_refused_by_name()
    {
        Assert.Equal("q", Assert.Throws<ArgumentOutOfRangeException>(() => Quantile.Linear([1.0], 1.5, "q")).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentOutOfRangeException>(() => Quantile.Linear([1.0], double.NaN, "q")).ParamName);
    }

    [Fact]
    public void Scores_are_the_distance_to_the_nearest_centre_and_the_largest_soft_assignment()
    {
        var (data, _) = SeparatedBlobs.Create(seed: 3);
        using var model = Fit(data);

        var scores = model.ScoreAnomalies(data);
        var z = model.Transform(data);
        var centres = model.Centers;
        var q = model.PredictProba(data);

        Assert.Equal(model.Predict(data), scores.Labels);
        for (int i = 0; i < data.Rows; i++)
        {
            int c = scores.Labels[i];
            double squared = 0;
            for (int j = 0; j < z.Columns; j++)
            {
                squared += Math.Pow(z.Row(i)[j] - centres.Row(c)[j], 2);
            }

            Assert.Equal(Math.Sqrt(squared), scores.Distances[i], 5);
            Assert.Equal(Enumerable.Range(0, model.ClusterCount).Max(k => q[i, k]), scores.Confidences[i], 6);
        }
    }

    [Fact]
    public void A_point_far_from_every_cluster_is_the_most_anomalous_and_is_flagged()
    {
        var (data, _) = SeparatedBlobs.Create(seed: 4);
        using var model = Fit(data);
        var training = model.ScoreAnomalies(data);
        double[] limits = training.ClusterThresholds(0.99);

        // The blobs' rows plus one row far outside them.
        var values = data.Values.Concat(Enumerable.Repeat(60f, data.Columns)).ToArray();
        var withOutlier = new DataMatrix(values, data.Rows + 1, data.Columns);
        var scores = model.ScoreAnomalies(withOutlier);

        Assert.Equal([data.Rows], scores.MostAnomalous(1));
        bool[] flagged = scores.Flag(limits);
        Assert.True(flagged[data.Rows]);
        // With each cluster's 99th percentile, about 1% of the training rows lie beyond their own limit.
        Assert.InRange(training.Flag(limits).Count(f => f), 0, model.ClusterCount * 2);
        Assert.InRange(training.Flag(training.Threshold(0.5)).Count(f => f), data.Rows / 2 - 1, data.Rows / 2);
        Assert.Throws<ArgumentException>(() => scores.Flag([1.0]));
    }

    private static DeepClusteringModel Fit(DataMatrix data) => new DeepClusteringBuilder()
        .WithEncoder(new AutoencoderArchitecture(AutoencoderKind.Dense, [12], 3, [24], HiddenActivation.ReLU))
        .WithPretraining(new AutoencoderTrainingOptions { Epochs = 5, BatchSize = 32, LearningRate = 3e-3f })
        .WithClusterer(new KMeans(new KMeansOptions { ClusterCount = 4, InitializationCount = 5, Threads = 1 }))
        .OnDevice(ComputeDevice.Cpu, threads: 1)
        .WithSeed(1)
        .Fit(data);
}
