using DeepClustering.Metrics;

namespace DeepClustering.Training;

/// <summary>The records of a fit, in order; scores predictions against monitoring labels when they are known.</summary>
public sealed class TrainingHistory
{
    private readonly List<TrainingRecord> _records = [];
    private readonly int[]? _monitoringLabels;

    /// <summary>Creates a history; <paramref name="monitoringLabels"/> (optional) are used only for ACC, NMI and ARI.</summary>
    public TrainingHistory(int[]? monitoringLabels = null)
    {
        _monitoringLabels = monitoringLabels;
    }

    /// <summary>The records so far.</summary>
    public IReadOnlyList<TrainingRecord> Records => _records;

    /// <summary>Adds a record, scoring <paramref name="labels"/> when monitoring labels are known.</summary>
    public TrainingRecord Add(TrainingPhase phase, int step, double? loss, double? labelsChanged, IReadOnlyList<int>? labels)
    {
        double? acc = null, nmi = null, ari = null;
        if (_monitoringLabels is not null && labels is not null)
        {
            var table = ContingencyMatrix.Compute(_monitoringLabels, labels);
            acc = ClusteringAccuracy.Compute(table);
            nmi = NormalizedMutualInformation.Compute(table);
            ari = AdjustedRandIndex.Compute(table);
        }

        var record = new TrainingRecord(phase, step, loss, labelsChanged, acc, nmi, ari);
        _records.Add(record);
        return record;
    }
}
