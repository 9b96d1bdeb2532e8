using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Methods;
using DeepClustering.Networks;
using DeepClustering.Pipeline;
using DeepClustering.Training;

namespace DeepClustering.Tests.Methods;

/// <summary>A k that the data cannot hold is refused before the pretraining, not after it.</summary>
public sealed class EarlyArgumentTests
{
    [Fact]
    public void The_builder_refuses_more_clusters_than_rows_before_any_training()
    {
        var data = CorrelatedData.Random(6, 12, seed: 1);
        var reports = new List<DeepClusteringProgress>();
        var builder = new DeepClusteringBuilder()
            .WithEncoder(new AutoencoderArchitecture(AutoencoderKind.Dense, [12], 3, [8], HiddenActivation.ReLU))
            .WithPretraining(new AutoencoderTrainingOptions { Epochs = 1000, BatchSize = 2 })
            .WithClusterer(new KMeans(new KMeansOptions { ClusterCount = 10 }))
            .WithProgress(new SynchronousProgress<DeepClusteringProgress>(reports.Add));

        var error = Assert.Throws<ArgumentException>(() => builder.Fit(data));

        Assert.Equal("data", error.ParamName);
        Assert.Contains("10 clusters", error.Message);
        Assert.Contains("6 rows", error.Message);
        Assert.Empty(reports);      // not one pretraining batch ran
    }

    [Fact]
    public void An_estimator_refuses_more_clusters_than_rows_before_any_training()
    {
        var data = CorrelatedData.Random(5, 12, seed: 2);
        var reports = new List<DeepClusteringProgress>();
        var dec = new Dec(new DecOptions { ClusterCount = 7, PretrainingEpochs = 1000, HiddenWidths = [8], Threads = 1 });

        Assert.Equal(7, dec.ClusterCount);
        var error = Assert.Throws<ArgumentException>(() => dec.Fit(data, new SynchronousProgress<DeepClusteringProgress>(reports.Add)));

        Assert.Contains("7 clusters", error.Message);
        Assert.Empty(reports);
    }
}
