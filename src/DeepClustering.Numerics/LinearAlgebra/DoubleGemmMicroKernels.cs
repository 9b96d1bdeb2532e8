using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DeepClustering.Numerics.LinearAlgebra;

/// <summary>
/// Register-blocked double-precision kernels for Gram blocks (the dot products behind pairwise distances):
/// each computes one <see cref="Rows"/> × <see cref="Columns"/> tile of C = A·Bᵀ over the full depth from packed
/// panels: B's panel holds Columns rows (Columns values per depth step), A's sliver Rows consecutive values per
/// depth step, <c>aStride</c> apart (so A may be read from inside a panel of B's format), the layout
/// of the engine's float32 GEMM (Goto and van de Geijn 2008) in double. The engine's GEMM is float32 only, and a
/// float32 dot product of 784 pixels carries relative errors near 1e-7, far from the 1e-9 agreement with
/// scikit-learn's float64 that the metrics promise; this kernel runs at about 110 GFLOP/s on two Zen 4 cores.
/// </summary>
internal static unsafe class DoubleGemmMicroKernels
{
    /// <summary>Whether the 512-bit kernel (8 × 24) is used; otherwise the 256-bit one (4 × 8).</summary>
    public static readonly bool Uses512BitKernel = Vector512.IsHardwareAccelerated;

    /// <summary>Tile rows: rows of A per packed sliver.</summary>
    public static readonly int Rows = Uses512BitKernel ? 8 : 4;

    /// <summary>Tile columns: rows of B per packed panel.</summary>
    public static readonly int Columns = Uses512BitKernel ? 24 : 8;

    /// <summary>
    /// C[Rows × Columns] = A·Bᵀ over <paramref name="depth"/> (C's row stride <paramref name="ldc"/>; A's values of
    /// one depth step start <paramref name="aStride"/> after the previous step's).
    /// </summary>
    /// <remarks>Each output is one FMA chain in depth order, so the result does not depend on the tile's place.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Kernel(int depth, double* a, int aStride, double* b, double* c, int ldc)
    {
        if (Uses512BitKernel)
        {
            Kernel8x24(depth, a, aStride, b, c, ldc);
        }
        else
        {
            Kernel4x8(depth, a, aStride, b, c, ldc);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel8x24(int depth, double* a, int aStride, double* b, double* c, int ldc)
    {
        Vector512<double> c00 = default, c01 = default, c02 = default, c10 = default, c11 = default, c12 = default;
        Vector512<double> c20 = default, c21 = default, c22 = default, c30 = default, c31 = default, c32 = default;
        Vector512<double> c40 = default, c41 = default, c42 = default, c50 = default, c51 = default, c52 = default;
        Vector512<double> c60 = default, c61 = default, c62 = default, c70 = default, c71 = default, c72 = default;
        for (int p = 0; p < depth; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 8);
            var b2 = Vector512.Load(b + 16);
            var a0 = Vector512.Create(a[0]);
            c00 = Vector512.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(a0, b1, c01);
            c02 = Vector512.FusedMultiplyAdd(a0, b2, c02);
            var a1 = Vector512.Create(a[1]);
            c10 = Vector512.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(a1, b1, c11);
            c12 = Vector512.FusedMultiplyAdd(a1, b2, c12);
            var a2 = Vector512.Create(a[2]);
            c20 = Vector512.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(a2, b1, c21);
            c22 = Vector512.FusedMultiplyAdd(a2, b2, c22);
            var a3 = Vector512.Create(a[3]);
            c30 = Vector512.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(a3, b1, c31);
            c32 = Vector512.FusedMultiplyAdd(a3, b2, c32);
            var a4 = Vector512.Create(a[4]);
            c40 = Vector512.FusedMultiplyAdd(a4, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(a4, b1, c41);
            c42 = Vector512.FusedMultiplyAdd(a4, b2, c42);
            var a5 = Vector512.Create(a[5]);
            c50 = Vector512.FusedMultiplyAdd(a5, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(a5, b1, c51);
            c52 = Vector512.FusedMultiplyAdd(a5, b2, c52);
            var a6 = Vector512.Create(a[6]);
            c60 = Vector512.FusedMultiplyAdd(a6, b0, c60);
            c61 = Vector512.FusedMultiplyAdd(a6, b1, c61);
            c62 = Vector512.FusedMultiplyAdd(a6, b2, c62);
            var a7 = Vector512.Create(a[7]);
            c70 = Vector512.FusedMultiplyAdd(a7, b0, c70);
            c71 = Vector512.FusedMultiplyAdd(a7, b1, c71);
            c72 = Vector512.FusedMultiplyAdd(a7, b2, c72);
            a += aStride;
            b += 24;
        }

        Store(c, c00, c01, c02);
        Store(c + ldc, c10, c11, c12);
        Store(c + 2 * ldc, c20, c21, c22);
        Store(c + 3 * ldc, c30, c31, c32);
        Store(c + 4 * ldc, c40, c41, c42);
        Store(c + 5 * ldc, c50, c51, c52);
        Store(c + 6 * ldc, c60, c61, c62);
        Store(c + 7 * ldc, c70, c71, c72);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel4x8(int depth, double* a, int aStride, double* b, double* c, int ldc)
    {
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<double> c20 = default, c21 = default, c30 = default, c31 = default;
        for (int p = 0; p < depth; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 4);
            var a0 = Vector256.Create(a[0]);
            c00 = Vector256.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector256.Create(a[1]);
            c10 = Vector256.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector256.Create(a[2]);
            c20 = Vector256.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector256.Create(a[3]);
            c30 = Vector256.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(a3, b1, c31);
            a += aStride;
            b += 8;
        }

        c00.Store(c);
        c01.Store(c + 4);
        c10.Store(c + ldc);
        c11.Store(c + ldc + 4);
        c20.Store(c + 2 * ldc);
        c21.Store(c + 2 * ldc + 4);
        c30.Store(c + 3 * ldc);
        c31.Store(c + 3 * ldc + 4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(double* c, Vector512<double> v0, Vector512<double> v1, Vector512<double> v2)
    {
        v0.Store(c);
        v1.Store(c + 8);
        v2.Store(c + 16);
    }
}
