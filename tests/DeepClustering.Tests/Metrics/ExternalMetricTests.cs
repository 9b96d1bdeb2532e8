using DeepClustering.Metrics;

namespace DeepClustering.Tests.Metrics;

/// <summary>The label-only scores on cases worked out by hand, their equations, and their refusals.</summary>
public sealed class ExternalMetricTests
{
    [Fact]
    public void Accuracy_is_one_for_a_renamed_perfect_clustering()
    {
        Assert.Equal(1.0, ClusteringAccuracy.Compute([0, 0, 1, 1, 2, 2], [1, 1, 0, 0, 2, 2]));
        Assert.Equal(1.0, ClusteringAccuracy.Compute([0, 0, 1, 1], [-1, -1, 5, 5]));
    }

    [Fact]
    public void Accuracy_counts_unmatched_clusters_as_wrong()
    {
        // One class split in two clusters: only one of them can be matched to the class.
        Assert.Equal(0.5, ClusteringAccuracy.Compute([0, 0, 0, 0], [0, 0, 1, 1]));
        // Two classes merged in one cluster: only one class is matched.
        Assert.Equal(0.5, ClusteringAccuracy.Compute([0, 0, 1, 1], [3, 3, 3, 3]));
        // 3 classes, 4 clusters: clusters 7 → 0 (3 samples), 8 → 1 (2), 9 → 2 (2); cluster 6 is left over.
        Assert.Equal(7.0 / 9, ClusteringAccuracy.Compute([0, 0, 0, 1, 1, 2, 2, 0, 1], [7, 7, 7, 8, 8, 9, 9, 6, 6]), 15);
    }

    [Fact]
    public void Match_clusters_gives_the_best_mapping()
    {
        var map = ClusteringAccuracy.MatchClusters([0, 0, 1, 1, 1, 2], [5, 5, -1, -1, 9, 9]);
        Assert.Equal(0, map[5]);
        Assert.Equal(1, map[-1]);
        Assert.Equal(2, map[9]);
        Assert.Equal(1.0, ClusteringAccuracy.FromMatchedCount(6, 6));
    }

    [Fact]
    public void Mutual_information_and_nmi_of_simple_cases()
    {
        Assert.Equal(Math.Log(2), MutualInformation.Compute([0, 0, 1, 1], [1, 1, 0, 0]), 15);
        Assert.Equal(0.0, MutualInformation.Compute([0, 0, 1, 1], [0, 1, 0, 1]));
        Assert.Equal(1.0, NormalizedMutualInformation.Compute([0, 0, 1, 1], [1, 1, 0, 0]), 15);
        Assert.Equal(0.0, NormalizedMutualInformation.Compute([0, 0, 1, 1], [0, 1, 0, 1]));
        // Both labellings with one label: a perfect match; one of them alone: nothing shared.
        Assert.Equal(1.0, NormalizedMutualInformation.Compute([4, 4, 4], [0, 0, 0]));
        Assert.Equal(0.0, NormalizedMutualInformation.Compute([0, 1, 2], [0, 0, 0]));
    }

    [Fact]
    public void Nmi_averages_differ_as_their_means_do()
    {
        // H(U) = ln 2 (two equal classes), H(V) = ln 4 (four equal clusters), MI = ln 2.
        int[] u = [0, 0, 0, 0, 1, 1, 1, 1], v = [0, 0, 1, 1, 2, 2, 3, 3];
        double hu = Math.Log(2), hv = Math.Log(4);
        Assert.Equal(1.0, NormalizedMutualInformation.Compute(u, v, NmiAverage.Min), 14);
        Assert.Equal(hu / Math.Sqrt(hu * hv), NormalizedMutualInformation.Compute(u, v, NmiAverage.Geometric), 14);
        Assert.Equal(hu / ((hu + hv) / 2), NormalizedMutualInformation.Compute(u, v, NmiAverage.Arithmetic), 14);
        Assert.Equal(0.5, NormalizedMutualInformation.Compute(u, v, NmiAverage.Max), 14);
        Assert.Equal(NormalizedMutualInformation.Compute(u, v, NmiAverage.Arithmetic), NormalizedMutualInformation.Compute(u, v));
    }

    [Fact]
    public void Generalized_average_and_entropy_equations()
    {
        Assert.Equal(2.0, NormalizedMutualInformation.GeneralizedAverage(2, 8, NmiAverage.Min));
        Assert.Equal(4.0, NormalizedMutualInformation.GeneralizedAverage(2, 8, NmiAverage.Geometric));
        Assert.Equal(5.0, NormalizedMutualInformation.GeneralizedAverage(2, 8, NmiAverage.Arithmetic));
        Assert.Equal(8.0, NormalizedMutualInformation.GeneralizedAverage(2, 8, NmiAverage.Max));
        Assert.Equal(Math.Log(2), LabelEntropy.FromSizes([3, 3]), 15);
        Assert.Equal(0.0, LabelEntropy.FromSizes([7]));
        // −(1/4·ln(1/4) + 3/4·ln(3/4))
        Assert.Equal(-(0.25 * Math.Log(0.25) + 0.75 * Math.Log(0.75)), LabelEntropy.FromSizes([1, 3]), 15);
        // A cell holding all of its row and column: (1/2)·(ln 2 − ln 4) + (1/2)·(2 ln 4 − ln 4) = ln 2 / 2.
        Assert.Equal(Math.Log(2) / 2, MutualInformation.Term(2, 2, 2, 4), 15);
    }

