namespace DeepClustering.Training;

/// <summary>
/// Where a fit stands, reported through <see cref="IProgress{T}"/> (<see cref="SynchronousProgress{T}"/> reports on the
/// fitting thread). Pretraining reports after every mini-batch (<see cref="Batch"/> of <see cref="BatchesPerStep"/>
/// within epoch <see cref="Step"/>); the initial clustering reports when it starts (step 0 of 1) and ends (1 of 1); the
/// refinement reports after every step, and once more at each refresh of its targets (<see cref="IsRefresh"/>, with
/// <see cref="LabelsChanged"/>). <see cref="Elapsed"/> and <see cref="Remaining"/> are the phase's.
/// </summary>
/// <param name="Phase">The current phase.</param>
/// <param name="Step">Epochs (pretraining), 0 or 1 (clustering), or mini-batch steps (refinement) done.</param>
/// <param name="TotalSteps">Epochs, 1, or the refinement's iteration cap (see <see cref="TotalIsUpperBound"/>).</param>
/// <param name="Loss">The latest loss (the mean of the epoch's or the interval's batches so far; 0 for the clustering).</param>
/// <param name="LabelsChanged">Fraction of labels changed at a refresh of the refinement, or null.</param>
public readonly record struct DeepClusteringProgress(TrainingPhase Phase, int Step, int TotalSteps, double Loss, double? LabelsChanged)
{
    /// <summary>Pretraining: mini-batches done in the current epoch, 1 … <see cref="BatchesPerStep"/>; 0 in the other phases.</summary>
    public int Batch { get; init; }

    /// <summary>Pretraining: mini-batches per epoch; 0 in the other phases.</summary>
    public int BatchesPerStep { get; init; }

    /// <summary>
    /// Whether <see cref="TotalSteps"/> is a cap that the phase may stop before: the refinement stops at the first
    /// refresh where few enough labels change, so its real length is known only when it ends.
    /// </summary>
    public bool TotalIsUpperBound { get; init; }

    /// <summary>Whether this report is a refresh of the refinement's targets (with its <see cref="LabelsChanged"/>, except at step 0).</summary>
    public bool IsRefresh { get; init; }

    /// <summary>Accuracy against the monitoring labels at a refresh (and after the clustering), when they were given.</summary>
    public double? Accuracy { get; init; }

    /// <summary>Wall-clock time since the phase began.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>
    /// The phase's estimated time left, from its pace so far (an upper bound when <see cref="TotalIsUpperBound"/>);
    /// null before anything was measured.
    /// </summary>
    public TimeSpan? Remaining { get; init; }

    /// <summary>The fraction of the phase done, in [0, 1] (of its cap, for the refinement).</summary>
    public double Fraction => TotalSteps <= 0 ? 1.0
        : BatchesPerStep > 0 ? Math.Clamp(((Step - 1) * (double)BatchesPerStep + Batch) / ((double)TotalSteps * BatchesPerStep), 0, 1)
        : Math.Clamp((double)Step / TotalSteps, 0, 1);

    /// <summary>Whether this is a refinement refresh's report (with <see cref="LabelsChanged"/>) or an epoch's last batch.</summary>
    public bool IsMilestone => IsRefresh || (BatchesPerStep > 0 && Batch == BatchesPerStep) || Phase == TrainingPhase.Clustering;
}
