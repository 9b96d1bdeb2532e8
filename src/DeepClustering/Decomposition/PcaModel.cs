using System.Collections.ObjectModel;
using DeepClustering.Data;
using DeepClustering.Numerics.LinearAlgebra;

namespace DeepClustering.Decomposition;

/// <summary>
/// A fitted principal component analysis (the attributes of scikit-learn's fitted <c>PCA</c>): the principal axes
/// with their variances, and the projection onto them and back. Immutable.
/// </summary>
public sealed class PcaModel
{
    private readonly double[] _components;
    private readonly double[] _mean;
    private readonly double[] _explainedVariance;
    private readonly int _threads;

    internal PcaModel(double[] components, int componentCount, double[] mean, double[] explainedVariance,
        double[] explainedVarianceRatio, double[] singularValues, int sampleCount, bool whiten, int threads)
    {
        _components = components;
        _mean = mean;
        _explainedVariance = explainedVariance;
        _threads = threads;
        ComponentCount = componentCount;
        FeatureCount = mean.Length;
        SampleCount = sampleCount;
        Whiten = whiten;
        Mean = new ReadOnlyCollection<double>(mean);
        ExplainedVariance = new ReadOnlyCollection<double>(explainedVariance);
        ExplainedVarianceRatio = new ReadOnlyCollection<double>(explainedVarianceRatio);
        SingularValues = new ReadOnlyCollection<double>(singularValues);
    }

    /// <summary>Principal axes kept (scikit-learn's <c>n_components_</c>).</summary>
    public int ComponentCount { get; }

    /// <summary>Columns of the data the model was fitted on (<c>n_features_in_</c>).</summary>
    public int FeatureCount { get; }

    /// <summary>Rows of the data the model was fitted on (<c>n_samples_</c>).</summary>
    public int SampleCount { get; }

    /// <summary>Whether <see cref="Transform"/> scales each component to unit variance.</summary>
    public bool Whiten { get; }

    /// <summary>
    /// A copy of the principal axes, <see cref="ComponentCount"/> × <see cref="FeatureCount"/>: row c is the unit
    /// vector of axis c, in decreasing order of variance, with scikit-learn's sign convention (the largest score
    /// in absolute value along each axis is positive) so that the signs match scikit-learn's <c>components_</c>.
    /// </summary>
    public double[,] Components
    {
        get
        {
            var copy = new double[ComponentCount, FeatureCount];
            Buffer.BlockCopy(_components, 0, copy, 0, _components.Length * sizeof(double));
            return copy;
        }
    }

    /// <summary>The variance of the data along each axis, with n − 1 degrees of freedom (<c>explained_variance_</c>).</summary>
    public IReadOnlyList<double> ExplainedVariance { get; }

    /// <summary>Each axis' share of the total variance (<c>explained_variance_ratio_</c>).</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio { get; }

    /// <summary>The singular values of the centred data along the axes (<c>singular_values_</c>).</summary>
    public IReadOnlyList<double> SingularValues { get; }

    /// <summary>The column means subtracted before projecting (<c>mean_</c>); zeros when centring is off.</summary>
    public IReadOnlyList<double> Mean { get; }

    /// <summary>
    /// Projects rows onto the principal axes: (x − mean)·Componentsᵀ, divided by the square root of each axis'
    /// variance when <see cref="Whiten"/> is on (an axis of zero variance then gives 0). Rows × ComponentCount.
    /// </summary>
    public DataMatrix Transform(DataMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        RequireColumns(data, FeatureCount, nameof(data));
        return new DataMatrix(Project(data, ScaledComponents(whitened: Whiten)), data.Rows, ComponentCount);
    }

    /// <summary>
    /// Maps projected rows back to the data space: scores·Components (each component scaled back by the square root
    /// of its variance when <see cref="Whiten"/> is on) + mean. Rows × FeatureCount.
    /// </summary>
    public DataMatrix InverseTransform(DataMatrix scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        RequireColumns(scores, ComponentCount, nameof(scores));
        int n = scores.Rows, k = ComponentCount, d = FeatureCount;
        var axes = new float[k * d];
        for (int c = 0; c < k; c++)
        {
            double scale = Whiten ? Math.Sqrt(_explainedVariance[c]) : 1.0;
            for (int j = 0; j < d; j++)
            {
                axes[c * d + j] = (float)(_components[c * d + j] * scale);
            }
        }

        var result = new float[(long)n * d];
        using (var pool = MatrixProduct.Pool(_threads))
        {
            MatrixProduct.Multiply(pool, false, false, n, d, k, 1f, scores.Values, k, axes, d, 0f, result, d);
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                result[(long)i * d + j] = (float)(result[(long)i * d + j] + _mean[j]);
            }
        }

        return new DataMatrix(result, n, d);
    }

    /// <summary>The centred rows projected on the given axes (k × d, row-major, float32): rows × k, float32.</summary>
    internal float[] Project(DataMatrix data, float[] axes)
    {
        int n = data.Rows, d = FeatureCount, k = axes.Length / d;
        var result = new float[(long)n * k];
        const int blockRows = 4096;
        var block = new float[Math.Min(blockRows, n) * d];
        var values = data.Values;
        using var pool = MatrixProduct.Pool(_threads);
        for (int start = 0; start < n; start += blockRows)
        {
            int rows = Math.Min(blockRows, n - start);
            for (int i = 0; i < rows; i++)
            {
                int source = (start + i) * d, target = i * d;
                for (int j = 0; j < d; j++)
                {
                    block[target + j] = (float)(values[source + j] - _mean[j]);
                }
            }

            MatrixProduct.Multiply(pool, false, true, rows, k, d, 1f, block, d, axes, d, 0f, result.AsSpan(start * k, rows * k), k);
        }

        return result;
    }

    /// <summary>The axes in float32, each divided by the square root of its variance when whitening.</summary>
    internal float[] ScaledComponents(bool whitened)
    {
        int k = ComponentCount, d = FeatureCount;
        var axes = new float[k * d];
        for (int c = 0; c < k; c++)
        {
            double scale = whitened ? WhiteningScale(_explainedVariance[c]) : 1.0;
            for (int j = 0; j < d; j++)
            {
                axes[c * d + j] = (float)(_components[c * d + j] * scale);
            }
        }

        return axes;
    }

    /// <summary>1/√variance, or 0 for an axis without variance (which scikit-learn would turn into NaN).</summary>
    internal static double WhiteningScale(double variance) => variance > 0 ? 1.0 / Math.Sqrt(variance) : 0.0;

    internal ReadOnlySpan<double> ComponentsSpan => _components;

    private static void RequireColumns(DataMatrix data, int expected, string name)
    {
        data.RequireFinite(name);
        if (data.Columns != expected)
        {
            throw new ArgumentException($"The data have {data.Columns} columns but the model expects {expected}.", name);
        }
    }
}
