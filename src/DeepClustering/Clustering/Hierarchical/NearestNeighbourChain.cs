namespace DeepClustering.Clustering.Hierarchical;

/// <summary>
/// The nearest-neighbour chain algorithm on a condensed distance matrix with Lance–Williams updates, for the
/// reducible linkages Ward, complete and average: scipy's <c>nn_chain</c> step for step (the same choice of
/// neighbours, the previous chain element preferred on ties, the merged cluster kept in the higher slot), with
/// the live clusters on a linked list so that scans skip the merged ones. O(n²) time; the matrix is updated in
/// place, so it is the only O(n²) memory.
/// </summary>
internal static class NearestNeighbourChain
{
    /// <summary>
    /// The n − 1 merges in the order found, each naming one row of each merged cluster (the slot it lives in,
    /// as scipy's raw output does).
    /// </summary>
    public static PointMerge[] Run(CondensedDistanceMatrix distances, Linkage linkage, CancellationToken cancellationToken)
    {
        int n = distances.Count;
        float[] d = distances.Values;
        var merges = new PointMerge[n - 1];
        var size = new int[n];
        Array.Fill(size, 1);
        var next = new int[n];
        var previous = new int[n];
        for (int i = 0; i < n; i++)
        {
            next[i] = i + 1;
            previous[i] = i - 1;
        }

        int first = 0;
        var chain = new int[n];
        int chainLength = 0;
        for (int k = 0; k < n - 1; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (chainLength == 0)
            {
                chain[0] = first;
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

                // d(i, x) for i < x lies in column x of the triangle, for i > x in row x.
                int i = first;
                for (; i < x; i = next[i])
                {
                    float distance = d[CondensedDistanceMatrix.Index(n, i, x)];
                    if (distance < nearest)
                    {
                        nearest = distance;
                        y = i;
                    }
                }

                long rowBase = CondensedDistanceMatrix.Index(n, x, x);
                for (i = i == x ? next[x] : i; i < n; i = next[i])
                {
                    float distance = d[rowBase + i - x];
                    if (distance < nearest)
                    {
                        nearest = distance;
                        y = i;
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
            if (previous[x] >= 0)
            {
                next[previous[x]] = next[x];
            }
            else
            {
                first = next[x];
            }

            if (next[x] < n)
            {
                previous[next[x]] = previous[x];
            }

            for (int i = first; i < n; i = next[i])
            {
                if (i == y)
                {
                    continue;
                }

                long xi = x < i ? CondensedDistanceMatrix.Index(n, x, i) : CondensedDistanceMatrix.Index(n, i, x);
                long yi = y < i ? CondensedDistanceMatrix.Index(n, y, i) : CondensedDistanceMatrix.Index(n, i, y);
                d[yi] = (float)LanceWilliams.Update(linkage, d[xi], d[yi], nearest, sizeX, sizeY, size[i]);
            }
        }

        return merges;
    }
}
