using DeepClustering.Data;

namespace DeepClustering.Embeddings.Affinities;

/// <summary>Squared Euclidean distances between rows, summed in double from the differences (no cancellation).</summary>
internal static class SquaredDistances
{
    /// <summary>‖xᵢ − xⱼ‖² of two rows.</summary>
    public static double Between(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double difference = (double)a[j] - b[j];
            sum += difference * difference;
        }

        return sum;
    }

    /// <summary>All n × n squared distances, row-major, diagonal 0.</summary>
    public static double[] Pairwise(DataMatrix data, ParallelOptions parallel)
    {
        int n = data.Rows;
        var distances = new double[(long)n * n];
        Parallel.For(0, n, parallel, i =>
        {
            var row = data.Row(i);
            for (int j = i + 1; j < n; j++)
            {
                double d2 = Between(row, data.Row(j));
                distances[(long)i * n + j] = d2;
                distances[(long)j * n + i] = d2;
            }
        });
        return distances;
    }
}
