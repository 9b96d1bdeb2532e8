using DeepClustering.Data;
using DeepClustering.Refiners.EmbeddedKMeans;

namespace DeepClustering.Tests.Refiners.EmbeddedKMeans;

public sealed class WithinClusterScatterTests
{
    [Fact]
    public void Hand_case_sums_the_outer_products_around_the_given_centres()
    {
        var scatter = WithinClusterScatter.Compute(HandCase.Embeddings, HandCase.Labels, HandCase.Centres);
        Assert.Equal(HandCase.Scatter, scatter);
    }

    [Fact]
    public void A_single_row_at_its_centre_scatters_nothing_and_one_off_it_gives_its_outer_product()
    {
        var centres = DataMatrix.FromArray(new float[,] { { 1, 2, 3 } });
        Assert.Equal(new double[9], WithinClusterScatter.Compute(DataMatrix.FromArray(new float[,] { { 1, 2, 3 } }), [0], centres));
        // Difference (1, −2, 0.5): outer product by hand.
        var scatter = WithinClusterScatter.Compute(DataMatrix.FromArray(new float[,] { { 2, 0, 3.5f } }), [0], centres);
        Assert.Equal(new double[] { 1, -2, 0.5, -2, 4, -1, 0.5, -1, 0.25 }, scatter);
    }

    [Theory]
    [MemberData(nameof(DekmGolden.ScatterCaseNames), MemberType = typeof(DekmGolden))]
    public void Matches_the_numpy_reference(string name)
    {
        var c = DekmGolden.ScatterCase(name);
        var scatter = WithinClusterScatter.Compute(DekmGolden.Matrix(c.GetProperty("embeddings")),
            DekmGolden.Integers(c.GetProperty("labels")), DekmGolden.Matrix(c.GetProperty("centres")));
        var expected = DekmGolden.Flat(c.GetProperty("scatter"));
        // Both sum float32 inputs in double; only the order of the additions differs.
        DekmGolden.AssertClose(expected, scatter, 1e-12, DekmGolden.Scale(expected), "S_w");
        int d = c.GetProperty("dimension").GetInt32();
        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b < d; b++)
            {
                Assert.Equal(scatter[a * d + b], scatter[b * d + a]);
            }
        }
    }

    [Fact]
    public void Bad_arguments_are_refused_with_their_name()
    {
        var embeddings = HandCase.Embeddings;
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() =>
            WithinClusterScatter.Compute(embeddings, [0, 0, 1], HandCase.Centres)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() =>
            WithinClusterScatter.Compute(embeddings, [0, 0, 1, 2], HandCase.Centres)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() =>
            WithinClusterScatter.Compute(embeddings, [0, -1, 1, 1], HandCase.Centres)).ParamName);
        Assert.Equal("centres", Assert.Throws<ArgumentException>(() =>
            WithinClusterScatter.Compute(embeddings, HandCase.Labels, DataMatrix.FromArray(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } }))).ParamName);
    }
}
