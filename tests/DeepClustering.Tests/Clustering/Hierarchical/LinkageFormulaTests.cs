using DeepClustering.Clustering.Hierarchical;

namespace DeepClustering.Tests.Clustering.Hierarchical;

/// <summary>The Lance–Williams updates, Ward's centre formula and the condensed index, against values worked out by hand.</summary>
public sealed class LinkageFormulaTests
{
    [Fact]
    public void Complete_takes_the_larger_distance() => Assert.Equal(5.0, LanceWilliams.Complete(5, 3));

    [Fact]
    public void Average_weights_by_cluster_size() =>
        // (2·3 + 1·6) / 3 = 4.
        Assert.Equal(4.0, LanceWilliams.Average(3, 6, 2, 1));

    [Fact]
    public void Ward_update_agrees_with_the_centre_formula()
    {
        // Points x = 0, y = 2, i = 5 on a line: d(x, i) = 5, d(y, i) = 3, d(x, y) = 2. The union {0, 2} has centre 1,
        // so Ward's distance to {5} is √(2·2·1/3)·4 = √(64/3).
        double update = LanceWilliams.Ward(5, 3, 2, 1, 1, 1);

        Assert.Equal(Math.Sqrt(64.0 / 3), update, 1e-12);
        Assert.Equal(64.0 / 3, WardDistance.Squared(16, 2, 1), 1e-12);
        Assert.Equal(4.0 / 3, WardDistance.SizeFactor(2, 1), 1e-15);
    }

    [Fact]
    public void Update_dispatches_on_the_linkage()
    {
        Assert.Equal(5.0, LanceWilliams.Update(Linkage.Complete, 5, 3, 2, 1, 1, 1));
        Assert.Equal(4.0, LanceWilliams.Update(Linkage.Average, 5, 3, 2, 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LanceWilliams.Update(Linkage.Single, 5, 3, 2, 1, 1, 1));
    }

    [Fact]
    public void Condensed_index_walks_the_upper_triangle_row_by_row()
    {
        // n = 4: (0,1) (0,2) (0,3) (1,2) (1,3) (2,3).
        Assert.Equal([0L, 1, 2, 3, 4, 5],
            new[] { (0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3) }.Select(p => CondensedDistanceMatrix.Index(4, p.Item1, p.Item2)));
        Assert.Equal(65_536L * 65_535 / 2 - 1, CondensedDistanceMatrix.Index(65_536, 65_534, 65_535));
    }

    [Fact]
    public void The_condensed_matrix_holds_the_pairwise_distances()
    {
        var data = DeepClustering.Data.DataMatrix.FromRows([[0f, 0f], [3f, 4f], [6f, 8f], [0f, 1f]]);

        var matrix = CondensedDistanceMatrix.Compute(data, 2, CancellationToken.None);

        Assert.Equal([5f, 10f, 1f, 5f, (float)Math.Sqrt(18), (float)Math.Sqrt(85)], matrix.Values);
        Assert.Equal(5f, matrix[1, 0]);
    }

    [Fact]
    public void Numbering_names_new_nodes_in_order_and_sorts_stably()
    {
        PointMerge[] merges = [new(2, 3, 1.5), new(0, 1, 1.0), new(3, 1, 4.0), new(4, 0, 1.5)];

        var sorted = MergeNumbering.SortByDistance(merges);
        Assert.Equal([merges[1], merges[0], merges[3], merges[2]], sorted);

        // (0,1) → 5; (2,3) → 6; (4, 0→5) → 7 = {0,1,4}; (3→6, 1→7) → 8.
        Assert.Equal(
            [new DendrogramMerge(0, 1, 1.0, 2), new(2, 3, 1.5, 2), new(4, 5, 1.5, 3), new(6, 7, 4.0, 5)],
            MergeNumbering.Number(sorted, 5, lowerNodeFirst: true));

        // Without ordering, each row keeps the order of the merge's rows (scikit-learn's single linkage).
        PointMerge[] edges = [new(1, 0, 1), new(3, 2, 2), new(3, 1, 3)];
        Assert.Equal([new DendrogramMerge(1, 0, 1, 2), new(3, 2, 2, 2), new(5, 4, 3, 4)], MergeNumbering.Number(edges, 4, lowerNodeFirst: false));
        Assert.Equal([new DendrogramMerge(0, 1, 1, 2), new(2, 3, 2, 2), new(4, 5, 3, 4)], MergeNumbering.Number(edges, 4, lowerNodeFirst: true));
    }
}
