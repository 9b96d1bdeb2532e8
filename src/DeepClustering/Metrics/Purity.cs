namespace DeepClustering.Metrics;

/// <summary>
/// Purity: each cluster is credited with its most frequent class, <c>purity = (1/n) Σ_clusters max_class nᵢⱼ</c>.
/// In (0, 1], higher is better; unlike ACC several clusters may take the same class, so purity never falls as
/// clusters are split (n singleton clusters score 1). −1 (noise) is a cluster of its own, credited like any other.
/// Not in scikit-learn; the golden values come from its contingency matrix.
/// </summary>
public static class Purity
{
    /// <summary>Purity of <paramref name="labelsPred"/> against <paramref name="labelsTrue"/>.</summary>
    /// <exception cref="ArgumentException">The arrays differ in length (both lengths are named) or are empty.</exception>
    public static double Compute(IReadOnlyList<int> labelsTrue, IReadOnlyList<int> labelsPred) =>
        Compute(ContingencyMatrix.Compute(labelsTrue, labelsPred));

    /// <summary>Purity from a contingency matrix.</summary>
    public static double Compute(ContingencyMatrix contingency)
    {
        ArgumentNullException.ThrowIfNull(contingency);
        var largest = new int[contingency.ColumnCount];
        foreach (var (_, column, count) in contingency.NonZeroCells())
        {
            largest[column] = Math.Max(largest[column], count);
        }

        long credited = 0;
        foreach (int count in largest)
        {
            credited += count;
        }

        return (double)credited / contingency.SampleCount;
    }
}
