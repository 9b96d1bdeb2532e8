using DeepClustering.Clustering;
using DeepClustering.Clustering.Hierarchical;
using DeepClustering.Data;

namespace DeepClustering.Tests.Clustering.Hierarchical;

/// <summary>Agglomerative clustering on hand-made data, its prediction rule, the dendrogram's cuts and refused input.</summary>
public sealed class AgglomerativeClusteringTests
{
    // 0, 1, 3 | 10, 11 | 30 on a line.
    private static readonly DataMatrix s_line = DataMatrix.FromRows(new[] { 0f, 1f, 3f, 10f, 11f, 30f }.Select(v => new[] { v }).ToArray());

    [Fact]
    public void Single_linkage_on_a_line_merges_by_gaps()
    {
        var model = new AgglomerativeClustering(new AgglomerativeClusteringOptions { Linkage = Linkage.Single, ClusterCount = 3 }).Fit(s_line);
        var merges = model.Dendrogram.Merges;

        // Gaps: 1 (0–1), 1 (10–11), 2 (1–3), 7 (3–10), 19 (11–30).
        Assert.Equal([1.0, 1.0, 2.0, 7.0, 19.0], merges.Select(m => m.Distance));
        Assert.Equal([2, 2, 3, 5, 6], merges.Select(m => m.Size));
        Assert.Equal(3, model.ClusterCount);
        Assert.Equal(model.Labels[0], model.Labels[2]);
        Assert.Equal(model.Labels[3], model.Labels[4]);
        Assert.Equal(3, model.Labels.Distinct().Count());
    }

    [Fact]
    public void Complete_and_average_linkage_distances_are_worked_out_by_hand()
    {
        var complete = AgglomerativeClustering.BuildDendrogram(s_line, Linkage.Complete, 1, CancellationToken.None);
        var average = AgglomerativeClustering.BuildDendrogram(s_line, Linkage.Average, 1, CancellationToken.None);

        // Complete: {0,1} 1, {10,11} 1, {0,1,3} 3, {0,1,3,10,11} 11, all 30.
        Assert.Equal([1.0, 1.0, 3.0, 11.0, 30.0], complete.Merges.Select(m => m.Distance));
        // Average: {0,1} 1, {10,11} 1, {0,1}+{3} (3+2)/2 = 2.5, then (10+11+9+10+7+8)/6 = 55/6, then
        // (30+29+27+20+19)/5 = 25.
        Assert.Equal([1.0, 1.0, 2.5, 55.0 / 6, 25.0], average.Merges.Select(m => m.Distance), new ToleranceComparer(1e-6));
    }

    [Fact]
    public void Ward_distance_of_two_pairs_is_worked_out_by_hand()
    {
        // Pairs {0, 1} and {10, 11}: centres 0.5 and 10.5, so √(2·2·2/4)·10 = √2·10.
        var data = DataMatrix.FromRows([[0f], [1f], [10f], [11f]]);
        var dendrogram = AgglomerativeClustering.BuildDendrogram(data, Linkage.Ward, 1, CancellationToken.None);

        Assert.Equal([1.0, 1.0, Math.Sqrt(2) * 10], dendrogram.Merges.Select(m => m.Distance), new ToleranceComparer(1e-12));
        Assert.Equal(new DendrogramMerge(0, 1, 1.0, 2), dendrogram.Merges[0]);
        Assert.Equal(new DendrogramMerge(2, 3, 1.0, 2), dendrogram.Merges[1]);
        Assert.Equal(4, dendrogram.Merges[2].First);
        Assert.Equal(5, dendrogram.Merges[2].Second);
    }

    [Theory]
    [InlineData(Linkage.Ward)]
    [InlineData(Linkage.Complete)]
    [InlineData(Linkage.Average)]
    [InlineData(Linkage.Single)]
    public void Duplicate_rows_give_a_valid_tree(Linkage linkage)
    {
        // Three copies of (0, 0), two of (5, 5), one (5, 6): ties everywhere.
        var data = DataMatrix.FromRows([[0f, 0f], [5f, 5f], [0f, 0f], [5f, 6f], [0f, 0f], [5f, 5f]]);

        var model = new AgglomerativeClustering(new AgglomerativeClusteringOptions { Linkage = linkage, ClusterCount = 2 }).Fit(data);

        var merges = model.Dendrogram.Merges;
        Assert.Equal(6, merges[^1].Size);
        Assert.Equal([0.0, 0.0, 0.0], merges.Take(3).Select(m => m.Distance));
        Assert.True(merges.Zip(merges.Skip(1)).All(pair => pair.First.Distance <= pair.Second.Distance));
        Assert.Equal(model.Labels[0], model.Labels[2]);
        Assert.Equal(model.Labels[0], model.Labels[4]);
        Assert.Equal(model.Labels[1], model.Labels[3]);
        Assert.NotEqual(model.Labels[0], model.Labels[1]);
        Assert.Equal(model.Labels, model.Predict(data));
    }

    [Fact]
    public void Distance_threshold_undoes_the_merges_at_or_above_it()
    {
        var model = new AgglomerativeClustering(new AgglomerativeClusteringOptions { Linkage = Linkage.Single, DistanceThreshold = 7 }).Fit(s_line);

        // Merges at 7 and 19 are undone: {0,1,3}, {10,11}, {30}.
        Assert.Equal(3, model.ClusterCount);
        Assert.Equal(3, model.Dendrogram.ClusterCountAt(7));
        Assert.Equal(2, model.Dendrogram.ClusterCountAt(7.5));
        Assert.Equal(1, model.Dendrogram.ClusterCountAt(100));
        Assert.Equal(6, model.Dendrogram.ClusterCountAt(0));
    }

