using System.Runtime.Intrinsics.X86;

namespace DeepClustering.Clustering.Hierarchical;

/// <summary>
/// The nearest-neighbour chain algorithm on a condensed distance matrix with Lance–Williams updates, for the
/// reducible linkages Ward, complete and average: scipy's <c>nn_chain</c> step for step (the same choice of
/// neighbours, the previous chain element preferred on ties, then the lowest slot; the merged cluster kept in the
/// higher slot). The live clusters are kept in a sorted array so that scans skip merged ones, and the reads down
/// a column of the triangle, which jump by a different stride each time, are prefetched ahead. O(n²) time; the
/// matrix is updated in place, so it is the only O(n²) memory.
/// </summary>
internal static class NearestNeighbourChain
{
    /// <summary>How many live clusters ahead the column reads are prefetched.</summary>
    private const int PrefetchDistance = 16;

    /// <summary>
    /// The n − 1 merges in the order found, each naming one row of each merged cluster (the slot it lives in,
    /// as scipy's raw output does).
    /// </summary>
    public static unsafe PointMerge[] Run(CondensedDistanceMatrix distances, Linkage linkage, CancellationToken cancellationToken)
    {
        int n = distances.Count;
        var merges = new PointMerge[n - 1];
        var size = new int[n];
        Array.Fill(size, 1);
        var live = new int[n];
        for (int i = 0; i < n; i++)
        {
            live[i] = i;
        }

        int liveCount = n;
        var chain = new int[n];
        int chainLength = 0;
        fixed (float* d = distances.Values)
        {
            for (int k = 0; k < n - 1; k++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (chainLength == 0)
                {
                    chain[0] = live[0];
                    chainLength = 1;
                }

                int x, y;
                float nearest;
                while (true)
                {
                    x = chain[chainLength - 1];
                    if (chainLength > 1)
                    {
                        y = chain[chainLength - 2];
                        nearest = d[x < y ? CondensedDistanceMatrix.Index(n, x, y) : CondensedDistanceMatrix.Index(n, y, x)];
                    }
                    else
                    {
                        y = -1;
                        nearest = float.PositiveInfinity;
                    }

                    int split = Array.BinarySearch(live, 0, liveCount, x);
                    // d(i, x) for i < x lies down column x of the triangle...
                    for (int t = 0; t < split; t++)
                    {
                        if (Sse.IsSupported && t + PrefetchDistance < split)
                        {
                            Sse.Prefetch0(d + CondensedDistanceMatrix.Index(n, live[t + PrefetchDistance], x));
                        }

                        float distance = d[CondensedDistanceMatrix.Index(n, live[t], x)];
                        if (distance < nearest)
                        {
                            nearest = distance;
                            y = live[t];
                        }
                    }

                    // ... and for i > x along row x.
                    float* row = d + CondensedDistanceMatrix.Index(n, x, x) - x;
                    for (int t = split + 1; t < liveCount; t++)
                    {
                        float distance = row[live[t]];
                        if (distance < nearest)
                        {
                            nearest = distance;
                            y = live[t];
                        }
                    }

                    if (chainLength > 1 && y == chain[chainLength - 2])
                    {
                        break;
                    }

                    chain[chainLength++] = y;
                }

                chainLength -= 2;
                if (x > y)
                {
                    (x, y) = (y, x);
                }

                int sizeX = size[x], sizeY = size[y];
                merges[k] = new PointMerge(x, y, nearest);
                size[x] = 0;
                size[y] = sizeX + sizeY;
                int removed = Array.BinarySearch(live, 0, liveCount, x);
                Array.Copy(live, removed + 1, live, removed, liveCount - removed - 1);
                liveCount--;
                for (int t = 0; t < liveCount; t++)
                {
                    int i = live[t];
                    if (Sse.IsSupported && t + PrefetchDistance < liveCount)
                    {
                        int ahead = live[t + PrefetchDistance];
                        Sse.Prefetch0(d + PairIndex(n, x, ahead));
                        Sse.Prefetch0(d + PairIndex(n, y, ahead));
                    }

                    if (i == y)
                    {
                        continue;
                    }

                    long xi = PairIndex(n, x, i), yi = PairIndex(n, y, i);
                    d[yi] = (float)LanceWilliams.Update(linkage, d[xi], d[yi], nearest, sizeX, sizeY, size[i]);
                }
            }
        }

        return merges;
    }

    /// <summary>The condensed index of d(a, b), a ≠ b, in either order (for a = b, only ever prefetched, a nearby index).</summary>
    private static long PairIndex(int n, int a, int b) =>
        a < b ? CondensedDistanceMatrix.Index(n, a, b) : CondensedDistanceMatrix.Index(n, b, a);
}
