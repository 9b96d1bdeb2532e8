namespace DeepClustering.Metrics;

/// <summary>
/// Normalised mutual information, as scikit-learn's <c>normalized_mutual_info_score</c>:
/// <c>NMI = MI(U, V) / mean(H(U), H(V))</c> with the mean chosen by <see cref="NmiAverage"/> (arithmetic by
/// default, as scikit-learn; geometric reproduces the DEC-era papers). In [0, 1], higher is better, invariant to
/// renaming labels. Both labellings with a single label: 1 (a perfect match); MI = 0 otherwise: 0.
/// </summary>
public static class NormalizedMutualInformation
{
    /// <summary>NMI of the two labellings (any ints; −1 is a label of its own).</summary>
    /// <exception cref="ArgumentException">The arrays differ in length (both lengths are named) or are empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="average"/> is not a defined value.</exception>
    public static double Compute(IReadOnlyList<int> labelsTrue, IReadOnlyList<int> labelsPred, NmiAverage average = NmiAverage.Arithmetic)
    {
        RequireDefined(average);
        return Compute(ContingencyMatrix.Compute(labelsTrue, labelsPred), average);
    }

    /// <summary>NMI from a contingency matrix.</summary>
    public static double Compute(ContingencyMatrix contingency, NmiAverage average = NmiAverage.Arithmetic)
    {
        ArgumentNullException.ThrowIfNull(contingency);
        RequireDefined(average);
        if (contingency.RowCount == 1 && contingency.ColumnCount == 1)
        {
            return 1.0;
        }

        double mi = MutualInformation.Compute(contingency);
        if (mi == 0)
        {
            return 0.0;
        }

        double normalizer = GeneralizedAverage(LabelEntropy.FromSizes(contingency.ClassSizes),
            LabelEntropy.FromSizes(contingency.ClusterSizes), average);
        return mi / normalizer;
    }

    /// <summary>The mean of two entropies that <paramref name="average"/> names.</summary>
    internal static double GeneralizedAverage(double u, double v, NmiAverage average) => average switch
    {
        NmiAverage.Min => Math.Min(u, v),
        NmiAverage.Geometric => Math.Sqrt(u * v),
        NmiAverage.Arithmetic => (u + v) / 2,
        NmiAverage.Max => Math.Max(u, v),
        _ => throw new ArgumentOutOfRangeException(nameof(average), average, "Not a defined NmiAverage."),
    };

    private static void RequireDefined(NmiAverage average)
    {
        if (!Enum.IsDefined(average))
        {
            throw new ArgumentOutOfRangeException(nameof(average), average, "Not a defined NmiAverage: use Min, Geometric, Arithmetic or Max.");
        }
    }
}