    [Fact]
    public void Adjusted_rand_index_of_simple_cases()
    {
        Assert.Equal(1.0, AdjustedRandIndex.Compute([0, 0, 1, 1], [1, 1, 0, 0]));
        // scikit-learn's documented example: a worse-than-chance labelling.
        Assert.Equal(-0.5, AdjustedRandIndex.Compute([0, 0, 1, 1], [0, 1, 0, 1]), 15);
        Assert.Equal(1.0, AdjustedRandIndex.Compute([2], [9]));
    }

    [Fact]
    public void Pair_confusion_counts_ordered_pairs()
    {
        // [0,0,1,1] vs [0,0,0,1]: together in both: (0,1); truth only: (2,3); prediction only: (0,2), (1,2).
        var table = ContingencyMatrix.Compute([0, 0, 1, 1], [0, 0, 0, 1]);
        var (tn, fp, fn, tp) = AdjustedRandIndex.PairConfusion(table);
        Assert.Equal((Int128)2, tp);
        Assert.Equal((Int128)2, fn);
        Assert.Equal((Int128)4, fp);
        Assert.Equal((Int128)4, tn);
        Assert.Equal(2.0 * (2 * 4 - 2 * 4) / ((2 + 2) * (2 + 4) + (2 + 4) * (4 + 4)), AdjustedRandIndex.FromPairConfusion(tn, fp, fn, tp));
        Assert.Equal(1.0, AdjustedRandIndex.FromPairConfusion(6, 0, 0, 6));
    }

    [Fact]
    public void Purity_credits_each_cluster_with_its_largest_class()
    {
        Assert.Equal(0.8, Purity.Compute([0, 0, 1, 1, 1], [0, 0, 0, 1, 1]), 15);
        Assert.Equal(1.0, Purity.Compute([0, 0, 1, 1], [0, 1, 2, 3]));
    }

    [Fact]
    public void Contingency_matrix_rows_are_classes_and_columns_clusters()
    {
        var table = ContingencyMatrix.Compute([5, 5, -2, 5], [1, -1, 1, 1]);
        Assert.Equal(new[] { -2, 5 }, table.Classes);
        Assert.Equal(new[] { -1, 1 }, table.Clusters);
        Assert.Equal(new[] { 1, 3 }, table.ClassSizes);
        Assert.Equal(new[] { 1, 3 }, table.ClusterSizes);
        Assert.Equal(0, table[0, 0]);
        Assert.Equal(1, table[0, 1]);
        Assert.Equal(1, table[1, 0]);
        Assert.Equal(2, table[1, 1]);
        Assert.Equal(4, table.SampleCount);
        Assert.Equal(new[] { (0, 1, 1), (1, 0, 1), (1, 1, 2) }, table.NonZeroCells());
        Assert.Throws<ArgumentOutOfRangeException>(() => table[2, 0]);
    }

    public static TheoryData<string> LabelMetricNames() => ["acc", "nmi", "ari", "purity", "mi", "contingency"];

    [Theory]
    [MemberData(nameof(LabelMetricNames))]
    public void Labels_of_different_lengths_are_refused_naming_both_lengths(string metric)
    {
        var ex = Assert.Throws<ArgumentException>(() => Run(metric, [0, 1, 1, 0, 2], [0, 1, 1, 0]));
        Assert.Contains("5", ex.Message);
        Assert.Contains("4", ex.Message);
        Assert.Contains("labelsTrue", ex.Message);
        Assert.Equal("labelsPred", ex.ParamName);
    }

    [Theory]
    [MemberData(nameof(LabelMetricNames))]
    public void Empty_or_missing_labels_are_refused(string metric)
    {
        Assert.Equal("labelsTrue", Assert.Throws<ArgumentException>(() => Run(metric, [], [])).ParamName);
        Assert.Equal("labelsTrue", Assert.Throws<ArgumentNullException>(() => Run(metric, null!, [1])).ParamName);
        Assert.Equal("labelsPred", Assert.Throws<ArgumentNullException>(() => Run(metric, [1], null!)).ParamName);
    }

    [Fact]
    public void Undefined_nmi_average_is_refused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NormalizedMutualInformation.Compute([0, 1], [0, 1], (NmiAverage)42));
        Assert.Equal("average", ex.ParamName);
    }

    private static object Run(string metric, int[] labelsTrue, int[] labelsPred) => metric switch
    {
        "acc" => ClusteringAccuracy.Compute(labelsTrue, labelsPred),
        "nmi" => NormalizedMutualInformation.Compute(labelsTrue, labelsPred),
        "ari" => AdjustedRandIndex.Compute(labelsTrue, labelsPred),
        "purity" => Purity.Compute(labelsTrue, labelsPred),
        "mi" => MutualInformation.Compute(labelsTrue, labelsPred),
        _ => ContingencyMatrix.Compute(labelsTrue, labelsPred),
    };
}
