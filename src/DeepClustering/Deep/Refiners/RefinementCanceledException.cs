namespace DeepClustering.Refiners;

/// <summary>
/// A refinement was cancelled between two steps; <see cref="PartialResult"/> holds the centres and labels as of the
/// last completed step, and the network was left as that step made it. It is an
/// <see cref="OperationCanceledException"/>, so code that only handles cancellation needs nothing new.
/// </summary>
public sealed class RefinementCanceledException : OperationCanceledException
{
    /// <summary>Wraps the cancellation <paramref name="innerException"/> with the state reached.</summary>
    public RefinementCanceledException(RefinementResult partialResult, OperationCanceledException innerException)
        : base(
            $"The refinement was cancelled after {partialResult?.Iterations} steps; the result as of the last completed step is kept.",
            innerException,
            innerException?.CancellationToken ?? default)
    {
        ArgumentNullException.ThrowIfNull(partialResult);
        PartialResult = partialResult;
    }

    /// <summary>
    /// The centres and labels as of the last completed step (labels from the last refresh of the targets or of the
    /// clustering), with <see cref="RefinementResult.Converged"/> false.
    /// </summary>
    public RefinementResult PartialResult { get; }
}
