using System.Numerics.Tensors;
using DeepClustering.Data;
using DeepClustering.Numerics.Threading;

namespace DeepClustering.Metrics;

/// <summary>
/// For every sample, the two means the silhouette needs: a, the mean distance to the other members of its
/// cluster, and b, the smallest mean distance to the members of another cluster. Exact (all n² distances, in
/// double), computed tile by tile on several threads without an n × n matrix.
/// </summary>
/// <remarks>
/// Samples are sorted by cluster so that each cluster is a contiguous run of positions and a tile's per-cluster
/// sums are sums of contiguous runs. When the n × k table of sums fits <see cref="DefaultMaxAccumulatorEntries"/>,
/// only the tiles on and above the diagonal are computed and each off-diagonal tile feeds both its rows and its
/// columns (half the work); the table holds 128-bit fixed-point sums, so the result does not depend on the order
/// in which threads finish their tiles. Otherwise each block of rows walks all columns in order, keeping only a
/// running sum per row (twice the work, memory independent of k).
/// </remarks>
internal static class ClusterDistanceMeans
{
    /// <summary>
    /// Largest total of the n × k tables of sums (one per thread and the total; 256 MiB of 128-bit integers)
    /// before the row-by-row walk is used.
    /// </summary>
    internal const long DefaultMaxAccumulatorEntries = 1L << 24;

    /// <summary>Computes a and b for every sample of <paramref name="data"/> (in its row order).</summary>
    public static (double[] Intra, double[] Nearest) Compute(DataMatrix data, EncodedLabels labels, int threads,
        CancellationToken cancellationToken, long maxAccumulatorEntries = DefaultMaxAccumulatorEntries, bool packOnce = true)
    {
        int n = data.Rows, k = labels.Count;
        var clusterStart = new int[k + 1];
        for (int c = 0; c < k; c++)
        {
            clusterStart[c + 1] = clusterStart[c] + labels.Counts[c];
        }

        var rowOfPosition = new int[n];
        var clusterOfPosition = new int[n];
        var next = clusterStart.ToArray();
        for (int i = 0; i < n; i++)
        {
            int c = labels.Codes[i];
            clusterOfPosition[next[c]] = c;
            rowOfPosition[next[c]++] = i;
        }

        var tiles = new DistanceTiles(data, rowOfPosition, packOnce);
        var layout = new Layout(tiles, labels.Counts, clusterStart, clusterOfPosition);
        int workers = threads == 0 ? Environment.ProcessorCount : threads;
        var (intraByPosition, nearestByPosition) = (long)n * k * (workers + 1) <= maxAccumulatorEntries
            ? Symmetric(layout, workers, cancellationToken)
            : RowByRow(layout, workers, cancellationToken);
        var intra = new double[n];
        var nearest = new double[n];
        for (int p = 0; p < n; p++)
        {
            intra[rowOfPosition[p]] = intraByPosition[p];
            nearest[rowOfPosition[p]] = nearestByPosition[p];
        }

        return (intra, nearest);
    }

    /// <summary>The mean of a sum over a cluster's other members; 0 for a cluster of one (its a is undefined).</summary>
    internal static double IntraMean(double sum, int clusterSize) => clusterSize > 1 ? sum / (clusterSize - 1) : 0.0;

    private static (double[] Intra, double[] Nearest) Symmetric(Layout layout, int workers, CancellationToken cancellationToken)
    {
        var tiles = layout.Tiles;
        int n = tiles.Count, k = layout.ClusterSizes.Length, block = tiles.BlockSize;
        int blocks = (n + block - 1) / block;
        var sums = new Int128[(long)n * k];
        var fixedPoint = FixedPointScale.For(n, tiles.Radius);
        var pairs = new List<(int Row, int Column)>();
        for (int i = 0; i < blocks; i++)
        {
            for (int j = i; j < blocks; j++)
            {
                pairs.Add((i, j));
            }
        }

        // Each thread sums into a table of its own; the tables are added at the end. Integer sums are exact, so
        // neither which thread took which tile nor the order of the final additions changes a bit.
        TileWorkers.Run(workers, pairs.Count, () => (tiles.CreateWorkspace(), new Int128[(long)n * k]), (t, worker) =>
        {
            var (workspace, local) = worker;
            var (bi, bj) = pairs[t];
            int rowStart = bi * block, rowCount = Math.Min(block, n - rowStart);
            int columnStart = bj * block, columnCount = Math.Min(block, n - columnStart);
            tiles.Compute(workspace, rowStart, rowCount, columnStart, columnCount);
            int stride = workspace.Stride;
            var distances = workspace.Distances;
            var runs = layout.Runs(columnStart, columnCount).ToArray();
            for (int i = 0; i < rowCount; i++)
            {
                var row = distances.AsSpan(i * stride, columnCount);
                long at = (long)(rowStart + i) * k;
                foreach (var (start, end, cluster) in runs)
                {
                    local[at + cluster] += fixedPoint.ToFixed(DistanceTiles.Sum(row[(start - columnStart)..(end - columnStart)]));
                }
            }

            if (bi != bj)
            {
                var columnSums = workspace.ColumnSums.AsSpan(0, columnCount);
                foreach (var (start, end, cluster) in layout.Runs(rowStart, rowCount))
                {
                    columnSums.Clear();
                    for (int p = start; p < end; p++)
                    {
                        AddTo(columnSums, distances.AsSpan((p - rowStart) * stride, columnCount));
                    }

                    for (int j = 0; j < columnCount; j++)
                    {
                        local[(long)(columnStart + j) * k + cluster] += fixedPoint.ToFixed(columnSums[j]);
                    }
                }
            }

        }, worker =>
        {
            lock (sums)
            {
                for (long e = 0; e < sums.LongLength; e++)
                {
                    sums[e] += worker.Item2[e];
                }
            }
        }, cancellationToken);

        var intra = new double[n];
        var nearest = new double[n];
        for (int p = 0; p < n; p++)
        {
            int own = layout.ClusterOfPosition[p];
            double best = double.PositiveInfinity;
            for (int c = 0; c < k; c++)
            {
                double sum = fixedPoint.ToDouble(sums[(long)p * k + c]);
                if (c == own)
                {
                    intra[p] = IntraMean(sum, layout.ClusterSizes[c]);
                }
                else
                {
                    best = Math.Min(best, sum / layout.ClusterSizes[c]);
                }
            }

            nearest[p] = best;
        }

        return (intra, nearest);
    }

