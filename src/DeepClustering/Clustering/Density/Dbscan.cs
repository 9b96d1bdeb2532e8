using DeepClustering.Clustering.Spatial;
using DeepClustering.Data;

namespace DeepClustering.Clustering.Density;

/// <summary>
/// DBSCAN, density-based clustering with noise (Ester et al., 1996), with scikit-learn's semantics: a core point
/// has at least <see cref="DbscanOptions.MinimumPoints"/> points (itself included) within Euclidean distance
/// <see cref="DbscanOptions.Epsilon"/>; clusters are the groups of core points linked by chains of neighbours,
/// with the non-core points within ε of them; the rest is noise, labelled −1.
/// </summary>
/// <remarks>
/// Clusters are numbered as scikit-learn numbers them: in row order of their first core point. A border point
/// within ε of core points of several clusters joins the cluster numbered first, as in scikit-learn, so labels
/// agree with <c>sklearn.cluster.DBSCAN</c> exactly (distances are compared in double precision with ≤, as its
/// k-d tree does; data in double precision are rounded to float32 by <see cref="DataMatrix"/> first).
/// Neighbourhoods come from a k-d tree and are never all held at once: a first, parallel pass counts each point's
/// neighbours (stopping at <see cref="DbscanOptions.MinimumPoints"/>), a second expands clusters from core points
/// in row order, its searches skipping the rows (and whole subtrees) already labelled. Memory is O(n).
/// </remarks>
public sealed class Dbscan : IClusterer
{
    /// <summary>Creates the clusterer with <paramref name="options"/> (default options when null).</summary>
    public Dbscan(DbscanOptions? options = null)
    {
        Options = options ?? new DbscanOptions();
        Options.Validate();
    }

    /// <summary>The options.</summary>
    public DbscanOptions Options { get; }

    /// <inheritdoc />
    public string Name => "DBSCAN";

    /// <summary>Clusters the rows of <paramref name="data"/>.</summary>
    public DbscanModel Fit(DataMatrix data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireFinite(nameof(data));
        double radiusSquared = Options.Epsilon * Options.Epsilon;
        var tree = new KdTree(data.Values, data.Rows, data.Columns);
        bool[] core = FindCorePoints(tree, data, radiusSquared, Options.MinimumPoints, Options.ResolveThreads(), cancellationToken);
        int[] labels = ExpandClusters(tree, data, core, radiusSquared, out int clusterCount, cancellationToken);

        var coreIndices = new List<int>();
        for (int i = 0; i < core.Length; i++)
        {
            if (core[i])
            {
                coreIndices.Add(i);
            }
        }

        return new DbscanModel(data, labels, clusterCount, coreIndices.ToArray(), Options.Epsilon);
    }

    IClusteringModel IClusterer.Fit(DataMatrix data, CancellationToken cancellationToken) => Fit(data, cancellationToken);

    /// <summary>Whether each row has at least <paramref name="minimumPoints"/> rows (itself included) within the radius.</summary>
    internal static bool[] FindCorePoints(KdTree tree, DataMatrix data, double radiusSquared, int minimumPoints, int threads,
        CancellationToken cancellationToken)
    {
        var core = new bool[data.Rows];
        const int chunk = 256;
        int chunks = (data.Rows + chunk - 1) / chunk;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        Parallel.For(0, chunks, parallel, c =>
        {
            int end = Math.Min(data.Rows, (c + 1) * chunk);
            for (int i = c * chunk; i < end; i++)
            {
                core[i] = tree.CountWithin(data.Row(i), radiusSquared, enough: minimumPoints) >= minimumPoints;
            }
        });
        return core;
    }

    /// <summary>
    /// Labels clusters from the core points, as scikit-learn's <c>dbscan_inner</c>: for each unlabelled core point
    /// in row order, a new cluster takes every point reachable from it through core points; points never reached
    /// stay −1.
    /// </summary>
    internal static int[] ExpandClusters(KdTree tree, DataMatrix data, bool[] core, double radiusSquared, out int clusterCount,
        CancellationToken cancellationToken)
    {
        var labels = new int[data.Rows];
        Array.Fill(labels, -1);
        // A labelled row is never relabelled, so searches skip labelled rows (and subtrees of them).
        var labelled = new KdTreeVisits(tree);
        var pending = new Stack<int>();
        var neighbours = new List<int>();
        int cluster = 0, searches = 0;
        for (int seed = 0; seed < data.Rows; seed++)
        {
            if (!core[seed] || labels[seed] != -1)
            {
                continue;
            }

            labels[seed] = cluster;
            labelled.Visit(seed);
            pending.Push(seed);
            while (pending.Count > 0)
            {
                if (searches++ % 1024 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                int point = pending.Pop();
                neighbours.Clear();
                tree.FindUnvisitedWithin(data.Row(point), radiusSquared, labelled, neighbours);
                foreach (int neighbour in neighbours)
                {
                    labels[neighbour] = cluster;
                    labelled.Visit(neighbour);
                    if (core[neighbour])
                    {
                        pending.Push(neighbour);
                    }
                }
            }

            cluster++;
        }

        clusterCount = cluster;
        return labels;
    }
}
