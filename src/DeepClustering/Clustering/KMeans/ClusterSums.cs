using System.Numerics;
using System.Runtime.InteropServices;

namespace DeepClustering.Clustering;

/// <summary>
/// Per-part sums of the rows assigned to each cluster, and their counts, kept in double precision so that the
/// centres do not depend on how many rows a cluster has or on how the rows were split between threads.
/// </summary>
internal sealed class ClusterSums
{
    private readonly double[][] _sums;
    private readonly long[][] _counts;

    public ClusterSums(int parts, int clusters, int columns)
    {
        Clusters = clusters;
        Columns = columns;
        _sums = new double[parts][];
        _counts = new long[parts][];
        for (int p = 0; p < parts; p++)
        {
            _sums[p] = new double[(long)clusters * columns];
            _counts[p] = new long[clusters];
        }
    }

    public int Parts => _sums.Length;

    public int Clusters { get; }

    public int Columns { get; }

    /// <summary>Zeroes the sums and counts of <paramref name="part"/>.</summary>
    public void Clear(int part)
    {
        Array.Clear(_sums[part]);
        Array.Clear(_counts[part]);
    }

    /// <summary>Adds <paramref name="row"/> to cluster <paramref name="cluster"/>'s sum in <paramref name="part"/>.</summary>
    public void Add(int part, int cluster, ReadOnlySpan<float> row)
    {
        AddWidened(row, _sums[part].AsSpan(cluster * Columns, Columns));
        _counts[part][cluster]++;
    }

    /// <summary>Adds the parts in order into <paramref name="sums"/> (clusters × columns) and <paramref name="counts"/>.</summary>
    public void Combine(double[] sums, long[] counts)
    {
        Array.Clear(sums);
        Array.Clear(counts);
        for (int p = 0; p < _sums.Length; p++)
        {
            var partSums = _sums[p];
            for (int i = 0; i < sums.Length; i++)
            {
                sums[i] += partSums[i];
            }

            var partCounts = _counts[p];
            for (int c = 0; c < counts.Length; c++)
            {
                counts[c] += partCounts[c];
            }
        }
    }

    /// <summary><c>sum[i] += row[i]</c>, widening each float to double.</summary>
    internal static void AddWidened(ReadOnlySpan<float> row, Span<double> sum)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var rowVectors = MemoryMarshal.Cast<float, Vector<float>>(row);
            var sumVectors = MemoryMarshal.Cast<double, Vector<double>>(sum);
            for (int v = 0; v < rowVectors.Length; v++)
            {
                Vector.Widen(rowVectors[v], out var low, out var high);
                sumVectors[2 * v] += low;
                sumVectors[2 * v + 1] += high;
            }

            i = rowVectors.Length * Vector<float>.Count;
        }

        for (; i < row.Length; i++)
        {
            sum[i] += row[i];
        }
    }
}
