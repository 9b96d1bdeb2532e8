namespace DeepClustering.Metrics;

/// <summary>
/// The mutual information of two labellings in nats, as scikit-learn's <c>mutual_info_score</c>:
/// <c>MI = Σᵢⱼ (nᵢⱼ/N) · log(N·nᵢⱼ / (aᵢ·bⱼ))</c> over the non-zero cells nᵢⱼ of the contingency matrix with row
/// sums aᵢ and column sums bⱼ. Symmetric in its arguments; 0 when either labelling has a single label.
/// </summary>
public static class MutualInformation
{
    /// <summary>numpy.finfo(float64).eps = 2⁻⁵², below which scikit-learn zeroes a term.</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>MI of the two labellings (any ints; −1 is a label of its own).</summary>
    /// <exception cref="ArgumentException">The arrays differ in length (both lengths are named) or are empty.</exception>
    public static double Compute(IReadOnlyList<int> labelsTrue, IReadOnlyList<int> labelsPred) =>
        Compute(ContingencyMatrix.Compute(labelsTrue, labelsPred));

    /// <summary>MI from a contingency matrix.</summary>
    public static double Compute(ContingencyMatrix contingency)
    {
        ArgumentNullException.ThrowIfNull(contingency);
        if (contingency.RowCount == 1 || contingency.ColumnCount == 1)
        {
            return 0.0;
        }

        double n = contingency.SampleCount;
        double sum = 0;
        foreach (var (row, column, count) in contingency.NonZeroCells())
        {
            sum += Term(count, contingency.ClassSizes[row], contingency.ClusterSizes[column], n);
        }

        return Math.Max(sum, 0.0);
    }

    /// <summary>
    /// One cell's term (nᵢⱼ/N)·(log nᵢⱼ − log N) + (nᵢⱼ/N)·(log N + log N − log(aᵢ·bⱼ)), written as scikit-learn
    /// writes it (the two sums are over rows and columns, both N), and set to 0 when smaller than the double
    /// epsilon in magnitude, as scikit-learn does.
    /// </summary>
    internal static double Term(int count, int rowSum, int columnSum, double n)
    {
        double share = count / n;
        double logOuter = -Math.Log((double)((long)rowSum * columnSum)) + Math.Log(n) + Math.Log(n);
        double term = share * (Math.Log(count) - Math.Log(n)) + share * logOuter;
        return Math.Abs(term) < MachineEpsilon ? 0.0 : term;
    }
}
