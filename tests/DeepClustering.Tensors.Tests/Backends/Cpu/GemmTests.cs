using DeepClustering.Numerics.LinearAlgebra;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Numerics.Threading;
using DeepClustering.Tensors.Backends.Cpu.Kernels;
using DeepClustering.Tensors.Backends.Cpu;

namespace DeepClustering.Tensors.Tests.Backends.Cpu;

/// <summary>
/// The packed GEMM against a naive double-precision product. A float32 dot product of length k, summed in any
/// order, is within γ = k·u·Σ|aᵢbᵢ| of the exact value (u = 2⁻²⁴; Higham, "Accuracy and Stability of Numerical
/// Algorithms", §3.1); alpha (folded into packed A) and beta add one rounding each, so the check allows
/// (k + 4)·u·(|α|·Σ|aᵢbᵢ| + |β·c|) per element. That bound holds on every machine, yet a wrong index, a missed
/// block or tile edge, or a transposed operand is off by O(|c|), hundreds of times more.
/// </summary>
public sealed unsafe class GemmTests : IDisposable
{
    private const double UnitRoundoff = 1.0 / (1 << 24);

    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 2 });
    private readonly WorkerPool _pool = new(2);

    public void Dispose()
    {
        _backend.Dispose();
        _pool.Dispose();
    }

    /// <summary>
    /// m, n, k: sizes 1, 7, 31, 33 and 257 around the tile (8×32 or 6×16), the 256-deep block and the 128-row
    /// block; 513 crosses the depth block twice, 3073 the 3072-column block.
    /// </summary>
    public static TheoryData<int, int, int, bool, bool> Shapes()
    {
        var data = new TheoryData<int, int, int, bool, bool>();
        int[][] shapes =
        [
            [1, 1, 1], [1, 257, 7], [7, 1, 257], [7, 31, 33], [31, 33, 7], [33, 7, 257],
            [257, 33, 31], [33, 257, 257], [257, 1, 513], [31, 31, 513], [2, 3073, 3],
        ];
        foreach (var s in shapes)
        {
            foreach (bool transposeA in new[] { false, true })
            {
                foreach (bool transposeB in new[] { false, true })
                {
                    data.Add(s[0], s[1], s[2], transposeA, transposeB);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MatrixMultiply_matches_a_naive_double_product(int m, int n, int k, bool transposeA, bool transposeB)
    {
        var problem = new Problem(m, n, k, transposeA, transposeB, 1f, 0f, seed: m * 7 + n * 3 + k);
        var a = new Tensor(_backend, problem.A, transposeA ? [k, m] : [m, k]);
        var b = new Tensor(_backend, problem.B, transposeB ? [n, k] : [k, n]);
        var c = new Tensor(_backend, problem.C, m, n);

        _backend.MatrixMultiply(a, transposeA, b, transposeB, c);

        problem.AssertClose(c.ToArray());
    }

    [Theory]
    [InlineData(7, 31, 33, false, false)]
    [InlineData(33, 7, 257, true, false)]
    [InlineData(257, 33, 31, false, true)]
    [InlineData(31, 31, 513, true, true)]
    public void Span_Sgemm_matches_a_naive_double_product(int m, int n, int k, bool transposeA, bool transposeB)
    {
        var problem = new Problem(m, n, k, transposeA, transposeB, 0.5f, 2f, seed: m * 13 + n + k * 17);
        var c = problem.C.ToArray();

        _backend.Sgemm(transposeA, transposeB, m, n, k, problem.Alpha, problem.A, problem.Lda, problem.B, problem.Ldb, problem.Beta, c, n);

        problem.AssertClose(c);
    }

    [Fact]
    public void Span_Sgemm_refuses_a_buffer_too_small_for_its_shape_and_names_it()
    {
        var a = new float[6];
        var b = new float[5];
        var c = new float[4];

        var error = Assert.Throws<ArgumentException>(() => _backend.Sgemm(false, false, 2, 2, 3, 1f, a, 3, b, 2, 0f, c, 2));

        Assert.Equal("b", error.ParamName);
        Assert.Contains("needs 6 values, got 5", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => _backend.Sgemm(false, false, 2, 2, 3, 1f, a, 2, new float[6], 2, 0f, c, 2));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Multiply_and_MultiplyParallel_match_a_naive_double_product(int m, int n, int k, bool transposeA, bool transposeB)
    {
        var problem = new Problem(m, n, k, transposeA, transposeB, -1.5f, 0.75f, seed: m + n * 5 + k * 11);
        var serial = problem.C.ToArray();
        var parallel = problem.C.ToArray();
        fixed (float* pa = problem.A, pb = problem.B, ps = serial, pp = parallel)
        {
            SingleGemm.Multiply(transposeA, transposeB, m, n, k, problem.Alpha, pa, problem.Lda, pb, problem.Ldb, problem.Beta, ps, n);
            SingleGemm.MultiplyParallel(_pool, transposeA, transposeB, m, n, k, problem.Alpha, pa, problem.Lda, pb, problem.Ldb, problem.Beta, pp, n);
        }

        problem.AssertClose(serial);
        problem.AssertClose(parallel);
    }

    [Theory]
    [InlineData(1f, 0f)]
    [InlineData(1f, 1f)]
    [InlineData(0.5f, 0f)]
    [InlineData(-1.5f, 0.75f)]
    [InlineData(2f, 1f)]
    [InlineData(1f, -2f)]
    [InlineData(0f, 0f)]
    [InlineData(0f, 1f)]
    [InlineData(0f, 2.5f)]
    public void Alpha_and_beta_scale_the_product_and_the_old_c(float alpha, float beta)
    {
        foreach (var (m, n, k) in new[] { (7, 33, 257), (33, 7, 31), (257, 33, 33) })
        {
            foreach (bool transposeA in new[] { false, true })
            {
                foreach (bool transposeB in new[] { false, true })
                {
                    var problem = new Problem(m, n, k, transposeA, transposeB, alpha, beta, seed: m + n + k);
                    var a = new Tensor(_backend, problem.A, transposeA ? [k, m] : [m, k]);
                    var b = new Tensor(_backend, problem.B, transposeB ? [n, k] : [k, n]);
                    var c = new Tensor(_backend, problem.C, m, n);

                    _backend.MatrixMultiply(a, transposeA, b, transposeB, c, alpha, beta);

                    problem.AssertClose(c.ToArray());
                }
            }
        }
    }

    [Fact]
    public void Leading_dimensions_larger_than_the_widths_are_respected_and_nothing_outside_c_is_written()
    {
        // A 33×31 product inside wider buffers (each row padded by 5): the padding must be neither read into
        // the product nor written.
        const int M = 33, N = 31, K = 257, Pad = 5;
        foreach (bool transposeA in new[] { false, true })
        {
            foreach (bool transposeB in new[] { false, true })
            {
                var problem = new Problem(M, N, K, transposeA, transposeB, 1.25f, 0.5f, seed: 5);
                int aRows = transposeA ? K : M, aColumns = transposeA ? M : K;
                int bRows = transposeB ? N : K, bColumns = transposeB ? K : N;
                var a = Embed(problem.A, aRows, aColumns, aColumns + Pad, float.NaN);
                var b = Embed(problem.B, bRows, bColumns, bColumns + Pad, float.NaN);
                var c = Embed(problem.C, M, N, N + Pad, 1234f);
                fixed (float* pa = a, pb = b, pc = c)
                {
                    SingleGemm.Multiply(transposeA, transposeB, M, N, K, problem.Alpha, pa, aColumns + Pad, pb, bColumns + Pad, problem.Beta, pc, N + Pad);
                }

                var inside = new float[M * N];
                for (int i = 0; i < M; i++)
                {
                    Array.Copy(c, i * (N + Pad), inside, i * N, N);
                    Assert.All(c.AsSpan(i * (N + Pad) + N, Pad).ToArray(), v => Assert.Equal(1234f, v));
                }

                problem.AssertClose(inside);
            }
        }
    }

    [Theory]
    [InlineData(257, 33, 257, false, false)] // m ≥ n: split into row strips
    [InlineData(33, 257, 257, true, false)]  // n > m: split into column strips
    [InlineData(100, 97, 300, false, true)]
    [InlineData(97, 100, 300, true, true)]
    public void One_and_two_threads_give_bit_identical_results(int m, int n, int k, bool transposeA, bool transposeB)
    {
        // Large enough (m·n·k ≥ 2¹⁷) that two threads really split the work.
        Assert.True((long)m * n * k >= SingleGemm.ParallelThreshold);
        var problem = new Problem(m, n, k, transposeA, transposeB, 0.75f, 0.5f, seed: 9);
        using var oneThread = new CpuBackend(new CpuBackendOptions { Threads = 1 });
        float[] Run(CpuBackend backend)
        {
            var a = new Tensor(backend, problem.A, transposeA ? [k, m] : [m, k]);
            var b = new Tensor(backend, problem.B, transposeB ? [n, k] : [k, n]);
            var c = new Tensor(backend, problem.C, m, n);
            backend.MatrixMultiply(a, transposeA, b, transposeB, c, problem.Alpha, problem.Beta);
            return c.ToArray();
        }

        var single = Run(oneThread);
        var dual = Run(_backend);
        var serial = problem.C.ToArray();
        var parallel = problem.C.ToArray();
        fixed (float* pa = problem.A, pb = problem.B, ps = serial, pp = parallel)
        {
            SingleGemm.Multiply(transposeA, transposeB, m, n, k, problem.Alpha, pa, problem.Lda, pb, problem.Ldb, problem.Beta, ps, n);
            SingleGemm.MultiplyParallel(_pool, transposeA, transposeB, m, n, k, problem.Alpha, pa, problem.Lda, pb, problem.Ldb, problem.Beta, pp, n);
        }

        problem.AssertClose(single);
        Assert.Equal(Bits(single), Bits(dual));
        Assert.Equal(Bits(single), Bits(serial));
        Assert.Equal(Bits(single), Bits(parallel));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Both_micro_kernels_compute_their_tile(bool accumulate)
    {
        // Both kernels run here whatever the machine: the one Gemm does not pick is checked directly.
        CheckKernel(SingleGemmMicroKernels.Rows512, SingleGemmMicroKernels.Columns512, accumulate,
            (kc, a, b, c, ldc, acc) => SingleGemmMicroKernels.Kernel8x32(kc, a, b, c, ldc, acc));
        CheckKernel(SingleGemmMicroKernels.Rows256, SingleGemmMicroKernels.Columns256, accumulate,
            (kc, a, b, c, ldc, acc) => SingleGemmMicroKernels.Kernel6x16(kc, a, b, c, ldc, acc));
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(1f)]
    [InlineData(-0.5f)]
    public void An_empty_inner_dimension_only_scales_c(float beta)
    {
        var c = new[] { 1f, -2f, 3f, 4f, 5f, 6f };
        float* none = stackalloc float[1];
        fixed (float* pc = c)
        {
            SingleGemm.Multiply(false, false, 2, 3, 0, 1f, none, 1, none, 3, beta, pc, 3);
        }

        Assert.Equal(new[] { 1f, -2f, 3f, 4f, 5f, 6f }.Select(v => beta * v), c);
    }

    [Fact]
    public void Mismatched_inner_dimensions_name_both_shapes()
    {
        var a = new Tensor(_backend, 2, 3);
        var b = new Tensor(_backend, 4, 5);
        var c = new Tensor(_backend, 2, 5);

        var error = Assert.Throws<ArgumentException>(() => _backend.MatrixMultiply(a, false, b, false, c));

        Assert.Contains("[2, 3]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[4, 5]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_output_shape_names_the_product_shape_and_the_output_shape()
    {
        var a = new Tensor(_backend, 3, 2);
        var b = new Tensor(_backend, 4, 2);
        var c = new Tensor(_backend, 3, 3);

        var error = Assert.Throws<ArgumentException>(() => _backend.MatrixMultiply(a, false, b, true, c));

        Assert.Equal("c", error.ParamName);
        Assert.Contains("[3, 4]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[3, 3]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tensor_that_is_not_a_matrix_is_refused_with_its_shape()
    {
        var a = new Tensor(_backend, 2, 3, 1);
        var b = new Tensor(_backend, 3, 2);
        var c = new Tensor(_backend, 2, 2);

        var error = Assert.Throws<ArgumentException>(() => _backend.MatrixMultiply(a, false, b, false, c));

        Assert.Equal("a", error.ParamName);
        Assert.Contains("[2, 3, 1]", error.Message, StringComparison.Ordinal);
    }

    private delegate void Kernel(int kc, float* a, float* b, float* c, int ldc, bool accumulate);

    private static void CheckKernel(int rows, int columns, bool accumulate, Kernel kernel)
    {
        const int Kc = 37, Ldc = 41;
        var random = new RandomGenerator(rows * columns);
        var a = Random(random, Kc * rows);    // packed: rows values per k
        var b = Random(random, Kc * columns); // packed: columns values per k
        var c = Random(random, rows * Ldc);
        var before = c.ToArray();
        fixed (float* pa = a, pb = b, pc = c)
        {
            kernel(Kc, pa, pb, pc, Ldc, accumulate);
        }

        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < Ldc; j++)
            {
                if (j >= columns)
                {
                    Assert.Equal(before[i * Ldc + j], c[i * Ldc + j]);
                    continue;
                }

                double expected = accumulate ? before[i * Ldc + j] : 0;
                double magnitude = Math.Abs(expected);
                for (int p = 0; p < Kc; p++)
                {
                    expected += (double)a[p * rows + i] * b[p * columns + j];
                    magnitude += Math.Abs((double)a[p * rows + i] * b[p * columns + j]);
                }

                Assert.True(Math.Abs(c[i * Ldc + j] - expected) <= (Kc + 2) * UnitRoundoff * magnitude,
                    $"C[{i}, {j}] of the {rows}×{columns} kernel is {c[i * Ldc + j]}, expected {expected}.");
            }
        }
    }

    private static float[] Random(RandomGenerator random, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)random.NextUniform(-1, 1);
        }

        return values;
    }

    private static float[] Embed(float[] values, int rows, int columns, int stride, float filler)
    {
        var result = new float[rows * stride];
        Array.Fill(result, filler);
        for (int i = 0; i < rows; i++)
        {
            Array.Copy(values, i * columns, result, i * stride, columns);
        }

        return result;
    }

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();

    /// <summary>Random operands of c = alpha·op(a)·op(b) + beta·c; c starts as NaN when beta is 0, which must not be read.</summary>
    private sealed class Problem
    {
        public Problem(int m, int n, int k, bool transposeA, bool transposeB, float alpha, float beta, int seed)
        {
            (M, N, K, TransposeA, TransposeB, Alpha, Beta) = (m, n, k, transposeA, transposeB, alpha, beta);
            var random = new RandomGenerator(seed);
            A = Random(random, m * k);
            B = Random(random, k * n);
            C = beta == 0f ? Enumerable.Repeat(float.NaN, m * n).ToArray() : Random(random, m * n);
        }

        public int M { get; }

        public int N { get; }

        public int K { get; }

        public bool TransposeA { get; }

        public bool TransposeB { get; }

        public float Alpha { get; }

        public float Beta { get; }

        public float[] A { get; }

        public float[] B { get; }

        public float[] C { get; }

        public int Lda => TransposeA ? M : K;

        public int Ldb => TransposeB ? K : N;

        public void AssertClose(float[] actual)
        {
            Assert.Equal(M * N, actual.Length);
            for (int i = 0; i < M; i++)
            {
                for (int j = 0; j < N; j++)
                {
                    double sum = 0, magnitude = 0;
                    for (int p = 0; p < K; p++)
                    {
                        double aValue = TransposeA ? A[p * M + i] : A[i * K + p];
                        double bValue = TransposeB ? B[j * K + p] : B[p * N + j];
                        sum += aValue * bValue;
                        magnitude += Math.Abs(aValue * bValue);
                    }

                    double old = Beta == 0f ? 0 : C[i * N + j];
                    double expected = Alpha * sum + Beta * old;
                    double bound = (K + 4) * UnitRoundoff * (Math.Abs(Alpha) * magnitude + Math.Abs(Beta * old));
                    double got = actual[i * N + j];
                    if (!(Math.Abs(got - expected) <= bound))
                    {
                        Assert.Fail($"C[{i}, {j}] = {got} but the {(TransposeA ? "aᵀ" : "a")}·{(TransposeB ? "bᵀ" : "b")} product of {M}×{N}×{K} " +
                            $"(alpha {Alpha}, beta {Beta}) is {expected} ± {bound:G3}.");
                    }
                }
            }
        }
    }
}
