namespace DeepClustering.Numerics.Threading;

/// <summary>
/// Splits the rows of a matrix into contiguous parts that run in parallel. The split depends only on the row
/// count (never on the thread count), and each part owns its partial results, which are then combined in part
/// order: the results do not depend on how many threads ran, nor on which thread ran which part.
/// </summary>
internal static class RowParts
{
    /// <summary>Rows handled by one matrix product (scikit-learn's k-means uses 256-row chunks too).</summary>
    public const int ChunkRows = 256;

    /// <summary>Parts at most: enough to keep 16 threads busy and to even out a busy core, few enough to keep per-part sums small.</summary>
    public const int MaxParts = 16;

    /// <summary>
    /// Parts for <paramref name="rows"/> rows: <see cref="MaxParts"/>, but no part smaller than a chunk and at most
    /// <paramref name="maxParts"/>.
    /// </summary>
    public static int Count(int rows, int maxParts = MaxParts)
    {
        int chunks = (rows + ChunkRows - 1) / ChunkRows;
        return Math.Max(1, Math.Min(Math.Min(chunks, MaxParts), maxParts));
    }

    /// <summary>The first row of part <paramref name="part"/> of <paramref name="parts"/>.</summary>
    public static int Start(int rows, int parts, int part) => (int)((long)rows * part / parts);

    /// <summary>Runs <paramref name="body"/> for each part, on at most <paramref name="threads"/> threads.</summary>
    public static void Run(int parts, int threads, Action<int> body)
    {
        if (parts == 1 || threads == 1)
        {
            for (int part = 0; part < parts; part++)
            {
                body(part);
            }

            return;
        }

        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = threads }, body);
    }
}
