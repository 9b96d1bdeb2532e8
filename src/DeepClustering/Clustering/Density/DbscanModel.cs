using DeepClustering.Clustering.Spatial;
using DeepClustering.Data;

namespace DeepClustering.Clustering.Density;

/// <summary>A fitted <see cref="Dbscan"/>: the training rows' labels (−1 for noise) and the core samples.</summary>
public sealed class DbscanModel : IClusteringModel
{
    private readonly int[] _labels;
    private readonly int[] _coreSampleIndices;
    private readonly float[] _coreSamples;
    private readonly int _columns;
    private readonly Lazy<KdTree?> _coreTree;

    internal DbscanModel(DataMatrix data, int[] labels, int clusterCount, int[] coreSampleIndices, double epsilon)
    {
        _labels = labels;
        _coreSampleIndices = coreSampleIndices;
        _columns = data.Columns;
        ClusterCount = clusterCount;
        Epsilon = epsilon;
        _coreSamples = new float[(long)coreSampleIndices.Length * data.Columns];
        for (int i = 0; i < coreSampleIndices.Length; i++)
        {
            data.Row(coreSampleIndices[i]).CopyTo(_coreSamples.AsSpan(i * _columns, _columns));
        }

        NoiseCount = labels.Count(label => label < 0);
        _coreTree = new Lazy<KdTree?>(() => coreSampleIndices.Length == 0
            ? null
            : new KdTree(_coreSamples, coreSampleIndices.Length, _columns));
    }

    /// <inheritdoc />
    public int ClusterCount { get; }

    /// <summary>The cluster of each training row, numbered in row order of each cluster's first core point, or −1 for noise (scikit-learn's <c>labels_</c>).</summary>
    public IReadOnlyList<int> Labels => _labels;

    /// <summary>The rows that are core points, in increasing order (scikit-learn's <c>core_sample_indices_</c>).</summary>
    public IReadOnlyList<int> CoreSampleIndices => _coreSampleIndices;

    /// <summary>Training rows labelled noise (−1).</summary>
    public int NoiseCount { get; }

    /// <summary>The neighbourhood radius the model was fitted with.</summary>
    public double Epsilon { get; }

    /// <summary>
    /// Labels new rows: each takes the label of its nearest core sample when that core sample is within
    /// <see cref="Epsilon"/> (distance ≤ ε; among equally near core samples, the lowest row), and −1 (noise)
    /// otherwise. A new row is never a core point itself and never links clusters, so this is the cluster a
    /// border point at its place would join, up to the choice among clusters that scikit-learn leaves open
    /// (scikit-learn's DBSCAN has no <c>predict</c>).
    /// </summary>
    public int[] Predict(DataMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireFinite(nameof(data));
        if (data.Columns != _columns)
        {
            throw new ArgumentException($"The data have {data.Columns} columns; the model was fitted on {_columns}.", nameof(data));
        }

        var labels = new int[data.Rows];
        var tree = _coreTree.Value;
        if (tree is null)
        {
            Array.Fill(labels, -1);
            return labels;
        }

        double radiusSquared = Epsilon * Epsilon;
        for (int i = 0; i < data.Rows; i++)
        {
            int nearest = tree.Nearest(data.Row(i), radiusSquared, out _);
            labels[i] = nearest < 0 ? -1 : _labels[_coreSampleIndices[nearest]];
        }

        return labels;
    }
}
