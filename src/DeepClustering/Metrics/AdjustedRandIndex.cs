namespace DeepClustering.Metrics;

/// <summary>
/// The adjusted Rand index (Hubert and Arabie 1985), as scikit-learn's <c>adjusted_rand_score</c>: the Rand
/// index corrected for chance, from the pair confusion matrix (pairs of samples together or apart in each
/// labelling), <c>ARI = 2(tp·tn − fn·fp) / ((tp + fn)(fn + tn) + (tp + fp)(fp + tn))</c>. 1 for identical
/// partitions, about 0 for random ones, as low as −0.5. Labels may be any ints; −1 is a label of its own.
/// </summary>
public static class AdjustedRandIndex
{
    /// <summary>ARI of the two labellings.</summary>
    /// <exception cref="ArgumentException">The arrays differ in length (both lengths are named) or are empty.</exception>
    public static double Compute(IReadOnlyList<int> labelsTrue, IReadOnlyList<int> labelsPred) =>
        Compute(ContingencyMatrix.Compute(labelsTrue, labelsPred));

    /// <summary>ARI from a contingency matrix.</summary>
    public static double Compute(ContingencyMatrix contingency)
    {
        ArgumentNullException.ThrowIfNull(contingency);
        var (tn, fp, fn, tp) = PairConfusion(contingency);
        return FromPairConfusion(tn, fp, fn, tp);
    }

    /// <summary>
    /// The pair confusion matrix as scikit-learn's <c>pair_confusion_matrix</c> counts it (ordered pairs of
    /// distinct samples): tp together in both, fn together in the truth only, fp together in the prediction
    /// only, tn apart in both.
    /// </summary>
    internal static (Int128 Tn, Int128 Fp, Int128 Fn, Int128 Tp) PairConfusion(ContingencyMatrix contingency)
    {
        Int128 n = contingency.SampleCount;
        Int128 sumSquares = 0, rowWeighted = 0, columnWeighted = 0;
        foreach (var (row, column, count) in contingency.NonZeroCells())
        {
            sumSquares += (Int128)count * count;
            columnWeighted += (Int128)count * contingency.ClusterSizes[column];
            rowWeighted += (Int128)count * contingency.ClassSizes[row];
        }

        Int128 tp = sumSquares - n;
        Int128 fp = columnWeighted - sumSquares;
        Int128 fn = rowWeighted - sumSquares;
        Int128 tn = n * n - fp - fn - sumSquares;
        return (tn, fp, fn, tp);
    }

    /// <summary>ARI from the pair counts; 1 when no pair disagrees (fn = fp = 0).</summary>
    internal static double FromPairConfusion(Int128 tn, Int128 fp, Int128 fn, Int128 tp)
    {
        if (fn == 0 && fp == 0)
        {
            return 1.0;
        }

        return 2.0 * (double)(tp * tn - fn * fp) / (double)((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
    }
}
