using DeepClustering.Numerics.Distances;
using DeepClustering.Numerics.Threading;

namespace DeepClustering.Clustering;

/// <summary>k-means' exact squared distances of rows to their assigned centres, and the inertia they sum to.</summary>
internal static class SquaredDistance
{
    /// <summary>
    /// The squared distance of each row of <paramref name="x"/> (rows × columns) to its labelled centre, in
    /// parallel over rows.
    /// </summary>
    public static float[] ToAssignedCenters(float[] x, int rows, int columns, float[] centers, int[] labels, int threads)
    {
        var distances = new float[rows];
        int parts = RowParts.Count(rows);
        RowParts.Run(parts, threads, part =>
        {
            int end = RowParts.Start(rows, parts, part + 1);
            for (int i = RowParts.Start(rows, parts, part); i < end; i++)
            {
                distances[i] = SquaredEuclidean.Single(x.AsSpan(i * columns, columns), centers.AsSpan(labels[i] * columns, columns));
            }
        });
        return distances;
    }

    /// <summary>Σᵢ ‖xᵢ − c_labels[i]‖², each row's sum in single precision and the total in double.</summary>
    public static double Inertia(float[] x, int rows, int columns, float[] centers, int[] labels, int threads)
    {
        var distances = ToAssignedCenters(x, rows, columns, centers, labels, threads);
        double total = 0;
        foreach (float d in distances)
        {
            total += d;
        }

        return total;
    }
}
