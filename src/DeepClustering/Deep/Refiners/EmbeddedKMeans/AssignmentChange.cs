namespace DeepClustering.Refiners.EmbeddedKMeans;

/// <summary>
/// How a k-means assignment differs from the previous one once the clusters are matched:
/// <see cref="CurrentOfPrevious"/>[j] is the new cluster matched to old cluster j, and
/// <see cref="ChangedCount"/> counts the samples whose new cluster is not the match of their old one.
/// </summary>
internal sealed record AssignmentChange(IReadOnlyList<int> CurrentOfPrevious, int ChangedCount, int SampleCount)
{
    /// <summary>ChangedCount / SampleCount, in [0, 1].</summary>
    public double ChangedFraction => (double)ChangedCount / SampleCount;

    /// <summary>
    /// DEKM's stopping rule: true when at most <paramref name="tolerance"/> of the samples changed cluster
    /// (<c>ChangedCount ≤ tolerance · SampleCount</c>, as DEKM.py's <c>n_change_assignment &lt;= len(x) * 0.005</c>).
    /// </summary>
    public bool HasConverged(double tolerance = AssignmentMatching.DefaultTolerance)
    {
        if (!(tolerance >= 0 && tolerance <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance is a fraction in [0, 1].");
        }

        return ChangedCount <= tolerance * SampleCount;
    }
}