    [Fact]
    public void Cut_into_every_count_gives_that_many_clusters_and_nests()
    {
        var dendrogram = AgglomerativeClustering.BuildDendrogram(s_line, Linkage.Average, 1, CancellationToken.None);
        int[]? previous = null;
        for (int k = 1; k <= 6; k++)
        {
            int[] labels = dendrogram.Cut(k);
            Assert.Equal(Enumerable.Range(0, k), labels.Distinct().Order());
            if (previous is not null)
            {
                // Each cluster of the finer cut lies inside one cluster of the coarser cut.
                Assert.All(Enumerable.Range(0, k), c =>
                    Assert.Single(Enumerable.Range(0, 6).Where(i => labels[i] == c).Select(i => previous[i]).Distinct()));
            }

            previous = labels;
        }
    }

    [Fact]
    public void Predict_takes_the_label_of_the_nearest_training_row()
    {
        var model = new AgglomerativeClustering(new AgglomerativeClusteringOptions { Linkage = Linkage.Single, ClusterCount = 3 }).Fit(s_line);
        var labels = model.Labels;

        Assert.Equal([labels[0], labels[2], labels[3], labels[5], labels[4]],
            model.Predict(DataMatrix.FromRows([[-5f], [5f], [7f], [25f], [10.6f]])));
        // 2 is exactly between 1 and 3: the lower row, 1, wins (same label either way here).
        Assert.Equal([labels[1]], model.Predict(DataMatrix.FromRows([[2f]])));
        Assert.Equal(labels, model.Predict(s_line));
    }

    [Fact]
    public void Works_through_the_interfaces_with_default_options()
    {
        IClusterer clusterer = new AgglomerativeClustering();
        IClusteringModel model = clusterer.Fit(s_line);

        Assert.Equal("agglomerative", clusterer.Name);
        Assert.Equal(2, model.ClusterCount);
        Assert.Equal(Linkage.Ward, ((AgglomerativeClusteringModel)model).Linkage);
        // Ward splits off 30 last.
        Assert.Equal(1, model.Labels.Count(label => label == model.Labels[5]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void ClusterCount_below_one_is_refused(int k) =>
        Assert.Equal("ClusterCount", Assert.Throws<ArgumentOutOfRangeException>(
            () => new AgglomerativeClustering(new AgglomerativeClusteringOptions { ClusterCount = k })).ParamName);

    [Fact]
    public void ClusterCount_above_the_row_count_is_refused()
    {
        var clusterer = new AgglomerativeClustering(new AgglomerativeClusteringOptions { ClusterCount = 7 });

        Assert.Equal("ClusterCount", Assert.Throws<ArgumentOutOfRangeException>(() => clusterer.Fit(s_line)).ParamName);
    }

    [Fact]
    public void Both_stopping_rules_at_once_are_refused() =>
        Assert.Equal("DistanceThreshold", Assert.Throws<ArgumentException>(
            () => new AgglomerativeClustering(new AgglomerativeClusteringOptions { ClusterCount = 2, DistanceThreshold = 1 })).ParamName);

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void A_negative_distance_threshold_is_refused(double threshold) =>
        Assert.Equal("DistanceThreshold", Assert.Throws<ArgumentOutOfRangeException>(
            () => new AgglomerativeClustering(new AgglomerativeClusteringOptions { DistanceThreshold = threshold })).ParamName);

    [Fact]
    public void An_unknown_linkage_is_refused() =>
        Assert.Equal("Linkage", Assert.Throws<ArgumentOutOfRangeException>(
            () => new AgglomerativeClustering(new AgglomerativeClusteringOptions { Linkage = (Linkage)9 })).ParamName);

    [Fact]
    public void A_single_row_is_refused() =>
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => new AgglomerativeClustering().Fit(DataMatrix.FromRows([[1f, 2f]]))).ParamName);

    [Fact]
    public void Predict_with_the_wrong_column_count_is_refused()
    {
        var model = new AgglomerativeClustering().Fit(s_line);

        Assert.Equal("data", Assert.Throws<ArgumentException>(() => model.Predict(DataMatrix.FromRows([[1f, 2f]]))).ParamName);
    }

    [Fact]
    public void A_cut_outside_one_to_the_row_count_is_refused()
    {
        var dendrogram = new AgglomerativeClustering().Fit(s_line).Dendrogram;

        Assert.Equal("clusterCount", Assert.Throws<ArgumentOutOfRangeException>(() => dendrogram.Cut(0)).ParamName);
        Assert.Equal("clusterCount", Assert.Throws<ArgumentOutOfRangeException>(() => dendrogram.Cut(7)).ParamName);
    }

    [Theory]
    [InlineData(Linkage.Ward)]
    [InlineData(Linkage.Complete)]
    [InlineData(Linkage.Single)]
    public void Cancellation_stops_the_fit(Linkage linkage)
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        var clusterer = new AgglomerativeClustering(new AgglomerativeClusteringOptions { Linkage = linkage });

        Assert.ThrowsAny<OperationCanceledException>(() => clusterer.Fit(s_line, source.Token));
    }

    [Fact]
    public void Defaults_are_scikit_learns()
    {
        var options = new AgglomerativeClusteringOptions();

        Assert.Equal(Linkage.Ward, options.Linkage);
        Assert.Null(options.DistanceThreshold);
        Assert.Equal(2, AgglomerativeClusteringOptions.Defaults.ClusterCount);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(y));

        public int GetHashCode(double obj) => 0;
    }
}
