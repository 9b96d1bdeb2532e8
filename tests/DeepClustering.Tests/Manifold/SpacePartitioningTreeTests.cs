using DeepClustering.Manifold.Objectives;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Manifold;

/// <summary>The Barnes-Hut tree's cells: counts, centres of mass, widths, leaves and the point order.</summary>
public class SpacePartitioningTreeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_cell_holds_its_points_centre_of_mass_and_every_leaf_one_point(int dimensions)
    {
        const int n = 500;
        var random = new RandomGenerator(dimensions);
        var points = Enumerable.Range(0, n * dimensions).Select(_ => random.NextGaussian()).ToArray();
        var tree = new SpacePartitioningTree(dimensions, n);

        tree.Build(points);

        Assert.Equal(n, tree.Nodes[0].Count);
        Assert.Equal(Enumerable.Range(0, n), tree.Order.Order());
        for (int node = 0; node < tree.NodeCount; node++)
        {
            var cell = tree.Nodes[node];
            var members = tree.Order.AsSpan(cell.PointStart, cell.Count).ToArray();
            double[] centre = [cell.X, cell.Y, cell.Z];
            for (int a = 0; a < dimensions; a++)
            {
                Assert.Equal(members.Average(p => points[p * dimensions + a]), centre[a], 1e-12);
            }

            if (cell.ChildCount == 0)
            {
                Assert.Equal(1, cell.Count);
                Assert.Equal(node, tree.LeafOf[members[0]]);
            }
            else
            {
                Assert.InRange(cell.ChildCount, 1, 1 << dimensions);
                int childPoints = 0;
                for (int c = cell.FirstChild; c < cell.FirstChild + cell.ChildCount; c++)
                {
                    childPoints += tree.Nodes[c].Count;
                    Assert.Equal(cell.SquaredWidth / 4, tree.Nodes[c].SquaredWidth, 1e-12 * cell.SquaredWidth);
                }

                Assert.Equal(cell.Count, childPoints);
            }
        }
    }

    [Fact]
    public void The_root_spans_the_bounding_box_and_identical_points_share_one_leaf()
    {
        double[] points = [0, 0, 4, 1, 4, 1, 1, 3];
        var tree = new SpacePartitioningTree(2, 4);

        tree.Build(points);

        Assert.Equal(16.0, tree.Nodes[0].SquaredWidth);
        Assert.Equal(tree.LeafOf[1], tree.LeafOf[2]);
        Assert.Equal(2, tree.Nodes[tree.LeafOf[1]].Count);
        Assert.Equal(3, new[] { tree.LeafOf[0], tree.LeafOf[1], tree.LeafOf[3] }.Distinct().Count());
    }
}
