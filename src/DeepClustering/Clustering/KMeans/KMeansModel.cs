using System.Collections.ObjectModel;
using System.Numerics.Tensors;
using DeepClustering.Data;
using DeepClustering.Numerics.Distances;

namespace DeepClustering.Clustering;

/// <summary>A fitted k-means model: the centres, the training rows' labels and the inertia.</summary>
public sealed class KMeansModel : IClusteringModel, IHasClusterCenters
{
    private readonly float[] _centeredCenters;
    private readonly float[] _shift;
    private readonly float _scale;
    private readonly int _threads;

    /// <summary>
    /// A fitted model. <paramref name="centeredCenters"/> are the centres less <paramref name="shift"/> (the training
    /// data's column means); new rows are shifted the same way before their distances are expanded, which keeps
    /// ‖x‖² − 2x·c + ‖c‖² accurate for data far from the origin. Both are also multiplied by <paramref name="scale"/>, a
    /// power of two that is 1 unless the data's magnitudes could overflow the squared distances.
    /// </summary>
    internal KMeansModel(float[] centeredCenters, float[] shift, float scale, int clusters, int columns, int[] labels, double inertia, int iterations, int threads)
    {
        _centeredCenters = centeredCenters;
        _shift = shift;
        _scale = scale;
        _threads = threads;
        var centers = new float[centeredCenters.Length];
        for (int i = 0; i < centers.Length; i++)
        {
            centers[i] = (float)((double)centeredCenters[i] / scale + shift[i % columns]);
        }

        ClusterCount = clusters;
        Columns = columns;
        Centers = new DataMatrix(centers, clusters, columns);
        Labels = new ReadOnlyCollection<int>(labels);
        Inertia = inertia;
        Iterations = iterations;
        DistinctCenterCount = CountDistinctRows(centers, clusters, columns);
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

    /// <summary>
    /// Centres that differ from each other. Below <see cref="ClusterCount"/> when the data have fewer distinct points than
    /// clusters: some centres coincide (and <see cref="KMeans.Fit"/> logs a warning, as scikit-learn warns).
    /// </summary>
    public int DistinctCenterCount { get; }

    /// <summary>The nearest centre of each row (the lowest index on ties), as k-means assigned the training rows.</summary>
    public int[] Predict(DataMatrix data)
    {
        RequireColumns(data);
        var labels = new int[data.Rows];
        var pass = new NearestCenterPass(_threads);
        pass.Assign(Shifted(data), data.Rows, Columns, _centeredCenters, ClusterCount, labels, null);
        return labels;
    }

    /// <summary>
    /// The Euclidean distance of each row to every centre, rows × ClusterCount (scikit-learn's <c>transform</c>),
    /// in single precision through ‖x‖² − 2x·c + ‖c‖² (on rows and centres less the training data's column means).
    /// </summary>
    public DataMatrix Transform(DataMatrix data)
    {
        RequireColumns(data);
        var x = Shifted(data);
        var pass = new NearestCenterPass(_threads);
        var distances = pass.DotProducts(x, data.Rows, Columns, _centeredCenters, ClusterCount);
        var centerNorms = SquaredEuclidean.RowNorms(_centeredCenters, ClusterCount, Columns);
        for (int r = 0; r < data.Rows; r++)
        {
            float rowNorm = TensorPrimitives.SumOfSquares(x.AsSpan(r * Columns, Columns));
            var row = distances.AsSpan(r * ClusterCount, ClusterCount);
            for (int c = 0; c < row.Length; c++)
            {
                row[c] = MathF.Sqrt(MathF.Max(0f, rowNorm - 2f * row[c] + centerNorms[c])) / _scale;
            }
        }

        return new DataMatrix(distances, data.Rows, ClusterCount);
    }

    private float[] Shifted(DataMatrix data) => KMeansDataPreparation.Centered(data.Values, Columns, _shift, _scale, _threads);

    private static int CountDistinctRows(float[] values, int rows, int columns)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int r = 0; r < rows; r++)
        {
            seen.Add(Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan(r * columns, columns))));
        }

        return seen.Count;
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
