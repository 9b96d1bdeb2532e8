using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Metrics;
using DeepClustering.Numerics.Randomness;
using DeepClustering;

namespace DeepClustering.Tests.Clustering;

public sealed class ClusterCountSweepTests
{
    /// <summary>Four well-separated groups of 30 points on a line, shuffled.</summary>
    private static DataMatrix FourGroups()
    {
        var random = new RandomGenerator(4);
        var values = new List<float>();
        for (int g = 0; g < 4; g++)
        {
            for (int i = 0; i < 30; i++)
            {
                values.Add((float)(100 * g + random.NextDouble()));
            }
        }

        var order = random.Permutation(values.Count);
        return new DataMatrix(order.Select(i => values[i]).ToArray(), values.Count, 1);
    }

    [Fact]
    public void Finds_the_number_of_groups_by_every_score()
    {
        var data = FourGroups();
        var result = ClusterCountSweep.Run(data, k => new RankClusterer(k), new ClusterCountSweepOptions { MinClusters = 2, MaxClusters = 7, Threads = 1 });
        Assert.Equal([2, 3, 4, 5, 6, 7], result.Scores.Select(s => s.ClusterCount));
        Assert.Equal(4, result.BestBySilhouette);
        Assert.Equal(4, result.BestByCalinskiHarabasz);
        Assert.Equal(4, result.BestByDaviesBouldin);
        Assert.Null(result.BestByBic);
        Assert.Null(result.BestByAic);
        var four = result.Scores.Single(s => s.ClusterCount == 4);
        Assert.Equal(4, four.LabelsFound);
        Assert.Null(four.Bic);
        // The sweep's scores are the metrics' own.
        Assert.Equal(Silhouette.Compute(data, four.Model.Labels), four.Silhouette);
        Assert.Equal(CalinskiHarabasz.Compute(data, four.Model.Labels), four.CalinskiHarabasz);
        Assert.Equal(DaviesBouldin.Compute(data, four.Model.Labels), four.DaviesBouldin);
    }

    [Fact]
    public void Reports_information_criteria_when_models_have_them()
    {
        var result = ClusterCountSweep.Run(FourGroups(), k => new RankClusterer(k, withCriteria: true),
            new ClusterCountSweepOptions { MinClusters = 2, MaxClusters = 5 });
        Assert.Equal(3, result.BestByBic);
        Assert.Equal(5, result.BestByAic);
        Assert.Equal(Math.Abs(2 - 3.0), result.Scores[0].Bic);
        Assert.Equal(-2.0, result.Scores[0].Aic);
    }

    [Fact]
    public void A_model_with_one_label_gets_no_scores_and_is_never_best()
    {
        var result = ClusterCountSweep.Run(FourGroups(), k => k == 3 ? new RankClusterer(1) : new RankClusterer(k),
            new ClusterCountSweepOptions { MinClusters = 2, MaxClusters = 4 });
        var three = result.Scores.Single(s => s.ClusterCount == 3);
        Assert.Equal(1, three.LabelsFound);
        Assert.True(double.IsNaN(three.Silhouette) && double.IsNaN(three.CalinskiHarabasz) && double.IsNaN(three.DaviesBouldin));
        Assert.Equal(4, result.BestBySilhouette);
    }

    [Fact]
    public void Reports_progress_and_honours_cancellation()
    {
        var seen = new List<int>();
        ClusterCountSweep.Run(FourGroups(), k => new RankClusterer(k), new ClusterCountSweepOptions { MaxClusters = 4 },
            new SynchronousProgress<ClusterCountScore>(s => seen.Add(s.ClusterCount)));
        Assert.Equal([2, 3, 4], seen);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ClusterCountSweep.Run(FourGroups(), k => new RankClusterer(k), cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Bad_options_and_factories_are_refused_naming_them()
    {
        var data = FourGroups();
        Assert.Equal("MinClusters", Assert.Throws<ArgumentOutOfRangeException>(() =>
            ClusterCountSweep.Run(data, k => new RankClusterer(k), new ClusterCountSweepOptions { MinClusters = 1 })).ParamName);
        Assert.Equal("MaxClusters", Assert.Throws<ArgumentOutOfRangeException>(() =>
            ClusterCountSweep.Run(data, k => new RankClusterer(k), new ClusterCountSweepOptions { MinClusters = 5, MaxClusters = 4 })).ParamName);
        Assert.Equal("SilhouetteSampleSize", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ClusterCountSweepOptions { SilhouetteSampleSize = -1 }.Validate()).ParamName);
        Assert.Equal("Threads", Assert.Throws<ArgumentOutOfRangeException>(() => new ClusterCountSweepOptions { Threads = -1 }.Validate()).ParamName);
        var tooMany = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ClusterCountSweep.Run(data, k => new RankClusterer(k), new ClusterCountSweepOptions { MaxClusters = 120 }));
        Assert.Contains("MaxClusters", tooMany.Message);
        Assert.Contains("120 rows", tooMany.Message);
        Assert.Throws<InvalidOperationException>(() => ClusterCountSweep.Run(data, _ => null!));
        Assert.Throws<InvalidOperationException>(() => ClusterCountSweep.Run(data, k => new RankClusterer(k, wrongLength: true)));
    }

    /// <summary>A deterministic stand-in for a clusterer: splits the rows, ranked by their first value, into k equal runs.</summary>
    private sealed class RankClusterer(int k, bool withCriteria = false, bool wrongLength = false) : IClusterer
    {
        public string Name => "rank";

        public IClusteringModel Fit(DataMatrix data, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var order = Enumerable.Range(0, data.Rows).OrderBy(i => data.Row(i)[0]).ToArray();
            var labels = new int[data.Rows];
            for (int r = 0; r < labels.Length; r++)
            {
                labels[order[r]] = (int)((long)r * k / data.Rows);
            }

            if (wrongLength)
            {
                labels = labels[1..];
            }

            return withCriteria ? new ModelWithCriteria(k, labels) : new Model(k, labels);
        }
    }

    private class Model(int k, int[] labels) : IClusteringModel
    {
        public int ClusterCount => k;

        public IReadOnlyList<int> Labels => labels;

        public int[] Predict(DataMatrix data) => throw new NotSupportedException();
    }

    /// <summary>BIC = |k − 3| (best at 3), AIC = −k (best at the largest k).</summary>
    private sealed class ModelWithCriteria(int k, int[] labels) : Model(k, labels), IHasInformationCriteria
    {
        public double Bic => Math.Abs(ClusterCount - 3.0);

        public double Aic => -ClusterCount;
    }
}
