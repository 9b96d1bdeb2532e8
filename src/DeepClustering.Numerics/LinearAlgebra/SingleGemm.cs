using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using DeepClustering.Numerics.Threading;

namespace DeepClustering.Numerics.LinearAlgebra;

/// <summary>
/// Single-precision general matrix multiply, <c>C = alpha·op(A)·op(B) + beta·C</c>, row-major, in the style
/// of Goto and van de Geijn ("Anatomy of high-performance matrix multiplication", 2008): B is packed into
/// k-by-NR panels, A into MR-by-k slivers, both cache-blocked, and a register-blocked micro-kernel computes
/// each MR×NR tile of C. <see cref="MultiplyParallel"/> splits C between the threads of a <see cref="WorkerPool"/>.
/// </summary>
internal static unsafe class SingleGemm
{
    /// <summary>Depth of a packed block; a 32-wide B panel of this depth is 32 KiB, the size of a Zen 4 / Skylake L1.</summary>
    internal const int BlockDepth = 256;

    /// <summary>Columns of B packed at once (at most 3 MiB of packed B per thread).</summary>
    internal const int BlockColumns = 3072;

    /// <summary>Rows of A per packed block, as slivers of the kernel's height (about 128 KiB of packed A, in L2).</summary>
    internal const int BlockRowSlivers = 16;

    /// <summary>Below this many multiply-adds a product runs on one thread: waking workers costs more than it saves.</summary>
    internal const long ParallelThreshold = 1 << 17;

    [ThreadStatic] private static float[]? t_packA;
    [ThreadStatic] private static float[]? t_packB;
    [ThreadStatic] private static GemmWork? t_work;

    /// <summary>Whether the 512-bit kernel is used (otherwise the 256-bit one).</summary>
    public static bool Uses512BitKernel { get; } = Vector512.IsHardwareAccelerated;

    private static int KernelRows => Uses512BitKernel ? SingleGemmMicroKernels.Rows512 : SingleGemmMicroKernels.Rows256;

    private static int KernelColumns => Uses512BitKernel ? SingleGemmMicroKernels.Columns512 : SingleGemmMicroKernels.Columns256;

    /// <summary>Runs the product on the pool's threads, splitting C into row or column strips.</summary>
    public static void MultiplyParallel(WorkerPool pool, bool transA, bool transB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc)
    {
        long work = (long)m * n * k;
        int threads = pool.ThreadCount;
        if (threads == 1 || work < ParallelThreshold)
        {
            Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }

        var job = t_work ??= new GemmWork();
        bool splitRows = m >= n;
        int align = splitRows ? KernelRows : KernelColumns;
        int extent = splitRows ? m : n;
        int units = (extent + align - 1) / align;
        int parts = Math.Min(threads, units);
        if (parts <= 1)
        {
            Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }

        job.Set(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, splitRows, align, units, parts);
        pool.Run(job, parts);
    }

