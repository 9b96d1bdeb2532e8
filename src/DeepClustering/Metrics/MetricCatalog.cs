namespace DeepClustering.Metrics;

/// <summary>
/// Every metric of the library as an <see cref="IMetric"/>, under the short names that the command-line tool's
/// JSON and the sweeps use: acc, nmi, ari, purity (need the true labels), silhouette, calinski_harabasz,
/// davies_bouldin (need the data).
/// </summary>
public static class MetricCatalog
{
    /// <summary>ACC, <see cref="ClusteringAccuracy"/>: "acc", higher is better.</summary>
    public static IMetric Accuracy { get; } = new ExternalMetric("acc", MetricDirection.HigherIsBetter, ClusteringAccuracy.Compute);

    /// <summary>NMI with the arithmetic mean (scikit-learn's default), <see cref="Metrics.NormalizedMutualInformation"/>: "nmi".</summary>
    public static IMetric NormalizedMutualInformation { get; } = NormalizedMutualInformationWith(NmiAverage.Arithmetic);

    /// <summary>ARI, <see cref="Metrics.AdjustedRandIndex"/>: "ari", higher is better.</summary>
    public static IMetric AdjustedRandIndex { get; } = new ExternalMetric("ari", MetricDirection.HigherIsBetter, Metrics.AdjustedRandIndex.Compute);

    /// <summary>Purity, <see cref="Metrics.Purity"/>: "purity", higher is better.</summary>
    public static IMetric Purity { get; } = new ExternalMetric("purity", MetricDirection.HigherIsBetter, Metrics.Purity.Compute);

    /// <summary>The exact silhouette on every core, <see cref="Metrics.Silhouette"/>: "silhouette", higher is better.</summary>
    public static IMetric Silhouette { get; } = new InternalMetric("silhouette", MetricDirection.HigherIsBetter,
        (data, labels) => Metrics.Silhouette.Compute(data, labels));

    /// <summary>Calinski-Harabasz, <see cref="Metrics.CalinskiHarabasz"/>: "calinski_harabasz", higher is better.</summary>
    public static IMetric CalinskiHarabasz { get; } = new InternalMetric("calinski_harabasz", MetricDirection.HigherIsBetter, Metrics.CalinskiHarabasz.Compute);

    /// <summary>Davies-Bouldin, <see cref="Metrics.DaviesBouldin"/>: "davies_bouldin", lower is better.</summary>
    public static IMetric DaviesBouldin { get; } = new InternalMetric("davies_bouldin", MetricDirection.LowerIsBetter, Metrics.DaviesBouldin.Compute);

    /// <summary>All seven, external scores first.</summary>
    public static IReadOnlyList<IMetric> All { get; } =
        [Accuracy, NormalizedMutualInformation, AdjustedRandIndex, Purity, Silhouette, CalinskiHarabasz, DaviesBouldin];

    /// <summary>
    /// NMI with the given mean of the entropies: named "nmi" for <see cref="NmiAverage.Arithmetic"/>, otherwise
    /// "nmi_min", "nmi_geometric" or "nmi_max".
    /// </summary>
    public static IMetric NormalizedMutualInformationWith(NmiAverage average)
    {
        if (!Enum.IsDefined(average))
        {
            throw new ArgumentOutOfRangeException(nameof(average), average, "Not a defined NmiAverage: use Min, Geometric, Arithmetic or Max.");
        }

        string name = average == NmiAverage.Arithmetic ? "nmi" : "nmi_" + average.ToString().ToLowerInvariant();
        return new ExternalMetric(name, MetricDirection.HigherIsBetter,
            (labelsTrue, labelsPred) => Metrics.NormalizedMutualInformation.Compute(labelsTrue, labelsPred, average));
    }

    /// <summary>The metric of <see cref="All"/> named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No metric has that name (the message lists the names).</exception>
    public static IMetric Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"No metric is named '{name}'; the metrics are {string.Join(", ", All.Select(m => m.Name))}.", nameof(name));
    }
}
