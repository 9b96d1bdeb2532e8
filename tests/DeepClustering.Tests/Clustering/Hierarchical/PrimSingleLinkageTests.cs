using DeepClustering.Clustering.Hierarchical;
using DeepClustering.Clustering.Spatial;
using DeepClustering.Data;
using DeepClustering.Numerics.Distances;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Clustering.Hierarchical;

/// <summary>Prim's spanning tree, split into parallel parts when many rows are outside the tree, against Kruskal's.</summary>
public sealed class PrimSingleLinkageTests
{
    [Fact]
    public void The_edge_weights_are_those_of_Kruskals_minimum_spanning_tree()
    {
        const int rows = 2600;
        var random = new RandomGenerator(21);
        var values = Enumerable.Range(0, rows * 2).Select(_ => (float)random.NextGaussian()).ToArray();
        var data = new DataMatrix(values, rows, 2);

        var prim = PrimSingleLinkage.Run(data, threads: 2, CancellationToken.None);

        var pairs = new List<(double Distance, int A, int B)>(rows * (rows - 1) / 2);
        for (int i = 0; i < rows; i++)
        {
            for (int j = i + 1; j < rows; j++)
            {
                pairs.Add((SquaredEuclidean.Double(data.Row(i), data.Row(j)), i, j));
            }
        }

        pairs.Sort((x, y) => x.Distance.CompareTo(y.Distance));
        var parent = Enumerable.Range(0, rows).ToArray();
        int Find(int v) => parent[v] == v ? v : parent[v] = Find(parent[v]);
        var kruskal = new List<double>();
        foreach (var (distance, a, b) in pairs)
        {
            int ra = Find(a), rb = Find(b);
            if (ra != rb)
            {
                parent[ra] = rb;
                kruskal.Add(Math.Sqrt(distance));
            }
        }

        Assert.Equal(kruskal, prim.Select(m => m.Distance).Order());
        // Each edge joins the row added before it to the new row, starting from row 0, and adds every row once.
        Assert.Equal(0, prim[0].First);
        Assert.All(prim.Zip(prim.Skip(1)), pair => Assert.Equal(pair.First.Second, pair.Second.First));
        Assert.Equal(Enumerable.Range(1, rows - 1), prim.Select(m => m.Second).Order());
    }
}
