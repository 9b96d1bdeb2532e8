namespace DeepClustering.Clustering.Hierarchical;

/// <summary>
/// Ward's distance between two clusters from their centres and sizes: d(A, B)² = 2·|A|·|B| / (|A| + |B|) ·
/// ‖c_A − c_B‖². It equals the Lance–Williams recursion of <see cref="LanceWilliams.Ward"/> started from Euclidean
/// distances (so two single points are at their Euclidean distance), the value scipy and scikit-learn report.
/// </summary>
internal static class WardDistance
{
    /// <summary>The size factor 2·|A|·|B| / (|A| + |B|).</summary>
    public static double SizeFactor(double sizeA, double sizeB) => 2 * (sizeA * sizeB / (sizeA + sizeB));

    /// <summary>d(A, B)² from the squared distance of the centres.</summary>
    public static double Squared(double centreDistanceSquared, double sizeA, double sizeB) =>
        SizeFactor(sizeA, sizeB) * centreDistanceSquared;
}
