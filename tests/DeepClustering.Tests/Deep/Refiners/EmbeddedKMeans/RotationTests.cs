using DeepClustering.Data;
using DeepClustering.Refiners.EmbeddedKMeans;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Refiners.EmbeddedKMeans;

public sealed class RotationTests
{
    [Fact]
    public void Hand_case_rotates_samples_and_centres_alike()
    {
        var basis = ScatterEigenvectors.Compute(HandCase.Scatter, 2);
        DekmGolden.AssertClose(HandCase.Rotated, Rotation.Apply(HandCase.Embeddings, basis), 1e-14, 3, "Y");
        DekmGolden.AssertClose(HandCase.RotatedCentres, Rotation.Apply(HandCase.Centres, basis), 1e-14, 3, "UV");
    }

    [Fact]
    public void A_quarter_turn_maps_the_axes_as_worked_out_by_hand()
    {
        // V = [[0, −1], [1, 0]]: y = (z₁, −z₀).
        var rotated = Rotation.Apply([1, 2, -3, 0.5], 2, [0, -1, 1, 0]);
        Assert.Equal(new double[] { 2, -1, 0.5, 3 }, rotated);
    }

    [Theory]
    [MemberData(nameof(DekmGolden.ScatterCaseNames), MemberType = typeof(DekmGolden))]
    public void Matches_the_numpy_reference(string name)
    {
        var c = DekmGolden.ScatterCase(name);
        int d = c.GetProperty("dimension").GetInt32();
        var basis = ScatterEigenvectors.Compute(DekmGolden.Flat(c.GetProperty("scatter")), d);
        var rotated = Rotation.Apply(DekmGolden.Matrix(c.GetProperty("embeddings")), basis);
        var expected = DekmGolden.Flat(c.GetProperty("rotated"));
        DekmGolden.AssertClose(expected, rotated, 1e-10, DekmGolden.Scale(expected), "Y");
        var centres = Rotation.Apply(DekmGolden.Matrix(c.GetProperty("centres")), basis);
        var expectedCentres = DekmGolden.Flat(c.GetProperty("rotated_centres"));
        DekmGolden.AssertClose(expectedCentres, centres, 1e-10, DekmGolden.Scale(expectedCentres), "UV");
    }

    [Theory]
    [InlineData(3, 21L)]
    [InlineData(10, 22L)]
    public void Rotating_by_V_keeps_every_pairwise_distance(int d, long seed)
    {
        var random = new RandomGenerator(seed);
        var s = ScatterEigenvectorsTests.RandomScatter(random, d);
        var basis = ScatterEigenvectors.Compute(Enumerable.Range(0, d * d).Select(i => s[i / d, i % d]).ToArray(), d);
        int n = 25;
        var z = new float[n * d];
        for (int i = 0; i < z.Length; i++)
        {
            z[i] = (float)(5 * random.NextGaussian());
        }

        var rotated = Rotation.Apply(new DataMatrix(z, n, d), basis);
        for (int a = 0; a < n; a++)
        {
            for (int b = a + 1; b < n; b++)
            {
                double before = 0, after = 0;
                for (int j = 0; j < d; j++)
                {
                    double dz = (double)z[a * d + j] - z[b * d + j];
                    double dy = rotated[a * d + j] - rotated[b * d + j];
                    before += dz * dz;
                    after += dy * dy;
                }

                Assert.True(Math.Abs(after - before) <= 1e-12 * Math.Max(1, before), $"‖z{a} − z{b}‖² {before:R} became {after:R}");
            }
        }
    }

    [Fact]
    public void Mismatched_dimensions_are_refused()
    {
        var basis = ScatterEigenvectors.Compute(HandCase.Scatter, 2);
        Assert.Equal("rows", Assert.Throws<ArgumentException>(() =>
            Rotation.Apply(DataMatrix.FromArray(new float[,] { { 1, 2, 3 } }), basis)).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentException>(() => Rotation.Apply([1, 2, 3], 2, [1, 0, 0, 1])).ParamName);
        Assert.Equal("vectors", Assert.Throws<ArgumentException>(() => Rotation.Apply([1, 2], 2, [1, 0, 0])).ParamName);
    }
}
