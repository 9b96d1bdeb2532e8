using DeepClustering.Data;

namespace DeepClustering.Tests.Manifold;

/// <summary>How well an embedding keeps classes apart: leave-one-out k-nearest-neighbour accuracy.</summary>
internal static class TsneQuality
{
    /// <summary>
    /// The share of rows whose label is the majority label among their k nearest other rows (ties to the nearest
    /// of the tied labels' neighbours).
    /// </summary>
    public static double NearestNeighbourAccuracy(DataMatrix embedding, int[] labels, int k)
    {
        int n = embedding.Rows, correct = 0;
        for (int i = 0; i < n; i++)
        {
            var row = embedding.Row(i).ToArray();
            var nearest = Enumerable.Range(0, n).Where(j => j != i)
                .OrderBy(j => Distance(row, embedding.Row(j))).ThenBy(j => j).Take(k).ToArray();
            int vote = nearest.GroupBy(j => labels[j])
                .OrderByDescending(g => g.Count()).ThenBy(g => Array.IndexOf(nearest, g.First()))
                .First().Key;
            correct += vote == labels[i] ? 1 : 0;
        }

        return (double)correct / n;
    }

    private static double Distance(float[] a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double d = a[j] - b[j];
            sum += d * d;
        }

        return sum;
    }
}
