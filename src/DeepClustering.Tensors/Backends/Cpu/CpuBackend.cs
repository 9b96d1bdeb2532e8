using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using DeepClustering.Numerics.LinearAlgebra;
using DeepClustering.Numerics.Threading;
using DeepClustering.Tensors.Backends.Cpu.Kernels;

namespace DeepClustering.Tensors.Backends.Cpu;

/// <summary>
/// The managed CPU backend: a packed, cache-blocked GEMM with 512- or 256-bit FMA micro-kernels, convolutions
/// through im2row on that GEMM, and vectorised element-wise kernels, spread over a pool of threads that this
/// backend owns. Dispose it to stop its threads (it waits for an operation in flight); every operation after it throws
/// <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed partial class CpuBackend : IComputeBackend
{
    private readonly WorkerPool _pool;
    private volatile bool _disposed;

    /// <summary>Creates a CPU backend with one thread per logical processor.</summary>
    public CpuBackend()
        : this(new CpuBackendOptions())
    {
    }

    /// <summary>Creates a CPU backend with the given options.</summary>
    public CpuBackend(CpuBackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _pool = new WorkerPool(options.ResolveThreads());
        string isa = SingleGemm.Uses512BitKernel ? "AVX-512" : Vector256.IsHardwareAccelerated ? "AVX2" : "portable";
        Name = $"CPU ({_pool.ThreadCount} threads, {isa})";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Threads that run kernels, the calling thread included.</summary>
    public int Threads => _pool.ThreadCount;

    internal WorkerPool Pool => _pool;

    /// <inheritdoc />
    public unsafe void MatrixMultiply(Tensor a, bool transposeA, Tensor b, bool transposeB, Tensor c, float alpha = 1f, float beta = 0f)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var (aRows, aColumns) = MatrixShape(a, nameof(a));
        var (bRows, bColumns) = MatrixShape(b, nameof(b));
        var (cRows, cColumns) = MatrixShape(c, nameof(c));
        int m = transposeA ? aColumns : aRows;
        int k = transposeA ? aRows : aColumns;
        int kB = transposeB ? bColumns : bRows;
        int n = transposeB ? bRows : bColumns;
        if (k != kB)
        {
            throw new ArgumentException(
                $"Inner dimensions differ: op(a) is {m}×{k} (shape {TensorShape.Format(a.Shape)}), op(b) is {kB}×{n} (shape {TensorShape.Format(b.Shape)}).",
                nameof(b));
        }

        if (cRows != m || cColumns != n)
        {
            throw new ArgumentException(
                $"The product of a {TensorShape.Format(a.Shape)} and b {TensorShape.Format(b.Shape)} has shape [{m}, {n}] but c has shape {TensorShape.Format(c.Shape)}.",
                nameof(c));
        }

        RequireCpu(a, nameof(a));
        RequireCpu(b, nameof(b));
        RequireCpu(c, nameof(c));
        fixed (float* pa = a.Data, pb = b.Data, pc = c.Data)
        {
            SingleGemm.MultiplyParallel(_pool, transposeA, transposeB, m, n, k, alpha, pa, aColumns, pb, bColumns, beta, pc, cColumns);
        }
    }

    /// <summary>
    /// BLAS-style single-precision matrix product on spans, <c>C = alpha·op(A)·op(B) + beta·C</c>, row-major:
    /// op(A) is m×k, op(B) is k×n, C is m×n, and each leading dimension is the row stride of the stored matrix.
    /// Runs on this backend's threads. For code that holds its data in arrays rather than tensors.
    /// </summary>
    public void Sgemm(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        MatrixProduct.Multiply(_pool, transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /// <inheritdoc />
    public unsafe void LinearForward(Tensor x, Tensor weight, Tensor? bias, Tensor y)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var (batch, inFeatures) = MatrixShape(x, nameof(x));
        int outFeatures = weight.Size(0);
        TensorShape.Require(weight, [outFeatures, inFeatures], nameof(weight));
        TensorShape.Require(y, [batch, outFeatures], nameof(y));
        float beta = 0f;
        if (bias is not null)
        {
            TensorShape.Require(bias, [outFeatures], nameof(bias));
            var b = bias.AsSpan();
            for (int i = 0; i < batch; i++)
            {
                b.CopyTo(y.Data.AsSpan(i * outFeatures, outFeatures));
            }

            beta = 1f;
        }

        fixed (float* px = x.Data, pw = weight.Data, py = y.Data)
        {
            SingleGemm.MultiplyParallel(_pool, false, true, batch, outFeatures, inFeatures, 1f, px, inFeatures, pw, inFeatures, beta, py, outFeatures);
        }
    }

    /// <inheritdoc />
    public unsafe void LinearBackward(Tensor dy, Tensor x, Tensor weight, Tensor? dx, Tensor? dWeight, bool accumulate)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var (batch, inFeatures) = MatrixShape(x, nameof(x));
        int outFeatures = weight.Size(0);
        TensorShape.Require(weight, [outFeatures, inFeatures], nameof(weight));
        TensorShape.Require(dy, [batch, outFeatures], nameof(dy));
        fixed (float* pdy = dy.Data, px = x.Data, pw = weight.Data)
        {
            if (dx is not null)
            {
                TensorShape.Require(dx, [batch, inFeatures], nameof(dx));
                fixed (float* pdx = dx.Data)
                {
                    SingleGemm.MultiplyParallel(_pool, false, false, batch, inFeatures, outFeatures, 1f, pdy, outFeatures, pw, inFeatures, 0f, pdx, inFeatures);
                }
            }

            if (dWeight is not null)
            {
                TensorShape.Require(dWeight, [outFeatures, inFeatures], nameof(dWeight));
                fixed (float* pdw = dWeight.Data)
                {
                    SingleGemm.MultiplyParallel(_pool, true, false, outFeatures, inFeatures, batch, 1f, pdy, outFeatures, px, inFeatures,
                        accumulate ? 1f : 0f, pdw, inFeatures);
                }
            }
        }
    }

    /// <summary>Disposes the worker threads.</summary>
    public void Dispose()
    {
        _disposed = true;
        _pool.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private static (int Rows, int Columns) MatrixShape(Tensor t, string name)
    {
        ArgumentNullException.ThrowIfNull(t, name);
        if (t.Rank != 2)
        {
            throw new ArgumentException($"Expected a matrix (rank 2) but got shape {TensorShape.Format(t.Shape)}.", name);
        }

        return (t.Size(0), t.Size(1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RequireCpu(Tensor t, string name)
    {
        if (t.Backend is not CpuBackend)
        {
            throw new ArgumentException($"The tensor {t} lives on backend '{t.Backend.Name}', not on the CPU ('{Name}').", name);
        }
    }
}
