using DeepClustering.Data;
using DeepClustering.Manifold.Affinities;

namespace DeepClustering.Manifold.FuzzyGraph;

/// <summary>
/// UMAP's fuzzy topological representation of the data (McInnes et al. 2018, section 3.1; umap-learn's
/// <c>fuzzy_simplicial_set</c>): each point's k nearest neighbours, itself first, their membership strengths under
/// the point's local metric (<see cref="SmoothNeighborDistances"/>, <see cref="MembershipStrengths"/>), and the
/// symmetric union of the directed graphs (<see cref="FuzzyUnion"/>). For new points, the directed graph from each
/// to its neighbours among the training points, as umap-learn's <c>transform</c> builds it.
/// </summary>
internal static class FuzzySimplicialSet
{
    /// <summary>
    /// The symmetric graph over the rows of <paramref name="space"/> (see <see cref="NeighborSpace"/>), from each
    /// row's <paramref name="neighbors"/> nearest rows counting itself.
    /// </summary>
    public static SparseGraph Build(DataMatrix space, UmapMetric metric, int neighbors, double localConnectivity, double mixRatio, int threads,
        CancellationToken cancellationToken)
    {
        int n = space.Rows;
        var (others, squared) = NearestNeighbors.Find(space, neighbors - 1, threads, cancellationToken);
        var indices = new int[(long)n * neighbors];
        var distances = new double[(long)n * neighbors];
        for (int i = 0; i < n; i++)
        {
            indices[(long)i * neighbors] = i;
            for (int m = 1; m < neighbors; m++)
            {
                long at = (long)i * (neighbors - 1) + m - 1;
                indices[(long)i * neighbors + m] = others[at];
                distances[(long)i * neighbors + m] = NeighborSpace.Distance(squared[at], metric);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var (sigmas, rhos) = SmoothNeighborDistances.Compute(distances, neighbors, neighbors, localConnectivity);
        var strengths = MembershipStrengths.Compute(indices, distances, neighbors, sigmas, rhos, overOnePointSet: true);
        return FuzzyUnion.Symmetrise(indices, strengths, neighbors, mixRatio);
    }

    /// <summary>
    /// The directed graph from each query row to its <paramref name="neighbors"/> nearest training rows, with the
    /// local connectivity lowered by one as umap-learn's <c>transform</c> lowers it (a new point is not among the
    /// training points, so its nearest neighbour is not itself); targets in increasing order within each row.
    /// </summary>
    public static SparseGraph ToTraining(DataMatrix querySpace, DataMatrix trainingSpace, UmapMetric metric, int neighbors, double localConnectivity,
        int threads, CancellationToken cancellationToken)
    {
        int m = querySpace.Rows;
        var (indices, squared) = NearestNeighbors.FindAmong(querySpace, trainingSpace, neighbors, threads, cancellationToken);
        var distances = new double[squared.Length];
        for (int e = 0; e < squared.Length; e++)
        {
            distances[e] = NeighborSpace.Distance(squared[e], metric);
        }

        var (sigmas, rhos) = SmoothNeighborDistances.Compute(distances, neighbors, neighbors, Math.Max(0, localConnectivity - 1));
        var strengths = MembershipStrengths.Compute(indices, distances, neighbors, sigmas, rhos, overOnePointSet: false);
        var starts = new int[m + 1];
        var targets = new List<int>(indices.Length);
        var weights = new List<float>(indices.Length);
        var row = new (int Target, float Weight)[neighbors];
        for (int i = 0; i < m; i++)
        {
            int kept = 0;
            for (int c = 0; c < neighbors; c++)
            {
                float w = strengths[i * neighbors + c];
                if (w > 0)
                {
                    row[kept++] = (indices[i * neighbors + c], w);
                }
            }

            Array.Sort(row, 0, kept);
            for (int c = 0; c < kept; c++)
            {
                targets.Add(row[c].Target);
                weights.Add(row[c].Weight);
            }

            starts[i + 1] = targets.Count;
        }

        return new SparseGraph(m, trainingSpace.Rows, starts, [.. targets], [.. weights]);
    }
}
