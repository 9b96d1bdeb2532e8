using DeepClustering.Data;
using DeepClustering.Manifold;
using DeepClustering.Manifold.FuzzyGraph;
using DeepClustering.Manifold.Layout;

namespace DeepClustering.Tests.Manifold;

/// <summary>UMAP's fuzzy graph against umap-learn's on the same exact neighbours, and its spectral eigenvectors against a dense solver.</summary>
public class UmapGraphTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void The_fuzzy_simplicial_set_matches_umap_learns_on_300_points(int run)
    {
        var golden = EmbeddingGolden.Load("umap.json").GetProperty("graph");
        var data = EmbeddingGolden.Matrix(golden.GetProperty("points"));
        var expected = golden.GetProperty("runs")[run];
        double mix = expected.GetProperty("set_op_mix_ratio").GetDouble();

        var graph = FuzzySimplicialSet.Build(data, UmapMetric.Euclidean, golden.GetProperty("n_neighbors").GetInt32(), 1.0, mix, threads: 2, CancellationToken.None);

        int[] rows = expected.GetProperty("rows").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        int[] columns = expected.GetProperty("columns").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        double[] values = EmbeddingGolden.Vector(expected.GetProperty("values"));
        var ourRows = Enumerable.Range(0, graph.Rows).SelectMany(i => Enumerable.Repeat(i, graph.RowStarts[i + 1] - graph.RowStarts[i])).ToArray();
        Assert.Equal(rows, ourRows);
        Assert.Equal(columns, graph.Targets);
        EmbeddingGolden.AssertRelativelyClose(values, graph.Weights.Select(w => (double)w).ToArray(), 1e-4, "weight");
    }

    [Fact]
    public void The_graph_is_symmetric_without_self_loops()
    {
        var data = TsneTests.Blobs(90, seed: 4);
        var graph = FuzzySimplicialSet.Build(data, UmapMetric.Euclidean, 10, 1.0, 1.0, threads: 2, CancellationToken.None);
        for (int i = 0; i < graph.Rows; i++)
        {
            for (int e = graph.RowStarts[i]; e < graph.RowStarts[i + 1]; e++)
            {
                int j = graph.Targets[e];
                Assert.NotEqual(i, j);
                int back = Array.BinarySearch(graph.Targets, graph.RowStarts[j], graph.RowStarts[j + 1] - graph.RowStarts[j], i);
                Assert.True(back >= 0, $"edge {i} → {j} has no reverse");
                Assert.Equal(graph.Weights[e], graph.Weights[back]);
            }
        }
    }

    [Fact]
    public void The_leading_eigenvectors_of_the_normalised_adjacency_match_a_dense_decomposition()
    {
        var graph = FuzzySimplicialSet.Build(CorrelatedData.Random(150, 4, seed: 5), UmapMetric.Euclidean, 8, 1.0, 1.0, threads: 2, CancellationToken.None);
        var (labels, count) = ConnectedComponents.Label(graph);
        Assert.Equal(1, count);
        Assert.All(labels, l => Assert.Equal(0, l));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 2 };

        var (vectors, values, converged) = ChebyshevSubspaceIteration.Leading(graph, 4, seed: 1, parallel);

        Assert.True(converged);
        int n = graph.Rows;
        var scale = ChebyshevSubspaceIteration.InverseSquareRootDegrees(graph);
        var dense = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int e = graph.RowStarts[i]; e < graph.RowStarts[i + 1]; e++)
            {
                dense[i * n + graph.Targets[e]] = scale[i] * graph.Weights[e] * scale[graph.Targets[e]];
            }
        }

        var (expectedValues, expectedVectors) = DeepClustering.Numerics.LinearAlgebra.SymmetricEigen.Descending(dense, n);
        Assert.Equal(1.0, values[0], 1e-6);
        for (int c = 0; c < 4; c++)
        {
            Assert.Equal(expectedValues[c], values[c], 1e-6);
            double dot = 0;
            for (int i = 0; i < n; i++)
            {
                dot += vectors[i * 4 + c] * expectedVectors[c * n + i];
            }

            Assert.True(Math.Abs(Math.Abs(dot) - 1) < 1e-4, $"eigenvector {c}: |cos| = {Math.Abs(dot)}");
        }
    }

    [Fact]
    public void The_filter_degree_drops_while_the_cut_is_far_below_one()
    {
        Assert.Equal(ChebyshevSubspaceIteration.MaxFilterDegree, ChebyshevSubspaceIteration.FilterDegreeFor(1.02));
        int far = ChebyshevSubspaceIteration.FilterDegreeFor(3.0);
        Assert.InRange(far, 1, ChebyshevSubspaceIteration.MaxFilterDegree - 1);
        Assert.True(Math.Cosh(far * Math.Acosh(3.0)) <= ChebyshevSubspaceIteration.MaxGrowth);
        Assert.True(Math.Cosh((far + 1) * Math.Acosh(3.0)) > ChebyshevSubspaceIteration.MaxGrowth);
    }

    [Fact]
    public void Orthonormalisation_gives_orthonormal_columns_even_for_a_nearly_dependent_block()
    {
        const int n = 200, block = 5;
        var random = new DeepClustering.Numerics.Randomness.RandomGenerator(3);
        var x = new double[n * block];
        for (int i = 0; i < n; i++)
        {
            double common = random.NextGaussian();
            for (int c = 0; c < block; c++)
            {
                x[i * block + c] = common + 1e-6 * random.NextGaussian();
            }
        }

        ChebyshevSubspaceIteration.Orthonormalise(x, n, block);

        for (int a = 0; a < block; a++)
        {
            for (int b = 0; b < block; b++)
            {
                double dot = Enumerable.Range(0, n).Sum(i => x[i * block + a] * x[i * block + b]);
                Assert.Equal(a == b ? 1.0 : 0.0, dot, 1e-9);
            }
        }
    }

    [Fact]
    public void A_graph_of_separate_pieces_is_laid_out_piece_by_piece_around_distinct_places()
    {
        // Three blobs 60 apart with 6 neighbours each: the neighbour graph falls into three components.
        var data = TsneTests.Blobs(90, seed: 6);
        var graph = FuzzySimplicialSet.Build(data, UmapMetric.Euclidean, 6, 1.0, 1.0, threads: 1, CancellationToken.None);
        var (labels, count) = ConnectedComponents.Label(graph);
        Assert.Equal(3, count);

        var (layout, _) = SpectralLayout.Compute(graph, data, 2, seed: 1, new ParallelOptions { MaxDegreeOfParallelism = 1 });

        var places = SpectralLayout.UnitVectorPlaces(3, 2);
        for (int i = 0; i < 90; i++)
        {
            int component = labels[i];
            double dx = layout[i * 2] - places[component * 2], dy = layout[i * 2 + 1] - places[component * 2 + 1];
            Assert.True(Math.Max(Math.Abs(dx), Math.Abs(dy)) <= Math.Sqrt(2) / 2 + 1e-9, $"point {i} strays {dx}, {dy} from its component's place");
        }
    }

    [Fact]
    public void Many_components_are_placed_by_scaling_their_centroids()
    {
        var data = DataMatrix.FromRows(new[] { new[] { 0f, 0f }, new[] { 10f, 0f }, new[] { 0f, 20f }, new[] { 10f, 20f }, new[] { 5f, 10f } });
        var places = SpectralLayout.CentroidScaling(data, [0, 1, 2, 3, 4], 5, 2);

        // Classical scaling keeps the distances up to one common scale (and a rotation).
        double Distance(int p, int q) => Math.Sqrt(Math.Pow(places[p * 2] - places[q * 2], 2) + Math.Pow(places[p * 2 + 1] - places[q * 2 + 1], 2));
        double scale = Distance(0, 1) / 10;
        Assert.Equal(20 * scale, Distance(0, 2), 1e-9);
        Assert.Equal(Math.Sqrt(500) * scale, Distance(0, 3), 1e-9);
        Assert.Equal(1.0, places.Max(), 1e-12);
    }
}
