namespace DeepClustering.Clustering.Hierarchical;

/// <summary>
/// The merge tree of an agglomerative clustering, as scipy's linkage matrix: n − 1 merges in order of
/// increasing distance. Nodes 0 … n − 1 are the training rows; merge i creates node n + i, and the last merge is
/// the root. Cut it into any number of clusters with <see cref="Cut"/> without clustering again.
/// </summary>
public sealed class Dendrogram
{
    private readonly DendrogramMerge[] _merges;

    internal Dendrogram(int leafCount, DendrogramMerge[] merges)
    {
        LeafCount = leafCount;
        _merges = merges;
    }

    /// <summary>The training rows (leaves), n.</summary>
    public int LeafCount { get; }

    /// <summary>The n − 1 merges; merge i creates node n + i (scikit-learn's <c>children_</c> and <c>distances_</c>).</summary>
    public IReadOnlyList<DendrogramMerge> Merges => _merges;

    /// <summary>
    /// The (n − 1) × 4 linkage matrix of <c>scipy.cluster.hierarchy</c>: first node, second node, distance, size.
    /// </summary>
    public double[,] ToLinkageMatrix()
    {
        var matrix = new double[_merges.Length, 4];
        for (int i = 0; i < _merges.Length; i++)
        {
            matrix[i, 0] = _merges[i].First;
            matrix[i, 1] = _merges[i].Second;
            matrix[i, 2] = _merges[i].Distance;
            matrix[i, 3] = _merges[i].Size;
        }

        return matrix;
    }

    /// <summary>
    /// The clusters left when the merges at distance <paramref name="distanceThreshold"/> or more are undone:
    /// scikit-learn's <c>n_clusters_</c> for a <c>distance_threshold</c> (merges at distances ≥ the threshold, plus one).
    /// </summary>
    public int ClusterCountAt(double distanceThreshold)
    {
        if (double.IsNaN(distanceThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(distanceThreshold), distanceThreshold, "The distance threshold must be a number.");
        }

        return _merges.Count(merge => merge.Distance >= distanceThreshold) + 1;
    }

    /// <summary>
    /// The label of each row when the tree is cut into <paramref name="clusterCount"/> clusters by undoing the
    /// last merges; clusters are numbered exactly as scikit-learn's <c>AgglomerativeClustering</c> numbers them.
    /// </summary>
    public int[] Cut(int clusterCount)
    {
        if (clusterCount < 1 || clusterCount > LeafCount)
        {
            throw new ArgumentOutOfRangeException(nameof(clusterCount), clusterCount,
                $"The tree has {LeafCount} leaves; it can be cut into 1 … {LeafCount} clusters.");
        }

        return TreeCut.Labels(_merges, LeafCount, clusterCount);
    }
}
