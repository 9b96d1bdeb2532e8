using DeepClustering.Data;

namespace DeepClustering.Metrics;

/// <summary>An <see cref="IMetric"/> comparing predicted with true labels (ACC, NMI, ARI, purity).</summary>
internal sealed class ExternalMetric(string name, MetricDirection direction, Func<IReadOnlyList<int>, IReadOnlyList<int>, double> score) : IMetric
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public MetricDirection Direction { get; } = direction;

    /// <inheritdoc />
    public bool NeedsTrueLabels => true;

    /// <inheritdoc />
    public bool NeedsData => false;

    /// <inheritdoc />
    public double Compute(IReadOnlyList<int> predictedLabels, IReadOnlyList<int>? trueLabels = null, DataMatrix? data = null)
    {
        ArgumentNullException.ThrowIfNull(predictedLabels);
        if (trueLabels is null)
        {
            throw new ArgumentNullException(nameof(trueLabels), $"The metric '{Name}' compares with the true labels; pass trueLabels.");
        }

        return score(trueLabels, predictedLabels);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
