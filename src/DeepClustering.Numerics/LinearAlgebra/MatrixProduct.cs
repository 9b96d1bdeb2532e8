using DeepClustering.Numerics.Threading;

namespace DeepClustering.Numerics.LinearAlgebra;

/// <summary>
/// BLAS-style single-precision matrix product on spans, <c>C = alpha·op(A)·op(B) + beta·C</c>, row-major: op(A)
/// is m×k, op(B) is k×n, C is m×n, and each leading dimension is the row stride of the stored matrix. The one
/// float32 GEMM of the project: the tensor engine, k-means, PCA and the neighbour search all run it.
/// </summary>
internal static class MatrixProduct
{
    /// <summary>The product on the pool's threads, or on the calling thread when <paramref name="pool"/> is null.</summary>
    public static unsafe void Multiply(WorkerPool? pool, bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        CheckStoredMatrix(a.Length, transposeA ? k : m, transposeA ? m : k, lda, nameof(a), nameof(lda));
        CheckStoredMatrix(b.Length, transposeB ? n : k, transposeB ? k : n, ldb, nameof(b), nameof(ldb));
        CheckStoredMatrix(c.Length, m, n, ldc, nameof(c), nameof(ldc));
        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (float* pa = a, pb = b, pc = c)
        {
            if (pool is null)
            {
                SingleGemm.Multiply(transposeA, transposeB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
            }
            else
            {
                SingleGemm.MultiplyParallel(pool, transposeA, transposeB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
            }
        }
    }

    /// <summary>
    /// A worker pool for <paramref name="threads"/> threads (0: one per logical processor), or null for one thread,
    /// where <see cref="Multiply"/> then runs on the caller without waking anyone.
    /// </summary>
    public static WorkerPool? Pool(int threads)
    {
        int resolved = ThreadCount.Resolve(threads, nameof(threads));
        return resolved == 1 ? null : new WorkerPool(resolved);
    }

    private static void CheckStoredMatrix(int length, int rows, int columns, int leadingDimension, string name, string leadingName)
    {
        if (leadingDimension < Math.Max(1, columns))
        {
            throw new ArgumentOutOfRangeException(leadingName, leadingDimension,
                $"The leading dimension must be at least the stored matrix's {columns} columns.");
        }

        long needed = rows == 0 ? 0 : (long)(rows - 1) * leadingDimension + columns;
        if (length < needed)
        {
            throw new ArgumentException(
                $"A stored {rows}×{columns} matrix with leading dimension {leadingDimension} needs {needed} values, got {length}.", name);
        }
    }
}
