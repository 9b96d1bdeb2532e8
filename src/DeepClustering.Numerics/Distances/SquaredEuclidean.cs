using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace DeepClustering.Numerics.Distances;

/// <summary>
/// Squared Euclidean distances summed from the differences (no ‖a‖² − 2a·b + ‖b‖² expansion, so no cancellation),
/// in the two precisions the library needs, and the squared row norms that the expanded form uses.
/// </summary>
internal static class SquaredEuclidean
{
    /// <summary>Σ (a − b)², accumulated in single precision as scikit-learn's <c>_euclidean_dense_dense</c>.</summary>
    public static float Single(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
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
    /// Σ (a − b)², each difference and the sum in double precision, in column order: the value scikit-learn's
    /// k-d tree compares with eps² (it converts float32 data to float64 first), so radius queries decide points at
    /// the boundary the same way.
    /// </summary>
    public static double Double(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"The vectors have {a.Length} and {b.Length} values.", nameof(b));
        }

        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double difference = (double)a[j] - b[j];
            sum += difference * difference;
        }

        return sum;
    }

    /// <summary>
    /// Σₖ (aₖ − bₖ)² for long rows: the differences are taken in float32 SIMD lanes, then squared and summed in
    /// double, so the result differs from <see cref="Double"/> only by the rounding of each difference
    /// (relative 2⁻²⁴). Short rows (fewer than two vectors) use <see cref="Double"/> itself.
    /// </summary>
    public static double DoubleVectorised(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int width = Vector<float>.Count;
        if (a.Length < 2 * width)
        {
            return Double(a, b);
        }

        var sum = Vector<double>.Zero;
        int k = 0;
        for (; k <= a.Length - width; k += width)
        {
            var difference = new Vector<float>(a.Slice(k, width)) - new Vector<float>(b.Slice(k, width));
            Vector.Widen(difference, out var low, out var high);
            sum += low * low + high * high;
        }

        double total = Vector.Sum(sum);
        for (; k < a.Length; k++)
        {
            double difference = (double)a[k] - b[k];
            total += difference * difference;
        }

        return total;
    }

    /// <summary>All rows × rows squared distances (<see cref="Double"/>) of a row-major matrix, row-major, diagonal 0.</summary>
    public static double[] Pairwise(float[] values, int rows, int columns, ParallelOptions parallel)
    {
        var distances = new double[(long)rows * rows];
        Parallel.For(0, rows, parallel, i =>
        {
            var row = values.AsSpan(i * columns, columns);
            for (int j = i + 1; j < rows; j++)
            {
                double d2 = Double(row, values.AsSpan(j * columns, columns));
                distances[(long)i * rows + j] = d2;
                distances[(long)j * rows + i] = d2;
            }
        });
        return distances;
    }

    /// <summary>‖r‖² of each of the <paramref name="rows"/> rows of a row-major matrix, in single precision.</summary>
    public static float[] RowNorms(float[] matrix, int rows, int columns)
    {
        var norms = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            norms[r] = TensorPrimitives.SumOfSquares(matrix.AsSpan(r * columns, columns));
        }

        return norms;
    }
}
