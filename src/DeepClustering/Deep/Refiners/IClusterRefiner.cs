namespace DeepClustering.Refiners;

/// <summary>
/// Trains an encoder and cluster centres together, starting from a pretrained encoder and an initial clustering
/// of its embeddings: DEC, IDEC, DSSEC, embedded k-means.
/// </summary>
public interface IClusterRefiner
{
    /// <summary>A short name, for example <c>dec</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Refines <see cref="RefinementContext.Network"/> in place and returns the final centres and labels. When
    /// <paramref name="cancellationToken"/> is cancelled, a refiner stops between steps and throws a
    /// <see cref="RefinementCanceledException"/> with the state of its last completed step (the built-in refiners do);
    /// any other <see cref="OperationCanceledException"/> means that nothing is kept.
    /// </summary>
    RefinementResult Refine(RefinementContext context, CancellationToken cancellationToken = default);
}
