using System.Collections.ObjectModel;
using DeepClustering.Data;

namespace DeepClustering.Clustering;

/// <summary>A fitted spherical k-means model: unit-norm centres, the training rows' labels and the objective.</summary>
public sealed class SphericalKMeansModel : IClusteringModel, IHasClusterCenters
{
    private readonly float[] _centers;
    private readonly int _threads;

    internal SphericalKMeansModel(float[] centers, int clusters, int columns, int[] labels, double objective, int iterations, int threads)
    {
        _centers = centers;
        _threads = threads;
        ClusterCount = clusters;
        Columns = columns;
        Centers = new DataMatrix((float[])centers.Clone(), clusters, columns);
        Labels = new ReadOnlyCollection<int>(labels);
        Objective = objective;
        Iterations = iterations;
    }

    /// <inheritdoc />
    public int ClusterCount { get; }

    /// <summary>Features per row, as in the training data.</summary>
    public int Columns { get; }

    /// <summary>The unit-norm centres ("concept vectors"), ClusterCount × Columns; a copy.</summary>
    public DataMatrix Centers { get; }

    /// <summary>The most similar centre of each training row.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>
    /// The objective that spherical k-means maximises: the sum over the training rows of the cosine similarity to
    /// their centre (at most the number of rows). Rows − Objective is the summed cosine distance.
    /// </summary>
    public double Objective { get; }

    /// <summary>Iterations run by the kept initialisation.</summary>
    public int Iterations { get; }

    /// <summary>The centre of highest cosine similarity for each row (the lowest index on ties; zero rows get 0).</summary>
    public int[] Predict(DataMatrix data)
    {
        RequireColumns(data);
        var labels = new int[data.Rows];
        var pass = new NearestCenterPass(_threads);
        pass.Assign(data.Values, data.Rows, Columns, _centers, ClusterCount, labels, null, new float[ClusterCount]);
        return labels;
    }

    /// <summary>The cosine similarity of each row to every centre, rows × ClusterCount (0 for a zero row).</summary>
    public DataMatrix Transform(DataMatrix data)
    {
        RequireColumns(data);
        var unit = SphericalKMeans.UnitRows(data.Values, Columns, nameof(data), allowZero: true);
        var pass = new NearestCenterPass(_threads);
        return new DataMatrix(pass.DotProducts(unit, data.Rows, Columns, _centers, ClusterCount), data.Rows, ClusterCount);
    }

    private void RequireColumns(DataMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireFinite(nameof(data));
        if (data.Columns != Columns)
        {
            throw new ArgumentException($"The data have {data.Columns} columns but the model was fitted on {Columns}.", nameof(data));
        }
    }
}
