using System.Numerics;

namespace DeepClustering.Clustering.Spatial;

/// <summary>
/// The squared Euclidean distance Σₖ (aₖ − bₖ)² of two float rows, accumulated in double in column order: the
/// value scikit-learn's k-d tree compares with eps² (it converts float32 data to float64 first), so radius
/// queries decide points at the boundary the same way.
/// </summary>
internal static class SquaredEuclidean
{
    /// <summary>Σₖ (aₖ − bₖ)² in double precision.</summary>
    public static double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (int k = 0; k < a.Length; k++)
        {
            double difference = (double)a[k] - b[k];
            sum += difference * difference;
        }

        return sum;
    }

    /// <summary>
    /// Σₖ (aₖ − bₖ)² for long rows: the differences are taken in float32 SIMD lanes, then squared and summed in
    /// double, so the result differs from <see cref="Distance"/> only by the rounding of each difference
    /// (relative 2⁻²⁴). Short rows (fewer than two vectors) use <see cref="Distance"/> itself.
    /// </summary>
    public static double DistanceVectorised(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int width = Vector<float>.Count;
        if (a.Length < 2 * width)
        {
            return Distance(a, b);
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
}
