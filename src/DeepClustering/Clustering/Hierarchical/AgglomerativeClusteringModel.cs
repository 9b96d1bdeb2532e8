using DeepClustering.Clustering.Spatial;
using DeepClustering.Data;

namespace DeepClustering.Clustering.Hierarchical;

/// <summary>A fitted <see cref="AgglomerativeClustering"/>: the labels, the merge tree, and the training rows for <see cref="Predict"/>.</summary>
public sealed class AgglomerativeClusteringModel : IClusteringModel
{
    private readonly int[] _labels;
    private readonly float[] _training;
    private readonly int _columns;
    private readonly Lazy<KdTree> _tree;

    internal AgglomerativeClusteringModel(DataMatrix data, int[] labels, int clusterCount, Linkage linkage, Dendrogram dendrogram)
    {
        _labels = labels;
        _training = (float[])data.Values.Clone();
        _columns = data.Columns;
        ClusterCount = clusterCount;
        Linkage = linkage;
        Dendrogram = dendrogram;
        _tree = new Lazy<KdTree>(() => new KdTree(_training, labels.Length, _columns));
    }

    /// <inheritdoc />
    public int ClusterCount { get; }

    /// <summary>The cluster of each training row, 0 … ClusterCount − 1, numbered as scikit-learn numbers them (<c>labels_</c>).</summary>
    public IReadOnlyList<int> Labels => _labels;

    /// <summary>The linkage the tree was built with.</summary>
    public Linkage Linkage { get; }

    /// <summary>The full merge tree (scikit-learn's <c>children_</c> and <c>distances_</c>, scipy's linkage matrix).</summary>
    public Dendrogram Dendrogram { get; }

    /// <summary>
    /// Labels new rows: each takes the label of its nearest training row (Euclidean distance; the lowest row on
    /// ties). Agglomerative clustering has no model of new points (scikit-learn has no <c>predict</c>), and this
    /// is the simplest rule that gives a training row its own label back.
    /// </summary>
    public int[] Predict(DataMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireFinite(nameof(data));
        if (data.Columns != _columns)
        {
            throw new ArgumentException($"The data have {data.Columns} columns; the model was fitted on {_columns}.", nameof(data));
        }

        var tree = _tree.Value;
        var labels = new int[data.Rows];
        for (int i = 0; i < data.Rows; i++)
        {
            labels[i] = _labels[tree.Nearest(data.Row(i), double.PositiveInfinity, out _)];
        }

        return labels;
    }
}
