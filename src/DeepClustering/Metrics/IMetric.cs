using DeepClustering.Data;

namespace DeepClustering.Metrics;

/// <summary>
/// A named clustering score with its direction. External scores compare predicted with true labels; internal
/// scores judge predicted labels against the data alone, for users with no labels.
/// </summary>
public interface IMetric
{
    /// <summary>A short name, for example <c>nmi</c>.</summary>
    string Name { get; }

    /// <summary>Whether larger or smaller is better.</summary>
    MetricDirection Direction { get; }

    /// <summary>True when the score needs the true labels (external score).</summary>
    bool NeedsTrueLabels { get; }

    /// <summary>True when the score needs the data (internal score).</summary>
    bool NeedsData { get; }

    /// <summary>
    /// Computes the score. <paramref name="trueLabels"/> is required when <see cref="NeedsTrueLabels"/> is set,
    /// <paramref name="data"/> when <see cref="NeedsData"/> is set; the method throws naming the missing argument.
    /// </summary>
    double Compute(IReadOnlyList<int> predictedLabels, IReadOnlyList<int>? trueLabels = null, DataMatrix? data = null);
}
