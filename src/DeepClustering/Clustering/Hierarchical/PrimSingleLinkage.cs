using DeepClustering.Clustering.Spatial;
using DeepClustering.Data;
using DeepClustering.Numerics.Distances;

namespace DeepClustering.Clustering.Hierarchical;

/// <summary>
/// Single linkage through a minimum spanning tree grown by Prim's algorithm with distances computed on the fly:
/// scikit-learn's <c>mst_linkage_core</c> step for step. The tree starts at row 0; each step adds the outside row
/// nearest to the tree (the lowest row on ties) and records it with the row added just before it, as
/// scikit-learn does (single linkage needs only the edge weights and which rows join, so this gives the same
/// clusters as the true tree edge). O(n) memory, O(n²·d) time, the outside rows' distances updated in parallel.
/// </summary>
internal static class PrimSingleLinkage
{
    private const int RowsPerPart = 2048;

    /// <summary>The n − 1 spanning-tree edges in the order added, each as (previous row, new row, distance).</summary>
    public static PointMerge[] Run(DataMatrix data, int threads, CancellationToken cancellationToken)
    {
        int n = data.Rows;
        var merges = new PointMerge[n - 1];
        // The rows outside the tree, in increasing order, and each one's squared distance to the tree.
        var outside = new int[n - 1];
        var toTree = new double[n - 1];
        for (int i = 0; i < n - 1; i++)
        {
            outside[i] = i + 1;
            toTree[i] = double.PositiveInfinity;
        }

        int remaining = n - 1;
        int current = 0;
        var partBest = new (double Distance, int Position)[Math.Max(1, (n + RowsPerPart - 1) / RowsPerPart)];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        for (int step = 0; step < n - 1; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int parts = (remaining + RowsPerPart - 1) / RowsPerPart;
            int from = current, count = remaining;
            if (parts == 1)
            {
                partBest[0] = UpdatePart(data, from, outside, toTree, 0, count);
            }
            else
            {
                Parallel.For(0, parts, parallel, part =>
                    partBest[part] = UpdatePart(data, from, outside, toTree, part * RowsPerPart, Math.Min(count, (part + 1) * RowsPerPart)));
            }

            // Parts are in row order, so keeping the first of equal distances keeps the lowest row.
            var best = partBest[0];
            for (int part = 1; part < parts; part++)
            {
                if (partBest[part].Distance < best.Distance)
                {
                    best = partBest[part];
                }
            }

            int added = outside[best.Position];
            merges[step] = new PointMerge(current, added, Math.Sqrt(best.Distance));
            Array.Copy(outside, best.Position + 1, outside, best.Position, remaining - best.Position - 1);
            Array.Copy(toTree, best.Position + 1, toTree, best.Position, remaining - best.Position - 1);
            remaining--;
            current = added;
        }

        return merges;
    }

    /// <summary>
    /// Lowers the distances to the tree of the outside rows at positions [start, end) by their distance to the
    /// newly added row; returns the smallest of them and its first position.
    /// </summary>
    private static (double Distance, int Position) UpdatePart(DataMatrix data, int added, int[] outside, double[] toTree, int start, int end)
    {
        var addedRow = data.Row(added);
        double best = double.MaxValue;
        int position = start;
        for (int p = start; p < end; p++)
        {
            double distance = SquaredEuclidean.DoubleVectorised(addedRow, data.Row(outside[p]));
            if (distance < toTree[p])
            {
                toTree[p] = distance;
            }

            if (toTree[p] < best)
            {
                best = toTree[p];
                position = p;
            }
        }

        return (best, position);
    }
}
