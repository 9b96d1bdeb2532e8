using DeepClustering.Data;
using DeepClustering.Manifold.Affinities;
using DeepClustering.Manifold.Objectives;

namespace DeepClustering.Tests.Manifold;

/// <summary>The symmetrisation pᵢⱼ = (P(j|i) + P(i|j)) / Σ, dense and sparse.</summary>
public class JointProbabilitiesTests
{
    [Fact]
    public void Dense_joint_affinities_of_a_hand_worked_example()
    {
        double[] conditional =
        [
            0.0, 0.6, 0.4,
            0.5, 0.0, 0.5,
            0.2, 0.8, 0.0,
        ];

        double[] p = JointProbabilities.Dense(conditional, 3);

        // Each row sums to 1, so the normaliser is 2n = 6.
        Assert.Equal(1.1 / 6, p[0 * 3 + 1], 1e-15);
        Assert.Equal(0.6 / 6, p[0 * 3 + 2], 1e-15);
        Assert.Equal(1.3 / 6, p[1 * 3 + 2], 1e-15);
        Assert.Equal(p[0 * 3 + 1], p[1 * 3 + 0]);
        Assert.Equal(0.0, p[1 * 3 + 1]);
        Assert.Equal(1.0, p.Sum(), 1e-15);
    }

    [Fact]
    public void Sparse_joint_affinities_of_a_hand_worked_example()
    {
        // Three points with one neighbour each: 0 → 1, 1 → 0, 2 → 1, each with conditional 1.
        var p = JointProbabilities.Sparse([1, 0, 1], [1.0, 1.0, 1.0], n: 3, k: 1);

        Assert.Equal(2.0 / 6, p[0, 1], 1e-15);
        Assert.Equal(2.0 / 6, p[1, 0], 1e-15);
        Assert.Equal(1.0 / 6, p[1, 2], 1e-15);
        Assert.Equal(1.0 / 6, p[2, 1], 1e-15);
        Assert.Equal(0.0, p[0, 2]);
        Assert.Equal([0, 1, 3, 4], p.RowStart);
    }

    [Fact]
    public void Dense_joint_affinities_match_scikit_learn()
    {
        var golden = EmbeddingGolden.Load("tsne_equations.json").GetProperty("exact");
        var data = EmbeddingGolden.Matrix(golden.GetProperty("data"));

        double[] p = ExactAffinities(data, golden.GetProperty("perplexity").GetDouble());

        // scikit-learn rounds the squared distances to float32 before the search: agreement to 1e-5 relative.
        EmbeddingGolden.AssertRelativelyClose(EmbeddingGolden.Vector(golden.GetProperty("joint_condensed")), Condensed(p, data.Rows), 1e-5, "P");
    }

    [Fact]
    public void Sparse_nearest_neighbour_affinities_match_scikit_learn()
    {
        var golden = EmbeddingGolden.Load("tsne_equations.json");
        var data = EmbeddingGolden.Matrix(golden.GetProperty("exact").GetProperty("data"));
        var bh = golden.GetProperty("barnes_hut");

        var p = BarnesHutAffinities(data, bh.GetProperty("perplexity").GetDouble());

        Assert.Equal(bh.GetProperty("neighbors").GetInt32(), BarnesHutObjective.NeighborCount(data.Rows, 2.0));
        EmbeddingGolden.AssertRelativelyClose(EmbeddingGolden.Flat(bh.GetProperty("joint_dense")), Dense(p), 1e-5, "P");
    }

    internal static double[] ExactAffinities(DataMatrix data, double perplexity) =>
        ExactObjective.Affinities(data, perplexity, new ParallelOptions { MaxDegreeOfParallelism = 2 });

    internal static SparseAffinities BarnesHutAffinities(DataMatrix data, double perplexity) =>
        BarnesHutObjective.Affinities(data, perplexity, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 });

    /// <summary>The strict upper triangle, row by row: scipy's condensed order.</summary>
    internal static double[] Condensed(double[] square, int n)
    {
        var condensed = new List<double>();
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                condensed.Add(square[i * n + j]);
            }
        }

        return condensed.ToArray();
    }

    internal static double[] Dense(SparseAffinities p)
    {
        int n = p.Size;
        var dense = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int e = p.RowStart[i]; e < p.RowStart[i + 1]; e++)
            {
                dense[i * n + p.Columns[e]] = p.Values[e];
            }
        }

        return dense;
    }
}
