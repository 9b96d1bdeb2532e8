using System.Collections.ObjectModel;
using System.Numerics.Tensors;
using DeepClustering.Data;

namespace DeepClustering.Clustering;

/// <summary>A fitted k-means model: the centres, the training rows' labels and the inertia.</summary>
public sealed class KMeansModel : IClusteringModel
{
    private readonly float[] _centers;
    private readonly int _threads;

    internal KMeansModel(float[] centers, int clusters, int columns, int[] labels, double inertia, int iterations, int threads)
    {
        _centers = centers;
        _threads = threads;
        ClusterCount = clusters;
        Columns = columns;
        Centers = new DataMatrix((float[])centers.Clone(), clusters, columns);
        Labels = new ReadOnlyCollection<int>(labels);
        Inertia = inertia;
        Iterations = iterations;
    }

    /// <inheritdoc />
    public int ClusterCount { get; }

    /// <summary>Features per row, as in the training data.</summary>
    public int Columns { get; }

    /// <summary>The cluster centres, ClusterCount × Columns (scikit-learn's <c>cluster_centers_</c>); a copy.</summary>
    public DataMatrix Centers { get; }

    /// <summary>The nearest centre of each training row (scikit-learn's <c>labels_</c>).</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>Sum of squared distances of the training rows to their centres (scikit-learn's <c>inertia_</c>).</summary>
    public double Inertia { get; }

    /// <summary>Lloyd iterations run by the kept initialisation (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>The nearest centre of each row (the lowest index on ties).</summary>
    public int[] Predict(DataMatrix data)
    {
        RequireColumns(data);
        var labels = new int[data.Rows];
        using var pass = new NearestCenterPass(_threads);
        pass.Assign(data.Values, data.Rows, Columns, _centers, ClusterCount, labels, null);
        return labels;
    }

    /// <summary>
    /// The Euclidean distance of each row to every centre, rows × ClusterCount (scikit-learn's <c>transform</c>),
    /// in single precision through ‖x‖² − 2x·c + ‖c‖².
    /// </summary>
    public DataMatrix Transform(DataMatrix data)
    {
        RequireColumns(data);
        using var pass = new NearestCenterPass(_threads);
        var distances = pass.DotProducts(data.Values, data.Rows, Columns, _centers, ClusterCount);
        var centerNorms = NearestCenterPass.SquaredNorms(_centers, ClusterCount, Columns);
        for (int r = 0; r < data.Rows; r++)
        {
            float rowNorm = TensorPrimitives.SumOfSquares(data.Row(r));
            var row = distances.AsSpan(r * ClusterCount, ClusterCount);
            for (int c = 0; c < row.Length; c++)
            {
                row[c] = MathF.Sqrt(MathF.Max(0f, rowNorm - 2f * row[c] + centerNorms[c]));
            }
        }

        return new DataMatrix(distances, data.Rows, ClusterCount);
    }

    private void RequireColumns(DataMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Columns != Columns)
        {
            throw new ArgumentException($"The data have {data.Columns} columns but the model was fitted on {Columns}.", nameof(data));
        }
    }
}
