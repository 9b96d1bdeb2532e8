using DeepClustering.Training;

namespace DeepClustering.Plotting;

/// <summary>One line of a <see cref="CurvePlot"/>: a named series of (x, y) points, drawn in the order given.</summary>
/// <param name="Name">The legend's text.</param>
/// <param name="X">The x values.</param>
/// <param name="Y">The y values, one per x.</param>
public sealed record Curve(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>
    /// The records of a fit's history (<c>DeepClusteringModel.History</c>) that have a value, as a curve against their
    /// step: for example the ACC monitored during the refinement, <c>Curve.FromHistory("k = 10", model.History, r => r.Accuracy)</c>.
    /// </summary>
    /// <param name="name">The legend's text.</param>
    /// <param name="history">The records, in the order the fit took them.</param>
    /// <param name="value">The value of a record, null where it has none.</param>
    /// <param name="phase">Only the records of this phase; null for the refinement (every phase but pretraining).</param>
    /// <exception cref="ArgumentException">No record has a value.</exception>
    public static Curve FromHistory(string name, IReadOnlyList<TrainingRecord> history, Func<TrainingRecord, double?> value, TrainingPhase? phase = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(value);
        var records = history.Where(r => r is not null && (phase is null ? r.Phase != TrainingPhase.Pretraining : r.Phase == phase) && value(r) is not null).ToArray();
        if (records.Length == 0)
        {
            throw new ArgumentException($"No record of the history has a value for the curve '{name}' (was it monitored with labels?).", nameof(history));
        }

        return new Curve(name, records.Select(r => (double)r.Step).ToArray(), records.Select(r => value(r)!.Value).ToArray());
    }
}
