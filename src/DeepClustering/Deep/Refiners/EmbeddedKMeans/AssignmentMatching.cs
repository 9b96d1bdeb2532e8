using DeepClustering.Metrics;

namespace DeepClustering.Refiners.EmbeddedKMeans;

/// <summary>
/// Matches the clusters of two successive k-means runs of embedded k-means and counts the samples that changed
/// cluster: k-means numbers its clusters arbitrarily, so old cluster j is first mapped to the new cluster that
/// shares most samples with it under the best one-to-one matching (the Hungarian algorithm on the negated k × k
/// contingency counts, <see cref="HungarianAlgorithm"/>), and only then are labels compared.
/// </summary>
/// <remarks>
/// Source: DEKM.py builds <c>w[assignment_new[i], assignment[i]] += 1</c>, solves
/// <c>linear_sum_assignment(-w)</c>, relabels the old assignment through the matching and counts
/// <c>np.sum(assignment_new != assignment)</c>. The count equals n minus the largest total of matched counts, so
/// it does not depend on which of several equally good matchings is found. Before the first refresh there is no
/// previous assignment (the code starts from −1 labels, whose comparison can only report a large change); a
/// caller should simply not test convergence then.
/// </remarks>
internal static class AssignmentMatching
{
    /// <summary>
    /// Stop when at most this fraction of the samples changed cluster between refreshes: 0.5%, DEKM.py
    /// (<c>if n_change_assignment &lt;= len(x) * 0.005</c>), checked at every k-means refresh.
    /// </summary>
    public const double DefaultTolerance = 0.005;

    /// <summary>
    /// Compares <paramref name="current"/> with <paramref name="previous"/>, both cluster indices in
    /// [0, <paramref name="clusterCount"/>) for the same samples in the same order.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths differ, are zero, or a label is out of range.</exception>
    public static AssignmentChange Compare(IReadOnlyList<int> previous, IReadOnlyList<int> current, int clusterCount)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusterCount);
        if (previous.Count == 0)
        {
            throw new ArgumentException("No samples were given.", nameof(previous));
        }

        DekmArguments.RequireLabels(previous, previous.Count, clusterCount, nameof(previous));
        DekmArguments.RequireLabels(current, previous.Count, clusterCount, nameof(current));

        var cost = new double[clusterCount, clusterCount];
        for (int i = 0; i < previous.Count; i++)
        {
            cost[previous[i], current[i]] -= 1;
        }

        int[] currentOfPrevious = HungarianAlgorithm.Minimize(cost);
        int changed = 0;
        for (int i = 0; i < previous.Count; i++)
        {
            if (currentOfPrevious[previous[i]] != current[i])
            {
                changed++;
            }
        }

        return new AssignmentChange(currentOfPrevious, changed, previous.Count);
    }
}
