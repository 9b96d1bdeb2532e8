using DeepClustering.Training;

namespace DeepClustering.Pipeline;

/// <summary>
/// A fit was cancelled. When it was cancelled during the refinement, <see cref="PartialModel"/> is the model as of the
/// last completed refinement step (the catcher owns it and must dispose it); during pretraining or the initial
/// clustering there is no model yet and it is null. It is an <see cref="OperationCanceledException"/>, so code that
/// only handles cancellation needs nothing new.
/// </summary>
/// <example>
/// <code>
/// try
/// {
///     model = estimator.Fit(images, cancellationToken: token);
/// }
/// catch (FitCanceledException e) when (e.PartialModel is not null)
/// {
///     model = e.PartialModel;   // e.PartialModel.Info.Canceled is true
/// }
/// </code>
/// </example>
public sealed class FitCanceledException : OperationCanceledException
{
    /// <summary>Wraps the cancellation <paramref name="innerException"/> with the phase it stopped in and the model kept.</summary>
    public FitCanceledException(TrainingPhase phase, DeepClusteringModel? partialModel, OperationCanceledException innerException)
        : base(Describe(phase, partialModel), innerException, innerException?.CancellationToken ?? default)
    {
        Phase = phase;
        PartialModel = partialModel;
    }

    /// <summary>The phase the fit was in when it stopped.</summary>
    public TrainingPhase Phase { get; }

    /// <summary>
    /// The model as of the last completed refinement step (its <see cref="DeepClusteringModelInfo.Canceled"/> is true),
    /// or null when the fit stopped before the refinement began or had no refinement to stop.
    /// </summary>
    public DeepClusteringModel? PartialModel { get; }

    private static string Describe(TrainingPhase phase, DeepClusteringModel? model) => model is null
        ? $"The fit was cancelled during {Name(phase)}; there is no model yet."
        : $"The fit was cancelled during {Name(phase)} after {model.Info.RefinementIterations} steps; the model as of the last completed step is kept.";

    private static string Name(TrainingPhase phase) => phase switch
    {
        TrainingPhase.Pretraining => "pretraining",
        TrainingPhase.Clustering => "the initial clustering",
        _ => "the refinement",
    };
}
