using System.Numerics;
using DeepClustering.Clustering.Spatial;
using DeepClustering.Data;
using DeepClustering.Numerics.Distances;

namespace DeepClustering.Clustering.Hierarchical;

/// <summary>
/// The Euclidean distances between all pairs of n rows, the upper triangle row by row as scipy's <c>pdist</c>
/// lays it out, stored in float32: n(n − 1)/2 values, 800 MB for 20,000 rows.
/// </summary>
internal sealed class CondensedDistanceMatrix
{
    /// <summary>The most rows whose condensed matrix fits in one .NET array.</summary>
    public const int MaximumRows = 65_536;

    private CondensedDistanceMatrix(int count, float[] values)
    {
        Count = count;
        Values = values;
    }

    /// <summary>Rows (points).</summary>
    public int Count { get; }

    /// <summary>d(i, j) for i &lt; j at <see cref="Index"/>(n, i, j).</summary>
    public float[] Values { get; }

    /// <summary>scipy's <c>condensed_index</c>: where d(i, j), i &lt; j, lies: n·i − i(i + 1)/2 + (j − i − 1).</summary>
    public static long Index(int n, int i, int j) => (long)n * i - (long)i * (i + 1) / 2 + (j - i - 1);

    /// <summary>d(i, j) for i ≠ j in either order.</summary>
    public float this[int i, int j] => i < j ? Values[Index(Count, i, j)] : Values[Index(Count, j, i)];

    /// <summary>Computes the distances between the rows of <paramref name="data"/> on <paramref name="threads"/> threads.</summary>
    public static CondensedDistanceMatrix Compute(DataMatrix data, int threads, CancellationToken cancellationToken)
    {
        int n = data.Rows;
        if (n > MaximumRows)
        {
            throw new ArgumentException(
                $"The data have {n} rows; this linkage keeps all n(n − 1)/2 pairwise distances and supports at most {MaximumRows} rows.",
                nameof(data));
        }

        var values = GC.AllocateUninitializedArray<float>((int)((long)n * (n - 1) / 2));
        // Rows of the triangle shrink from n − 1 values to none: cut them into blocks of about equal work.
        const int blocks = 256;
        var starts = new int[blocks + 1];
        long total = (long)n * (n - 1) / 2, done = 0;
        int next = 0;
        for (int block = 1; block < blocks; block++)
        {
            long target = total * block / blocks;
            while (next < n && done < target)
            {
                done += n - 1 - next;
                next++;
            }

            starts[block] = next;
        }

        starts[blocks] = n;

        // The rows again, column by column (padded with zeros to whole vectors), so that one vector holds one
        // column of several consecutive rows j.
        int width = Vector<float>.Count;
        int stride = (n + width - 1) / width * width;
        var columns = new float[(long)data.Columns * stride];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < data.Columns; k++)
            {
                columns[(long)k * stride + i] = data.Values[(long)i * data.Columns + k];
            }
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        Parallel.For(0, blocks, parallel, block => ComputeRows(data, columns, stride, starts[block], starts[block + 1], values));
        return new CondensedDistanceMatrix(n, values);
    }

    /// <summary>
    /// Fills rows [<paramref name="start"/>, <paramref name="end"/>) of the triangle, four rows i against one
    /// vector of rows j at a time: each difference in float32, the squares summed in double (so the values are
    /// those of <see cref="SquaredEuclidean.DoubleVectorised"/>, up to the order of the sum).
    /// </summary>
    private static void ComputeRows(DataMatrix data, float[] columns, int stride, int start, int end, float[] values)
    {
        const int group = 4;
        int n = data.Rows, d = data.Columns, width = Vector<float>.Count;
        Span<double> sums = stackalloc double[group * width];
        var centre = new float[group * d];
        for (int i0 = start; i0 < end; i0 += group)
        {
            int rowsHere = Math.Min(group, end - i0);
            for (int r = 0; r < group; r++)
            {
                data.Row(i0 + Math.Min(r, rowsHere - 1)).CopyTo(centre.AsSpan(r * d, d));
            }

            for (int j = (i0 + 1) / width * width; j < n; j += width)
            {
                Vector<double> s0a = default, s0b = default, s1a = default, s1b = default;
                Vector<double> s2a = default, s2b = default, s3a = default, s3b = default;
                for (int k = 0; k < d; k++)
                {
                    var v = new Vector<float>(columns, k * stride + j);
                    Vector.Widen(v - new Vector<float>(centre[k]), out var a, out var b);
                    s0a += a * a;
                    s0b += b * b;
                    Vector.Widen(v - new Vector<float>(centre[d + k]), out a, out b);
                    s1a += a * a;
                    s1b += b * b;
                    Vector.Widen(v - new Vector<float>(centre[2 * d + k]), out a, out b);
                    s2a += a * a;
                    s2b += b * b;
                    Vector.Widen(v - new Vector<float>(centre[3 * d + k]), out a, out b);
                    s3a += a * a;
                    s3b += b * b;
                }

                int half = width / 2;
                s0a.CopyTo(sums[..half]);
                s0b.CopyTo(sums[half..]);
                s1a.CopyTo(sums[width..]);
                s1b.CopyTo(sums[(width + half)..]);
                s2a.CopyTo(sums[(2 * width)..]);
                s2b.CopyTo(sums[(2 * width + half)..]);
                s3a.CopyTo(sums[(3 * width)..]);
                s3b.CopyTo(sums[(3 * width + half)..]);
                for (int r = 0; r < rowsHere; r++)
                {
                    int i = i0 + r;
                    long offset = Index(n, i, i + 1) - (i + 1);
                    for (int lane = Math.Max(0, i + 1 - j); lane < width && j + lane < n; lane++)
                    {
                        values[offset + j + lane] = (float)Math.Sqrt(sums[r * width + lane]);
                    }
                }
            }
        }
    }
}
