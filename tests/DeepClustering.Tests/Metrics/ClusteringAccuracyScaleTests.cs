using DeepClustering.Metrics;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Metrics;

/// <summary>ACC with many predicted labels (DBSCAN's noise, over-clustering, a user's mistake): memory in k_true · k_pred.</summary>
public sealed class ClusteringAccuracyScaleTests
{
    [Fact]
    public void Ten_classes_against_fifty_thousand_distinct_labels_need_little_memory()
    {
        const int samples = 50_000;
        var truth = Enumerable.Range(0, samples).Select(i => i % 10).ToArray();
        var predicted = Enumerable.Range(0, samples).ToArray();          // every sample its own cluster
        predicted[0] = predicted[10];                                     // one cluster of two samples of class 0

        long before = GC.GetAllocatedBytesForCurrentThread();
        double acc = ClusteringAccuracy.Compute(truth, predicted);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Ten classes, each matched to one cluster: nine singletons and the pair.
        Assert.Equal(11.0 / samples, acc, 12);
        Assert.True(allocated < 64L << 20, $"allocated {allocated:N0} bytes");   // a padded square matrix would be 20 GB
    }

    [Fact]
    public void Many_classes_against_few_clusters_match_as_the_transpose()
    {
        var random = new RandomGenerator(3);
        var truth = Enumerable.Range(0, 3_000).Select(_ => random.NextInt(1_000)).ToArray();
        var predicted = truth.Select(t => t % 7).ToArray();

        double forward = ClusteringAccuracy.Compute(truth, predicted);
        double backward = ClusteringAccuracy.Compute(predicted, truth);
        var matching = ClusteringAccuracy.MatchClusters(truth, predicted);

        Assert.Equal(forward, backward, 15);
        Assert.Equal(7, matching.Count);
        Assert.Equal(7, matching.Values.Distinct().Count());
        // Each cluster takes its largest class: the best one-to-one matching here, as the classes nest in the clusters.
        long largest = Enumerable.Range(0, 7).Sum(c => truth.Where(t => t % 7 == c).GroupBy(t => t).Max(g => g.Count()));
        Assert.Equal((double)largest / truth.Length, forward, 15);
    }
}
