using DeepClustering.Metrics;

namespace DeepClustering.Tests.Metrics;

/// <summary>Calinski-Harabasz and Davies-Bouldin on cases worked out by hand, their equations, and their refusals.</summary>
public sealed class InternalScoreTests
{
    [Fact]
    public void Calinski_harabasz_worked_out_by_hand()
    {
        // 0, 2 | 10, 12: mean 6, centroids 1 and 11; B = 2·25 + 2·25 = 100, W = 4 × 1 = 4; CH = 100·(4 − 2) / (4·1) = 50.
        Assert.Equal(50.0, CalinskiHarabasz.Compute(SilhouetteTests.Column(0, 2, 10, 12), [0, 0, 1, 1]), 12);
        Assert.Equal(50.0, CalinskiHarabasz.FromDispersions(100, 4, 4, 2));
    }

    [Fact]
    public void Calinski_harabasz_is_one_without_within_cluster_spread()
    {
        Assert.Equal(1.0, CalinskiHarabasz.Compute(SilhouetteTests.Column(0, 0, 5, 5), [0, 0, 1, 1]));
        Assert.Equal(1.0, CalinskiHarabasz.FromDispersions(7, 0, 10, 3));
    }

    [Fact]
    public void Davies_bouldin_worked_out_by_hand()
    {
        // 0, 2 | 10, 12: spreads 1 and 1, centroids 10 apart: R = 2/10 for both clusters.
        Assert.Equal(0.2, DaviesBouldin.Compute(SilhouetteTests.Column(0, 2, 10, 12), [0, 0, 1, 1]), 15);
        // Three clusters 0,2 | 10,12 | 20,24: spreads 1, 1, 2; centroid distances 10, 21, 11.
        double expected = (Math.Max(2.0 / 10, 3.0 / 21) + Math.Max(2.0 / 10, 3.0 / 11) + Math.Max(3.0 / 21, 3.0 / 11)) / 3;
        Assert.Equal(expected, DaviesBouldin.Compute(SilhouetteTests.Column(0, 2, 10, 12, 20, 24), [0, 0, 1, 1, 2, 2]), 15);
    }

    [Fact]
    public void Davies_bouldin_edge_cases_follow_scikit_learn()
    {
        Assert.Equal(0.5, DaviesBouldin.Ratio(2, 3, 10));
        Assert.Equal(0.0, DaviesBouldin.Ratio(2, 3, 0));
        // No spread in any cluster: 0.
        Assert.Equal(0.0, DaviesBouldin.Compute(SilhouetteTests.Column(1, 1, 4, 4, 9), [0, 0, 1, 1, 2]));
        // Coincident centroids count as 0; the third cluster still scores.
        double score = DaviesBouldin.Compute(SilhouetteTests.Column(0, 2, 1, 1, 10, 12), [0, 0, 1, 1, 2, 2]);
        Assert.Equal((Math.Max(0.0, 2.0 / 10) + Math.Max(0.0, 1.0 / 10) + Math.Max(2.0 / 10, 1.0 / 10)) / 3, score, 15);
    }

    [Fact]
    public void One_cluster_and_mismatched_lengths_are_refused()
    {
        var data = SilhouetteTests.Column(0, 1, 2);
        Assert.StartsWith("Number of labels is 1. Valid values are 2 to n_samples - 1",
            Assert.Throws<ArgumentException>(() => CalinskiHarabasz.Compute(data, [1, 1, 1])).Message);
        Assert.StartsWith("Number of labels is 1. Valid values are 2 to n_samples - 1",
            Assert.Throws<ArgumentException>(() => DaviesBouldin.Compute(data, [1, 1, 1])).Message);
        var ex = Assert.Throws<ArgumentException>(() => DaviesBouldin.Compute(data, [0, 1]));
        Assert.Equal("labels", ex.ParamName);
        Assert.Contains("3 rows", ex.Message);
        Assert.Contains("2 labels", ex.Message);
    }
}
