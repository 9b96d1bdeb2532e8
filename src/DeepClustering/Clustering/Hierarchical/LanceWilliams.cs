namespace DeepClustering.Clustering.Hierarchical;

/// <summary>
/// The Lance–Williams updates: the distance from a cluster i to the union of clusters x and y, from d(x, i),
/// d(y, i), d(x, y) and the sizes, as scipy's <c>_hierarchy_distance_update</c> writes them.
/// </summary>
internal static class LanceWilliams
{
    /// <summary>Complete linkage: max(d(x, i), d(y, i)).</summary>
    public static double Complete(double xi, double yi) => Math.Max(xi, yi);

    /// <summary>Average linkage: (|x|·d(x, i) + |y|·d(y, i)) / (|x| + |y|).</summary>
    public static double Average(double xi, double yi, int sizeX, int sizeY) =>
        (sizeX * xi + sizeY * yi) / (sizeX + sizeY);

    /// <summary>
    /// Ward: √(((|i| + |x|)·d(x, i)² + (|i| + |y|)·d(y, i)² − |i|·d(x, y)²) / (|x| + |y| + |i|)), written with
    /// scipy's factor t = 1 / (|x| + |y| + |i|).
    /// </summary>
    public static double Ward(double xi, double yi, double xy, int sizeX, int sizeY, int sizeI)
    {
        double t = 1.0 / (sizeX + sizeY + sizeI);
        return Math.Sqrt((sizeI + sizeX) * t * xi * xi + (sizeI + sizeY) * t * yi * yi - sizeI * t * xy * xy);
    }

    /// <summary>The update for <paramref name="linkage"/> (Ward, complete or average).</summary>
    public static double Update(Linkage linkage, double xi, double yi, double xy, int sizeX, int sizeY, int sizeI) => linkage switch
    {
        Linkage.Complete => Complete(xi, yi),
        Linkage.Average => Average(xi, yi, sizeX, sizeY),
        Linkage.Ward => Ward(xi, yi, xy, sizeX, sizeY, sizeI),
        _ => throw new ArgumentOutOfRangeException(nameof(linkage), linkage, "Single linkage has no matrix update here; it runs on a spanning tree."),
    };
}