    /// <summary>The product on the calling thread.</summary>
    public static void Multiply(bool transA, bool transB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc)
    {
        if (m <= 0 || n <= 0)
        {
            return;
        }

        if (k <= 0 || alpha == 0f)
        {
            ScaleMatrix(c, m, n, ldc, beta);
            return;
        }

        if (beta != 0f && beta != 1f)
        {
            ScaleMatrix(c, m, n, ldc, beta);
            beta = 1f;
        }

        int mr = KernelRows;
        int nr = KernelColumns;
        int blockRows = BlockRowSlivers * mr;
        int packASize = blockRows * BlockDepth;
        int packBSize = BlockColumns * BlockDepth;
        float* packA = AlignedBuffer(ref t_packA, packASize);
        float* packB = AlignedBuffer(ref t_packB, packBSize);
        float* tile = stackalloc float[SingleGemmMicroKernels.Rows512 * SingleGemmMicroKernels.Columns512];

        for (int jc = 0; jc < n; jc += BlockColumns)
        {
            int nc = Math.Min(BlockColumns, n - jc);
            for (int pc = 0; pc < k; pc += BlockDepth)
            {
                int kc = Math.Min(BlockDepth, k - pc);
                bool accumulate = pc > 0 || beta != 0f;
                PackB(transB, b, ldb, pc, jc, kc, nc, nr, packB);
                for (int ic = 0; ic < m; ic += blockRows)
                {
                    int mc = Math.Min(blockRows, m - ic);
                    PackA(transA, a, lda, ic, pc, mc, kc, mr, alpha, packA);
                    for (int jr = 0; jr < nc; jr += nr)
                    {
                        int tileColumns = Math.Min(nr, nc - jr);
                        float* panelB = packB + (long)jr * kc;
                        for (int ir = 0; ir < mc; ir += mr)
                        {
                            int tileRows = Math.Min(mr, mc - ir);
                            float* sliverA = packA + (long)ir * kc;
                            float* cTile = c + (long)(ic + ir) * ldc + jc + jr;
                            if (tileRows == mr && tileColumns == nr)
                            {
                                RunKernel(kc, sliverA, panelB, cTile, ldc, accumulate);
                            }
                            else
                            {
                                RunKernel(kc, sliverA, panelB, tile, nr, accumulate: false);
                                MergeTile(tile, nr, cTile, ldc, tileRows, tileColumns, accumulate);
                            }
                        }
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunKernel(int kc, float* a, float* b, float* c, int ldc, bool accumulate)
    {
        if (Uses512BitKernel)
        {
            SingleGemmMicroKernels.Kernel8x32(kc, a, b, c, ldc, accumulate);
        }
        else
        {
            SingleGemmMicroKernels.Kernel6x16(kc, a, b, c, ldc, accumulate);
        }
    }

    private static void MergeTile(float* tile, int tileStride, float* c, int ldc, int rows, int columns, bool accumulate)
    {
        for (int i = 0; i < rows; i++)
        {
            float* src = tile + i * tileStride;
            float* dst = c + (long)i * ldc;
            if (accumulate)
            {
                for (int j = 0; j < columns; j++)
                {
                    dst[j] += src[j];
                }
            }
            else
            {
                new ReadOnlySpan<float>(src, columns).CopyTo(new Span<float>(dst, columns));
            }
        }
    }

    /// <summary>Packs rows ic … ic+mc−1, depths pc … pc+kc−1 of op(A), times alpha, into MR-row slivers (zero-padded).</summary>
    private static void PackA(bool transA, float* a, int lda, int ic, int pc, int mc, int kc, int mr, float alpha, float* dst)
    {
        for (int s = 0; s < mc; s += mr)
        {
            int rows = Math.Min(mr, mc - s);
            float* sliver = dst + (long)s * kc;
            if (!transA)
            {
                if (rows == 8 && mr == 8)
                {
                    PackEightRows(a + (long)(ic + s) * lda + pc, lda, kc, alpha, sliver);
                    continue;
                }

                for (int r = 0; r < mr; r++)
                {
                    if (r < rows)
                    {
                        float* src = a + (long)(ic + s + r) * lda + pc;
                        for (int p = 0; p < kc; p++)
                        {
                            sliver[p * mr + r] = alpha * src[p];
                        }
                    }
                    else
                    {
                        for (int p = 0; p < kc; p++)
                        {
                            sliver[p * mr + r] = 0f;
                        }
                    }
                }
            }
            else
            {
                for (int p = 0; p < kc; p++)
                {
                    float* src = a + (long)(pc + p) * lda + ic + s;
                    float* d = sliver + p * mr;
                    int r = 0;
                    for (; r < rows; r++)
                    {
                        d[r] = alpha * src[r];
                    }

                    for (; r < mr; r++)
                    {
                        d[r] = 0f;
                    }
                }
            }
        }
    }

    /// <summary>Interleaves eight rows (a transpose of an 8×kc block): dst[p·stride + r] = alpha · a[r, p].</summary>
    private static void PackEightRows(float* a, int lda, int kc, float alpha, float* dst, int stride = 8)
    {
        float* r0 = a, r1 = a + lda, r2 = a + 2 * lda, r3 = a + 3 * lda;
        float* r4 = a + 4 * lda, r5 = a + 5 * lda, r6 = a + 6 * lda, r7 = a + 7 * lda;
        for (int p = 0; p < kc; p++, dst += stride)
        {
            dst[0] = alpha * r0[p];
            dst[1] = alpha * r1[p];
            dst[2] = alpha * r2[p];
            dst[3] = alpha * r3[p];
            dst[4] = alpha * r4[p];
            dst[5] = alpha * r5[p];
            dst[6] = alpha * r6[p];
            dst[7] = alpha * r7[p];
        }
    }

    /// <summary>Packs depths pc … pc+kc−1, columns jc … jc+nc−1 of op(B) into NR-column panels (zero-padded).</summary>
    private static void PackB(bool transB, float* b, int ldb, int pc, int jc, int kc, int nc, int nr, float* dst)
    {
        for (int t = 0; t < nc; t += nr)
        {
            int columns = Math.Min(nr, nc - t);
            float* panel = dst + (long)t * kc;
            if (!transB)
            {
                for (int p = 0; p < kc; p++)
                {
                    float* src = b + (long)(pc + p) * ldb + jc + t;
                    float* d = panel + p * nr;
                    if (columns == nr)
                    {
                        new ReadOnlySpan<float>(src, nr).CopyTo(new Span<float>(d, nr));
                    }
                    else
                    {
                        int j = 0;
                        for (; j < columns; j++)
                        {
                            d[j] = src[j];
                        }

                        for (; j < nr; j++)
                        {
                            d[j] = 0f;
                        }
                    }
                }
            }
            else
            {
                int fullGroups = columns / 8;
                for (int group = 0; group < fullGroups; group++)
                {
                    PackEightRows(b + (long)(jc + t + group * 8) * ldb + pc, ldb, kc, 1f, panel + group * 8, nr);
                }

                for (int j = fullGroups * 8; j < nr; j++)
                {
                    if (j < columns)
                    {
                        float* src = b + (long)(jc + t + j) * ldb + pc;
                        for (int p = 0; p < kc; p++)
                        {
                            panel[p * nr + j] = src[p];
                        }
                    }
                    else
                    {
                        for (int p = 0; p < kc; p++)
                        {
                            panel[p * nr + j] = 0f;
                        }
                    }
                }
            }
        }
    }

    private static void ScaleMatrix(float* c, int m, int n, int ldc, float beta)
    {
        for (int i = 0; i < m; i++)
        {
            var row = new Span<float>(c + (long)i * ldc, n);
            if (beta == 0f)
            {
                row.Clear();
            }
            else if (beta != 1f)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(row, beta, row);
            }
        }
    }

    /// <summary>A pinned per-thread buffer of at least <paramref name="size"/> floats, aligned to 64 bytes.</summary>
    private static float* AlignedBuffer(ref float[]? buffer, int size)
    {
        const int AlignmentFloats = 16;
        if (buffer is null || buffer.Length < size + AlignmentFloats)
        {
            buffer = GC.AllocateUninitializedArray<float>(size + AlignmentFloats, pinned: true);
        }

        float* start = (float*)Unsafe.AsPointer(ref buffer[0]);
        long misalignment = ((long)start & 63) / sizeof(float);
        return misalignment == 0 ? start : start + (AlignmentFloats - misalignment);
    }

    /// <summary>One strip of C per part.</summary>
    private sealed class GemmWork : IParallelWork
    {
        private bool _transA, _transB, _splitRows;
        private int _m, _n, _k, _lda, _ldb, _ldc, _align, _units, _parts;
        private float _alpha, _beta;
        private float* _a, _b, _c;

        public void Set(bool transA, bool transB, int m, int n, int k, float alpha, float* a, int lda, float* b, int ldb,
            float beta, float* c, int ldc, bool splitRows, int align, int units, int parts)
        {
            (_transA, _transB, _m, _n, _k, _alpha, _lda, _ldb, _beta, _ldc) =
                (transA, transB, m, n, k, alpha, lda, ldb, beta, ldc);
            _a = a;
            _b = b;
            _c = c;
            (_splitRows, _align, _units, _parts) = (splitRows, align, units, parts);
        }

        public void Execute(int part)
        {
            int firstUnit = (int)((long)_units * part / _parts);
            int endUnit = (int)((long)_units * (part + 1) / _parts);
            int extent = _splitRows ? _m : _n;
            int start = firstUnit * _align;
            int end = Math.Min(extent, endUnit * _align);
            if (end <= start)
            {
                return;
            }

            if (_splitRows)
            {
                float* a = _transA ? _a + start : _a + (long)start * _lda;
                Multiply(_transA, _transB, end - start, _n, _k, _alpha, a, _lda, _b, _ldb, _beta, _c + (long)start * _ldc, _ldc);
            }
            else
            {
                float* b = _transB ? _b + (long)start * _ldb : _b + start;
                Multiply(_transA, _transB, _m, end - start, _k, _alpha, _a, _lda, b, _ldb, _beta, _c + start, _ldc);
            }
        }
    }
}
