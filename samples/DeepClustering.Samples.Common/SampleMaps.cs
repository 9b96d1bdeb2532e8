using DeepClustering.Data;
using DeepClustering.Manifold;

namespace DeepClustering.Samples;

/// <summary>Two-dimensional maps of an embedding for the scatter figures.</summary>
public static class SampleMaps
{
    /// <summary>
    /// A t-SNE map (perplexity 30, scikit-learn's defaults) of at most <paramref name="maxPoints"/> rows of
    /// <paramref name="points"/>, chosen at random with <paramref name="seed"/> (all of them when there are fewer), and
    /// the chosen rows in ascending order.
    /// </summary>
    public static (DataMatrix Map, int[] Rows) Tsne(DataMatrix points, int maxPoints, long seed, int threads)
    {
        ArgumentNullException.ThrowIfNull(points);
        int[] rows = Choose(points.Rows, maxPoints, seed);
        var values = new float[rows.Length * points.Columns];
        for (int r = 0; r < rows.Length; r++)
        {
            points.Row(rows[r]).CopyTo(values.AsSpan(r * points.Columns, points.Columns));
        }

        var result = new Tsne(new TsneOptions { Seed = seed, Threads = threads }).Fit(new DataMatrix(values, rows.Length, points.Columns));
        return (result.Embedding, rows);
    }

    /// <summary>The values at <paramref name="rows"/>.</summary>
    public static int[] Select(IReadOnlyList<int> values, int[] rows) => rows.Select(r => values[r]).ToArray();

    /// <summary><paramref name="count"/> of <paramref name="total"/> indices at random (Fisher-Yates with a seed), sorted.</summary>
    public static int[] Choose(int total, int count, long seed)
    {
        var all = Enumerable.Range(0, total).ToArray();
        if (count >= total)
        {
            return all;
        }

        var random = new Random(unchecked((int)seed ^ (int)(seed >> 32)));
        for (int i = 0; i < count; i++)
        {
            int j = random.Next(i, total);
            (all[i], all[j]) = (all[j], all[i]);
        }

        return all[..count].Order().ToArray();
    }
}
