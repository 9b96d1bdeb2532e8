using System.Numerics.Tensors;
using System.Numerics;
using System.Runtime.InteropServices;
using DeepClustering.Numerics.Threading;

namespace DeepClustering.Clustering;

/// <summary>
/// The data preparation of k-means: the column means, a copy of the data with those means subtracted (as
/// scikit-learn does, which keeps the distance expansion accurate), and the absolute tolerance.
/// </summary>
internal static class KMeansDataPreparation
{
    /// <summary>
    /// scikit-learn's <c>_tolerance(X, tol)</c>: <c>tol · mean(var(X, axis=0))</c>, the bound on the summed
    /// squared shift of the centres below which Lloyd's iterations stop.
    /// </summary>
    public static double Absolute(double relativeTolerance, double meanColumnVariance) =>
        relativeTolerance == 0 ? 0 : relativeTolerance * meanColumnVariance;

    /// <summary>The mean of each column of <paramref name="x"/> (rows × columns), summed in double precision.</summary>
    public static double[] ColumnMeans(float[] x, int rows, int columns, int threads)
    {
        var sums = ColumnSums(x, rows, columns, threads, squares: false);
        for (int c = 0; c < columns; c++)
        {
            sums[c] /= rows;
        }

        return sums;
    }

    /// <summary>
    /// The mean over columns of each column's (population) variance, NumPy's <c>np.mean(np.var(X, axis=0))</c>,
    /// as mean(x²) − mean(x)² in double precision: accurate when the columns' means are small beside their spread,
    /// as for the centred copy or unit-norm rows.
    /// </summary>
    public static double MeanColumnVariance(float[] x, int rows, int columns, int threads)
    {
        var sums = ColumnSums(x, rows, columns, threads, squares: false);
        var squares = ColumnSums(x, rows, columns, threads, squares: true);
        double total = 0;
        for (int c = 0; c < columns; c++)
        {
            double mean = sums[c] / rows;
            total += Math.Max(0, squares[c] / rows - mean * mean);
        }

        return total / columns;
    }

    /// <summary>A copy of the row-major <paramref name="values"/> with <paramref name="shift"/> subtracted from each row.</summary>
    public static float[] Centered(float[] values, int columns, float[] shift, int threads) => Centered(values, columns, shift, 1f, threads);

    /// <summary>
    /// (x − shift) · <paramref name="scale"/> for every row, computed as x·scale − shift·scale so that nothing overflows
    /// on the way: the scale is a power of two (<see cref="OverflowSafeScale"/>), so both products are exact.
    /// </summary>
    public static float[] Centered(float[] values, int columns, float[] shift, float scale, int threads)
    {
        int rows = values.Length / columns;
        var result = new float[values.Length];
        var scaledShift = new float[columns];
        TensorPrimitives.Multiply(shift, scale, scaledShift);
        int parts = RowParts.Count(rows);
        RowParts.Run(parts, threads, part =>
        {
            int end = RowParts.Start(rows, parts, part + 1);
            for (int r = RowParts.Start(rows, parts, part); r < end; r++)
            {
                var row = result.AsSpan(r * columns, columns);
                if (scale == 1f)
                {
                    TensorPrimitives.Subtract(values.AsSpan(r * columns, columns), shift, row);
                }
                else
                {
                    TensorPrimitives.Multiply(values.AsSpan(r * columns, columns), scale, row);
                    TensorPrimitives.Subtract(row, scaledShift, row);
                }
            }
        });
        return result;
    }

    /// <summary>The magnitude above which squared distances could overflow float32: 2⁴⁰ (its square times a million columns stays finite).</summary>
    internal const float OverflowThreshold = 1.099511627776e12f;

    /// <summary>
    /// A power of two that brings the data's largest magnitude to about 2³² when it exceeds <see cref="OverflowThreshold"/>,
    /// else 1. Squared distances of values near ±3·10³⁸ would overflow; scaling by a power of two is exact and keeps every
    /// nearest centre, so k-means runs on the scaled rows and its centres and inertia are scaled back.
    /// </summary>
    public static float OverflowSafeScale(float[] values)
    {
        float largest = TensorPrimitives.MaxMagnitude(values);
        return Math.Abs(largest) > OverflowThreshold ? MathF.ScaleB(1f, 32 - MathF.ILogB(Math.Abs(largest))) : 1f;
    }

    /// <summary>Σ over rows of x (or x²) for each column, per part in double precision, then added in part order.</summary>
    private static double[] ColumnSums(float[] x, int rows, int columns, int threads, bool squares)
    {
        int parts = RowParts.Count(rows);
        var partSums = new double[parts][];
        RowParts.Run(parts, threads, part =>
        {
            var sum = new double[columns];
            var square = squares ? new float[columns] : null;
            int end = RowParts.Start(rows, parts, part + 1);
            for (int r = RowParts.Start(rows, parts, part); r < end; r++)
            {
                var row = x.AsSpan(r * columns, columns);
                if (square is not null)
                {
                    TensorPrimitives.Multiply(row, row, square);
                    row = square;
                }

                ClusterSums.AddWidened(row, sum);
            }

            partSums[part] = sum;
        });

        var total = new double[columns];
        foreach (var sum in partSums)
        {
            for (int c = 0; c < columns; c++)
            {
                total[c] += sum[c];
            }
        }

        return total;
    }
}
