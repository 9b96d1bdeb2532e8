using DeepClustering.Numerics.LinearAlgebra;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Numerics.Tests.LinearAlgebra;

public sealed class MatrixProductTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Matches_the_naive_product_on_one_thread_and_on_a_pool(bool transposeA, bool transposeB)
    {
        const int m = 37, n = 45, k = 70;
        var random = new RandomGenerator(3);
        var a = Enumerable.Range(0, m * k).Select(_ => (float)random.NextGaussian()).ToArray();
        var b = Enumerable.Range(0, k * n).Select(_ => (float)random.NextGaussian()).ToArray();
        int lda = transposeA ? m : k, ldb = transposeB ? k : n;
        float A(int i, int p) => transposeA ? a[p * lda + i] : a[i * lda + p];
        float B(int p, int j) => transposeB ? b[j * ldb + p] : b[p * ldb + j];
        var single = Enumerable.Repeat(1f, m * n).ToArray();
        var pooled = Enumerable.Repeat(1f, m * n).ToArray();

        MatrixProduct.Multiply(null, transposeA, transposeB, m, n, k, 2f, a, lda, b, ldb, 0.5f, single, n);
        using (var pool = MatrixProduct.Pool(2))
        {
            Assert.NotNull(pool);
            MatrixProduct.Multiply(pool, transposeA, transposeB, m, n, k, 2f, a, lda, b, ldb, 0.5f, pooled, n);
        }

        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double expected = 0.5;
                for (int p = 0; p < k; p++)
                {
                    expected += 2.0 * A(i, p) * B(p, j);
                }

                Assert.Equal(expected, single[i * n + j], 1e-3);
            }
        }

        // The split between threads never changes a sum's order within a tile: the two agree bit for bit.
        Assert.Equal(single, pooled);
    }

    [Fact]
    public void One_thread_needs_no_pool()
    {
        Assert.Null(MatrixProduct.Pool(1));
    }

    [Fact]
    public void Refuses_short_operands_naming_them()
    {
        var c = new float[4];
        Assert.Equal("a", Assert.Throws<ArgumentException>(() =>
            MatrixProduct.Multiply(null, false, false, 2, 2, 2, 1f, new float[3], 2, new float[4], 2, 0f, c, 2)).ParamName);
        Assert.Equal("ldb", Assert.Throws<ArgumentOutOfRangeException>(() =>
            MatrixProduct.Multiply(null, false, false, 2, 2, 2, 1f, new float[4], 2, new float[4], 1, 0f, c, 2)).ParamName);
        Assert.Equal("threads", Assert.Throws<ArgumentOutOfRangeException>(() => MatrixProduct.Pool(-1)).ParamName);
    }
}