    private static (double[] Intra, double[] Nearest) RowByRow(Layout layout, int workers, CancellationToken cancellationToken)
    {
        var tiles = layout.Tiles;
        int n = tiles.Count, block = tiles.BlockSize;
        int blocks = (n + block - 1) / block;
        var intra = new double[n];
        var nearest = new double[n];
        TileWorkers.Run(workers, blocks, tiles.CreateWorkspace, (bi, workspace) =>
        {
            int rowStart = bi * block, rowCount = Math.Min(block, n - rowStart);
            var running = new double[rowCount];
            var best = new double[rowCount];
            Array.Fill(best, double.PositiveInfinity);
            int current = -1;
            for (int bj = 0; bj < blocks; bj++)
            {
                int columnStart = bj * block, columnCount = Math.Min(block, n - columnStart);
                tiles.Compute(workspace, rowStart, rowCount, columnStart, columnCount);
                foreach (var (start, end, cluster) in layout.Runs(columnStart, columnCount))
                {
                    if (cluster != current)
                    {
                        if (current >= 0)
                        {
                            Close(layout, rowStart, current, running, best, intra);
                        }

                        Array.Clear(running);
                        current = cluster;
                    }

                    for (int i = 0; i < rowCount; i++)
                    {
                        running[i] += DistanceTiles.Sum(workspace.Distances.AsSpan(i * workspace.Stride + start - columnStart, end - start));
                    }
                }
            }

            Close(layout, rowStart, current, running, best, intra);
            best.CopyTo(nearest, rowStart);
        }, _ => { }, cancellationToken);
        return (intra, nearest);
    }

    /// <summary>Ends the running sums of <paramref name="cluster"/> for one block of rows.</summary>
    private static void Close(Layout layout, int rowStart, int cluster, double[] running, double[] best, double[] intra)
    {
        int size = layout.ClusterSizes[cluster];
        for (int i = 0; i < running.Length; i++)
        {
            if (layout.ClusterOfPosition[rowStart + i] == cluster)
            {
                intra[rowStart + i] = IntraMean(running[i], size);
            }
            else
            {
                best[i] = Math.Min(best[i], running[i] / size);
            }
        }
    }

    /// <summary>sums += values, element by element (the same operation for every element, so order-free).</summary>
    private static void AddTo(Span<double> sums, ReadOnlySpan<double> values) => TensorPrimitives.Add(sums, values, sums);

    /// <summary>The sorted positions: tiles, cluster sizes, and where each cluster's run starts.</summary>
    private sealed class Layout(DistanceTiles tiles, int[] clusterSizes, int[] clusterStart, int[] clusterOfPosition)
    {
        public DistanceTiles Tiles { get; } = tiles;

        public int[] ClusterSizes { get; } = clusterSizes;

        public int[] ClusterOfPosition { get; } = clusterOfPosition;

        /// <summary>The runs of one cluster each that make up positions start … start + count − 1.</summary>
        public IEnumerable<(int Start, int End, int Cluster)> Runs(int start, int count)
        {
            int end = start + count;
            for (int p = start; p < end;)
            {
                int cluster = ClusterOfPosition[p];
                int runEnd = Math.Min(end, clusterStart[cluster + 1]);
                yield return (p, runEnd, cluster);
                p = runEnd;
            }
        }
    }
}
