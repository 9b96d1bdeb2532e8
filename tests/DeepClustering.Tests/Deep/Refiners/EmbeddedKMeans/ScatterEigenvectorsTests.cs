using DeepClustering.Refiners.EmbeddedKMeans;
using DeepClustering.Numerics.Randomness;
using MathNet.Numerics.LinearAlgebra;

namespace DeepClustering.Tests.Refiners.EmbeddedKMeans;

public sealed class ScatterEigenvectorsTests
{
    [Fact]
    public void Hand_case_gives_ascending_eigenvalues_and_signed_unit_eigenvectors()
    {
        var basis = ScatterEigenvectors.Compute(HandCase.Scatter, 2);
        DekmGolden.AssertClose(HandCase.EigenValues, basis.EigenValues, 1e-14, 6, "eigenvalues");
        DekmGolden.AssertClose(HandCase.Vectors, basis.Vectors, 1e-14, 1, "V");
        Assert.Equal(new[] { 1 / HandCase.Root2, -1 / HandCase.Root2 }, basis.Eigenvector(1), new ToleranceComparer(1e-14));
    }

    [Fact]
    public void A_diagonal_matrix_gives_the_axes_sorted_by_their_value_and_pointing_forward()
    {
        // diag(3, 1, 2): eigenvalues 1, 2, 3 with the axes e₁, e₂, e₀, each +1 by the sign convention.
        var basis = ScatterEigenvectors.Compute([3, 0, 0, 0, 1, 0, 0, 0, 2], 3);
        Assert.Equal(new double[] { 1, 2, 3 }, basis.EigenValues.ToArray());
        Assert.Equal(new double[] { 0, 0, 1, 1, 0, 0, 0, 1, 0 }, basis.Vectors.ToArray());
    }

    [Fact]
    public void MathNet_already_returns_ascending_eigenvalues_for_a_symmetric_matrix()
    {
        // Documents the behaviour the class relies on only for speed: the managed tql2 sorts ascending.
        var s = RandomScatter(new RandomGenerator(3), 6);
        var evd = Matrix<double>.Build.DenseOfArray(s).Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(v => v.Real).ToArray();
        Assert.Equal(values.OrderBy(v => v).ToArray(), values);
    }

    [Theory]
    [MemberData(nameof(DekmGolden.ScatterCaseNames), MemberType = typeof(DekmGolden))]
    public void Matches_numpy_eigh_under_the_sign_convention(string name)
    {
        var c = DekmGolden.ScatterCase(name);
        int d = c.GetProperty("dimension").GetInt32();
        var basis = ScatterEigenvectors.Compute(DekmGolden.Flat(c.GetProperty("scatter")), d);
        var expectedValues = DekmGolden.Vector(c.GetProperty("eigenvalues"));
        DekmGolden.AssertClose(expectedValues, basis.EigenValues, 1e-12, expectedValues[^1], "eigenvalues");
        // Well-separated eigenvalues (the script asserts gaps above 1e-3 relative): the vectors agree to ~1e-13.
        DekmGolden.AssertClose(DekmGolden.Flat(c.GetProperty("eigenvectors")), basis.Vectors, 1e-10, 1, "V");
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(5, 2)]
    [InlineData(10, 3)]
    [InlineData(32, 4)]
    public void V_is_orthonormal_and_diagonalises_the_scatter(int d, long seed)
    {
        var s = RandomScatter(new RandomGenerator(seed), d);
        var flat = new double[d * d];
        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b < d; b++)
            {
                flat[a * d + b] = s[a, b];
            }
        }

        var basis = ScatterEigenvectors.Compute(flat, d);
        var v = Matrix<double>.Build.Dense(d, d, (r, col) => basis[r, col]);
        var gram = v.TransposeThisAndMultiply(v);
        var lambda = v.TransposeThisAndMultiply(Matrix<double>.Build.DenseOfArray(s)).Multiply(v);
        double scale = basis.EigenValues[^1];
        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b < d; b++)
            {
                Assert.True(Math.Abs(gram[a, b] - (a == b ? 1 : 0)) <= 1e-10, $"VᵀV[{a}, {b}] = {gram[a, b]:R}");
                double expected = a == b ? basis.EigenValues[a] : 0;
                Assert.True(Math.Abs(lambda[a, b] - expected) <= 1e-10 * scale, $"VᵀSV[{a}, {b}] = {lambda[a, b]:R}");
            }

            if (a > 0)
            {
                Assert.True(basis.EigenValues[a - 1] <= basis.EigenValues[a], "eigenvalues ascend");
            }

            Assert.Equal(1, EigenvectorSignConvention.Sign(basis.Eigenvector(a)));
        }
    }

    [Fact]
    public void Sign_convention_picks_the_largest_magnitude_and_the_first_on_ties()
    {
        Assert.Equal(-1, EigenvectorSignConvention.Sign([0.1, -0.9, 0.4]));
        Assert.Equal(1, EigenvectorSignConvention.Sign([-0.1, 0.9, -0.4]));
        Assert.Equal(1, EigenvectorSignConvention.Sign([0.6, -0.6]));
        Assert.Equal(-1, EigenvectorSignConvention.Sign([-0.6, 0.6]));
        // Within the tie tolerance the first component still decides.
        Assert.Equal(-1, EigenvectorSignConvention.Sign([-0.6, 0.6 * (1 + 1e-12)]));
        Assert.Equal(1, EigenvectorSignConvention.Sign([0, 0]));
    }

    [Fact]
    public void Bad_matrices_are_refused()
    {
        Assert.Equal("scatter", Assert.Throws<ArgumentException>(() => ScatterEigenvectors.Compute([1, 2, 3], 2)).ParamName);
        Assert.Equal("scatter", Assert.Throws<ArgumentException>(() => ScatterEigenvectors.Compute([1, 2, 3, 4], 2)).ParamName);
        Assert.Equal("scatter", Assert.Throws<ArgumentException>(() => ScatterEigenvectors.Compute([1, double.NaN, double.NaN, 4], 2)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => ScatterEigenvectors.Compute([], 0));
    }

    /// <summary>XᵀX of a random 3d × d matrix: symmetric, positive definite, distinct eigenvalues almost surely.</summary>
    internal static double[,] RandomScatter(RandomGenerator random, int d)
    {
        int n = 3 * d;
        var x = new double[n, d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                x[i, j] = random.NextGaussian() * (1 + j);
            }
        }

        var s = new double[d, d];
        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b < d; b++)
            {
                for (int i = 0; i < n; i++)
                {
                    s[a, b] += x[i, a] * x[i, b];
                }
            }
        }

        return s;
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
