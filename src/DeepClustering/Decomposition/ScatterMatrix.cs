using System.Numerics.Tensors;
using DeepClustering.Data;
using DeepClustering.Numerics.LinearAlgebra;
using DeepClustering.Numerics.Threading;

namespace DeepClustering.Decomposition;

/// <summary>
/// The scatter matrix S = X̄ᵀX̄ of the centred data X̄ = X − 1μᵀ (the covariance times n − 1), in double.
/// Small problems are summed in double throughout; large ones (such as 70,000 × 784) multiply float32 blocks of
/// centred rows with the engine's GEMM and add the blocks' products in double: the centring is done in double
/// before the rounding to float32, so no precision is lost to cancellation, and each float32 sum runs over at
/// most <see cref="BlockRows"/> rows.
/// </summary>
internal static class ScatterMatrix
{
    /// <summary>Below this many multiply-adds (rows × columns²) the scatter matrix is summed in double.</summary>
    internal const long DoublePrecisionWorkLimit = 1L << 28;

    /// <summary>Rows per float32 block of the GEMM path: one block's products are summed in float32.</summary>
    internal const int BlockRows = 1024;

    /// <summary>The mean of each column, summed in double.</summary>
    public static double[] ColumnMeans(DataMatrix data)
    {
        int d = data.Columns;
        var sums = new double[d];
        var values = data.Values;
        for (int i = 0; i < data.Rows; i++)
        {
            var row = values.AsSpan(i * d, d);
            for (int j = 0; j < d; j++)
            {
                sums[j] += row[j];
            }
        }

        for (int j = 0; j < d; j++)
        {
            sums[j] /= data.Rows;
        }

        return sums;
    }

    /// <summary>
    /// S = (X − 1μᵀ)ᵀ(X − 1μᵀ), columns × columns, row-major and symmetric; the path is chosen by the size of the
    /// work (see the class summary).
    /// </summary>
    public static double[] Compute(DataMatrix data, double[] mean, int threads)
    {
        long work = (long)data.Rows * data.Columns * data.Columns;
        return work <= DoublePrecisionWorkLimit
            ? ComputeInDouble(data, mean, threads)
            : ComputeWithFloatBlocks(data, mean, threads);
    }

    /// <summary>The scatter matrix summed in double: one dot product of centred columns per entry.</summary>
    internal static double[] ComputeInDouble(DataMatrix data, double[] mean, int threads)
    {
        int n = data.Rows, d = data.Columns;
        var columns = new double[(long)n * d];
        var values = data.Values;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                columns[(long)j * n + i] = values[i * d + j] - mean[j];
            }
        }

        var scatter = new double[d * d];
        Parallel.For(0, d, new ParallelOptions { MaxDegreeOfParallelism = ThreadCount.Resolve(threads) }, a =>
        {
            var columnA = columns.AsSpan(a * n, n);
            for (int b = a; b < d; b++)
            {
                double dot = TensorPrimitives.Dot<double>(columnA, columns.AsSpan(b * n, n));
                scatter[a * d + b] = dot;
                scatter[b * d + a] = dot;
            }
        });
        return scatter;
    }

    /// <summary>The scatter matrix as a sum over blocks of float32 GEMMs (X̄_blockᵀX̄_block) added in double.</summary>
    internal static double[] ComputeWithFloatBlocks(DataMatrix data, double[] mean, int threads, int blockRows = BlockRows)
    {
        int n = data.Rows, d = data.Columns;
        var scatter = new double[d * d];
        var block = new float[blockRows * d];
        var product = new float[d * d];
        var values = data.Values;
        using var pool = MatrixProduct.Pool(threads);
        for (int start = 0; start < n; start += blockRows)
        {
            int rows = Math.Min(blockRows, n - start);
            for (int i = 0; i < rows; i++)
            {
                int source = (start + i) * d, target = i * d;
                for (int j = 0; j < d; j++)
                {
                    block[target + j] = (float)(values[source + j] - mean[j]);
                }
            }

            MatrixProduct.Multiply(pool, true, false, d, d, rows, 1f, block, d, block, d, 0f, product, d);
            for (int k = 0; k < scatter.Length; k++)
            {
                scatter[k] += product[k];
            }
        }

        // The GEMM's two triangles can differ in the last bit; the eigensolver wants an exactly symmetric matrix.
        for (int a = 0; a < d; a++)
        {
            for (int b = a + 1; b < d; b++)
            {
                double mean2 = 0.5 * (scatter[a * d + b] + scatter[b * d + a]);
                scatter[a * d + b] = mean2;
                scatter[b * d + a] = mean2;
            }
        }

        return scatter;
    }

    internal static int ResolveThreads(int threads) => threads == 0 ? Environment.ProcessorCount : threads;
}
