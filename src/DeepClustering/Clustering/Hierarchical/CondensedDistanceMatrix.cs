using DeepClustering.Clustering.Spatial;
using DeepClustering.Data;

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

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        Parallel.For(0, blocks, parallel, block =>
        {
            for (int i = starts[block]; i < starts[block + 1]; i++)
            {
                var rowI = data.Row(i);
                long offset = Index(n, i, i + 1);
                for (int j = i + 1; j < n; j++)
                {
                    values[offset + j - i - 1] = (float)Math.Sqrt(SquaredEuclidean.DistanceVectorised(rowI, data.Row(j)));
                }
            }
        });
        return new CondensedDistanceMatrix(n, values);
    }
}
