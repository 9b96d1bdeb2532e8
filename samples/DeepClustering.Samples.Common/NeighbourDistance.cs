using DeepClustering.Data;

namespace DeepClustering.Samples;

/// <summary>The k-distance rule for DBSCAN's ε (Ester et al. 1996), without labels.</summary>
public static class NeighbourDistance
{
    /// <summary>
    /// The median Euclidean distance of a point to its <paramref name="k"/>-th nearest neighbour (itself not counted),
    /// over <paramref name="queries"/> random points (all of them when there are fewer), by brute force.
    /// </summary>
    public static double Median(DataMatrix points, int k, int queries, long seed, int threads)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, points.Rows);
        var chosen = SampleMaps.Choose(points.Rows, queries, seed);
        var kth = new double[chosen.Length];
        Parallel.For(0, chosen.Length, new ParallelOptions { MaxDegreeOfParallelism = threads == 0 ? -1 : threads }, q =>
        {
            var query = points.Row(chosen[q]);
            var distances = new double[points.Rows];
            for (int i = 0; i < points.Rows; i++)
            {
                var row = points.Row(i);
                double d = 0;
                for (int j = 0; j < row.Length; j++)
                {
                    d += (row[j] - query[j]) * (row[j] - query[j]);
                }

                distances[i] = d;
            }

            Array.Sort(distances);
            kth[q] = Math.Sqrt(distances[k]);   // distances[0] is the point itself
        });
        Array.Sort(kth);
        return kth.Length % 2 == 1 ? kth[kth.Length / 2] : (kth[kth.Length / 2 - 1] + kth[kth.Length / 2]) / 2;
    }
}
