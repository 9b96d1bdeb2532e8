using System.Numerics;
using System.Runtime.InteropServices;

namespace DeepClustering.Clustering;

/// <summary>Exact squared Euclidean distances, summed directly (no ‖x‖² − 2x·c + ‖c‖² expansion).</summary>
internal static class SquaredDistance
{
    /// <summary>Σ (a − b)², accumulated in single precision as scikit-learn's <c>_euclidean_dense_dense</c>.</summary>
    public static float Between(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"The vectors have {a.Length} and {b.Length} values.", nameof(b));
        }

        int i = 0;
        float sum = 0f;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            var acc = Vector<float>.Zero;
            for (int v = 0; v < va.Length; v++)
            {
                var diff = va[v] - vb[v];
                acc += diff * diff;
            }

            sum = Vector.Sum(acc);
            i = va.Length * Vector<float>.Count;
        }

        for (; i < a.Length; i++)
        {
            float diff = a[i] - b[i];
            sum += diff * diff;
        }

        return sum;
    }

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
                distances[i] = Between(x.AsSpan(i * columns, columns), centers.AsSpan(labels[i] * columns, columns));
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
