namespace DeepClustering.Metrics;

/// <summary>
/// Unsupervised clustering accuracy (ACC), the score of DEC, IDEC, DCEC and DEKM: the fraction of samples whose
/// cluster is mapped to their class under the best one-to-one mapping of clusters to classes,
/// <c>ACC = max over one-to-one maps m of (1/n) Σᵢ 1[yᵢ = m(cᵢ)]</c>, found with the Hungarian algorithm.
/// </summary>
/// <remarks>
/// When the number of clusters differs from the number of classes, the matching is that of the contingency matrix
/// padded with zero rows or columns to a square (as the DEC authors' code does with its D × D matrix), solved on the
/// rectangular matrix itself: each class is matched to at most one cluster and each cluster to at most one class, so the samples of clusters
/// left without a class, and of classes left without a cluster, count as wrong. More clusters than classes
/// therefore cannot raise ACC by splitting a class. Labels may be any ints; −1 (noise) is a cluster like any
/// other and may be matched to a class.
/// </remarks>
public static class ClusteringAccuracy
{
    /// <summary>ACC of <paramref name="labelsPred"/> against <paramref name="labelsTrue"/>, in [0, 1] (higher is better).</summary>
    /// <exception cref="ArgumentException">The arrays differ in length (both lengths are named) or are empty.</exception>
    public static double Compute(IReadOnlyList<int> labelsTrue, IReadOnlyList<int> labelsPred) =>
        Compute(ContingencyMatrix.Compute(labelsTrue, labelsPred));

    /// <summary>ACC from a contingency matrix.</summary>
    public static double Compute(ContingencyMatrix contingency)
    {
        ArgumentNullException.ThrowIfNull(contingency);
        long matched = 0;
        foreach (var (row, column) in BestMatching(contingency))
        {
            matched += contingency[row, column];
        }

        return FromMatchedCount(matched, contingency.SampleCount);
    }

    /// <summary>
    /// The best one-to-one mapping as predicted label value → true label value, for the clusters that get a
    /// class (with more clusters than classes, some get none).
    /// </summary>
    public static IReadOnlyDictionary<int, int> MatchClusters(IReadOnlyList<int> labelsTrue, IReadOnlyList<int> labelsPred)
    {
        var contingency = ContingencyMatrix.Compute(labelsTrue, labelsPred);
        return BestMatching(contingency).ToDictionary(m => contingency.Clusters[m.Column], m => contingency.Classes[m.Row]);
    }

    /// <summary>ACC = matched samples / all samples.</summary>
    internal static double FromMatchedCount(long matched, int samples) => (double)matched / samples;

    /// <summary>
    /// The (row, column) pairs of the best one-to-one matching of classes (rows) to clusters (columns): every row of the
    /// smaller side is matched, on the rectangular matrix itself (the optimum of the zero-padded square one), so many
    /// clusters against few classes cost O(k_true · k_pred) memory and O(k_small² · k_large) time.
    /// </summary>
    internal static List<(int Row, int Column)> BestMatching(ContingencyMatrix contingency)
    {
        bool transposed = contingency.RowCount > contingency.ColumnCount;
        int small = Math.Min(contingency.RowCount, contingency.ColumnCount);
        int large = Math.Max(contingency.RowCount, contingency.ColumnCount);
        var cost = new double[small, large];
        foreach (var (row, column, count) in contingency.NonZeroCells())
        {
            if (transposed)
            {
                cost[column, row] = -count;
            }
            else
            {
                cost[row, column] = -count;
            }
        }

        var matched = HungarianAlgorithm.Minimize(cost);
        var pairs = new List<(int, int)>(small);
        for (int i = 0; i < small; i++)
        {
            pairs.Add(transposed ? (matched[i], i) : (i, matched[i]));
        }

        pairs.Sort();
        return pairs;
    }
}
