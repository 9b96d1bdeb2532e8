using DeepClustering.Data;

namespace DeepClustering.Metrics;

/// <summary>The argument checks shared by the metrics; each names the bad argument.</summary>
internal static class MetricArguments
{
    /// <summary>Both label arrays present, non-empty and of the same length.</summary>
    public static void RequirePairedLabels(IReadOnlyList<int> labelsTrue, IReadOnlyList<int> labelsPred)
    {
        ArgumentNullException.ThrowIfNull(labelsTrue);
        ArgumentNullException.ThrowIfNull(labelsPred);
        if (labelsTrue.Count != labelsPred.Count)
        {
            throw new ArgumentException(
                $"labelsTrue has {labelsTrue.Count} labels but labelsPred has {labelsPred.Count}; they must label the same samples.",
                nameof(labelsPred));
        }

        if (labelsTrue.Count == 0)
        {
            throw new ArgumentException("The label arrays are empty; at least one sample is needed.", nameof(labelsTrue));
        }
    }

    /// <summary>Data and labels present, one label per data row.</summary>
    public static void RequireLabelledData(DataMatrix data, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(labels);
        data.RequireFinite(nameof(data));
        if (labels.Count != data.Rows)
        {
            throw new ArgumentException(
                $"The data have {data.Rows} rows but there are {labels.Count} labels; one label per row is needed.", nameof(labels));
        }
    }

    /// <summary>
    /// The rule of scikit-learn's internal scores: 2 ≤ clusters ≤ samples − 1, with its message
    /// ("Number of labels is 1. Valid values are 2 to n_samples - 1 (inclusive)").
    /// </summary>
    public static void RequireClusterCountForInternalScore(int clusters, int samples)
    {
        if (clusters < 2 || clusters > samples - 1)
        {
            throw new ArgumentException(
                $"Number of labels is {clusters}. Valid values are 2 to n_samples - 1 (inclusive); n_samples is {samples}.", "labels");
        }
    }
}
