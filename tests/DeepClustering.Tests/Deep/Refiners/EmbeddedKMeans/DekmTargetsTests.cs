using DeepClustering.Refiners.EmbeddedKMeans;

namespace DeepClustering.Tests.Refiners.EmbeddedKMeans;

public sealed class DekmTargetsTests
{
    [Fact]
    public void Hand_case_replaces_only_the_last_coordinate_by_the_centres()
    {
        var targets = DekmTargets.Compute(HandCase.Rotated, HandCase.RotatedCentres, HandCase.Labels, 2);
        DekmGolden.AssertClose(HandCase.Targets, targets, 1e-15, 3, "targets");
    }

    [Fact]
    public void The_replaced_coordinate_is_the_one_of_the_largest_eigenvalue()
    {
        // Three coordinates; row 0 in cluster 1, row 1 in cluster 0. Only index 2 (the last, largest λ) changes.
        double[] rotated = [1, 2, 3, 4, 5, 6];
        double[] centres = [10, 20, 30, 40, 50, 60];
        var targets = DekmTargets.Compute(rotated, centres, [1, 0], 3);
        Assert.Equal(new double[] { 1, 2, 60, 4, 5, 30 }, targets);
    }

    [Fact]
    public void A_batch_gets_the_targets_of_its_rows_in_batch_order()
    {
        double[] rotated = [1, 2, 3, 4, 5, 6];
        double[] centres = [10, 20, 30, 40];
        var batch = DekmTargets.ForRows(rotated, centres, [1, 0, 1], 2, [2, 0, 2]);
        Assert.Equal(new double[] { 5, 40, 1, 40, 5, 40 }, batch);
    }

    [Theory]
    [MemberData(nameof(DekmGolden.ScatterCaseNames), MemberType = typeof(DekmGolden))]
    public void Matches_the_numpy_reference(string name)
    {
        var c = DekmGolden.ScatterCase(name);
        int d = c.GetProperty("dimension").GetInt32();
        var labels = DekmGolden.Integers(c.GetProperty("labels"));
        var basis = ScatterEigenvectors.Compute(DekmGolden.Flat(c.GetProperty("scatter")), d);
        var rotated = Rotation.Apply(DekmGolden.Matrix(c.GetProperty("embeddings")), basis);
        var centres = Rotation.Apply(DekmGolden.Matrix(c.GetProperty("centres")), basis);

        var expected = DekmGolden.Flat(c.GetProperty("targets"));
        DekmGolden.AssertClose(expected, DekmTargets.Compute(rotated, centres, labels, d), 1e-10, DekmGolden.Scale(expected), "targets");
        var expectedBatch = DekmGolden.Flat(c.GetProperty("batch_targets"));
        var batch = DekmTargets.ForRows(rotated, centres, labels, d, DekmGolden.Integers(c.GetProperty("batch_rows")));
        DekmGolden.AssertClose(expectedBatch, batch, 1e-10, DekmGolden.Scale(expectedBatch), "batch targets");
    }

    [Fact]
    public void Bad_arguments_are_refused_with_their_name()
    {
        double[] rotated = [1, 2, 3, 4];
        double[] centres = [10, 20];
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => DekmTargets.Compute(rotated, centres, [0, 1], 2)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => DekmTargets.Compute(rotated, centres, [0], 2)).ParamName);
        Assert.Equal("rotatedCentres", Assert.Throws<ArgumentException>(() => DekmTargets.Compute(rotated, [1, 2, 3], [0, 0], 2)).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentException>(() => DekmTargets.ForRows(rotated, centres, [0, 0], 2, [2])).ParamName);
    }
}
