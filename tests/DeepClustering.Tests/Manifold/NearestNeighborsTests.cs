using DeepClustering.Manifold.Affinities;
using DeepClustering.Numerics.Distances;

namespace DeepClustering.Tests.Manifold;

/// <summary>The GEMM-based exact k nearest neighbours against a brute force in double.</summary>
public class NearestNeighborsTests
{
    [Fact]
    public void Neighbours_and_distances_match_a_brute_force_in_double()
    {
        const int n = 1500, k = 12;
        var data = CorrelatedData.Random(n, 7, seed: 40, offset: 2f);

        var (indices, distances) = NearestNeighbors.Find(data, k, threads: 2, CancellationToken.None);

        for (int i = 0; i < n; i++)
        {
            var expected = Enumerable.Range(0, n).Where(j => j != i)
                .Select(j => (Distance: SquaredEuclidean.Double(data.Row(i), data.Row(j)), Index: j))
                .Order().Take(k).ToArray();
            Assert.Equal(expected.Select(e => e.Index), indices.AsSpan(i * k, k).ToArray());
            Assert.Equal(expected.Select(e => e.Distance), distances.AsSpan(i * k, k).ToArray());
        }
    }

    [Fact]
    public void Ties_are_broken_by_index_and_a_point_is_not_its_own_neighbour()
    {
        // Points 0..4 on a line at 0, 1, 1, 2, 2 (duplicates at 1 and 2).
        var data = DeepClustering.Data.DataMatrix.FromRows(new[] { new[] { 0f }, [1f], [1f], [2f], [2f] });

        var (indices, distances) = NearestNeighbors.Find(data, 3, threads: 1, CancellationToken.None);

        Assert.Equal([1, 2, 3], indices[..3]);
        Assert.Equal([2, 0, 3], indices[3..6]);
        Assert.Equal([0.0, 1.0, 1.0], distances[3..6]);
    }

    [Fact]
    public void Asking_for_as_many_neighbours_as_rows_is_refused() =>
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() =>
            NearestNeighbors.Find(CorrelatedData.Random(5, 2, seed: 1), 5, 1, CancellationToken.None)).ParamName);
}
