using DeepClustering.Data;

namespace DeepClustering.Tests.Refiners.EmbeddedKMeans;

/// <summary>
/// A two-dimensional case worked out by hand, shared by the tests of each equation.
/// Cluster 0: rows (1, 0) and (3, 0), centre (2, 1) (deliberately not their mean): differences (−1, −1) and
/// (1, −1), outer products [[1, 1], [1, 1]] + [[1, −1], [−1, 1]] = [[2, 0], [0, 2]].
/// Cluster 1: rows (1, 1) and (−1, 3), centre (0, 2): differences (1, −1) and (−1, 1), each outer product
/// [[1, −1], [−1, 1]], sum [[2, −2], [−2, 2]].
/// S_w = [[4, −2], [−2, 4]]: eigenvalue 2 with (1, 1)/√2 and 6 with (1, −1)/√2 (an exact tie of magnitudes, so
/// the sign convention makes the first component positive).
/// </summary>
internal static class HandCase
{
    public static readonly double Root2 = Math.Sqrt(2);

    public static DataMatrix Embeddings => DataMatrix.FromArray(new float[,] { { 1, 0 }, { 3, 0 }, { 1, 1 }, { -1, 3 } });

    public static int[] Labels => [0, 0, 1, 1];

    public static DataMatrix Centres => DataMatrix.FromArray(new float[,] { { 2, 1 }, { 0, 2 } });

    public static double[] Scatter => [4, -2, -2, 4];

    public static double[] EigenValues => [2, 6];

    /// <summary>V row-major: columns (1, 1)/√2 and (1, −1)/√2.</summary>
    public static double[] Vectors => [1 / Root2, 1 / Root2, 1 / Root2, -1 / Root2];

    /// <summary>Y = ZV: (1, 0) → (1, 1)/√2; (3, 0) → (3, 3)/√2; (1, 1) → (√2, 0); (−1, 3) → (√2, −2√2).</summary>
    public static double[] Rotated => [1 / Root2, 1 / Root2, 3 / Root2, 3 / Root2, Root2, 0, Root2, -2 * Root2];

    /// <summary>UV: (2, 1) → (3, 1)/√2; (0, 2) → (√2, −√2).</summary>
    public static double[] RotatedCentres => [3 / Root2, 1 / Root2, Root2, -Root2];

    /// <summary>Y with the last coordinate of each row replaced by its centre's: 1/√2, 1/√2, −√2, −√2.</summary>
    public static double[] Targets => [1 / Root2, 1 / Root2, 3 / Root2, 1 / Root2, Root2, -Root2, Root2, -Root2];
}
