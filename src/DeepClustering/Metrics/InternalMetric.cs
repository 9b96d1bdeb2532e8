using DeepClustering.Data;

namespace DeepClustering.Metrics;

/// <summary>An <see cref="IMetric"/> judging predicted labels against the data alone (silhouette, Calinski-Harabasz, Davies-Bouldin).</summary>
internal sealed class InternalMetric(string name, MetricDirection direction, Func<DataMatrix, IReadOnlyList<int>, double> score) : IMetric
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public MetricDirection Direction { get; } = direction;

    /// <inheritdoc />
    public bool NeedsTrueLabels => false;

    /// <inheritdoc />
    public bool NeedsData => true;

    /// <inheritdoc />
    public double Compute(IReadOnlyList<int> predictedLabels, IReadOnlyList<int>? trueLabels = null, DataMatrix? data = null)
    {
        ArgumentNullException.ThrowIfNull(predictedLabels);
        if (data is null)
        {
            throw new ArgumentNullException(nameof(data), $"The metric '{Name}' judges the labels against the data; pass data.");
        }

        return score(data, predictedLabels);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
