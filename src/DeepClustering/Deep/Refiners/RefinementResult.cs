namespace DeepClustering.Refiners;

/// <summary>The outcome of a refinement.</summary>
/// <param name="Centers">The final centres in the embedding, ClusterCount × EmbeddingDimension, row-major.</param>
/// <param name="Labels">The final label of each training input.</param>
/// <param name="Iterations">Mini-batch steps taken.</param>
/// <param name="Converged">Whether the method's stopping rule was met before its iteration cap.</param>
public sealed record RefinementResult(float[] Centers, int[] Labels, int Iterations, bool Converged)
{
    /// <summary>
    /// The degrees of freedom α of the Student's t soft assignment the refiner trained with (DEC, IDEC, DSSEC), which
    /// the fitted model keeps for its soft assignments; null for a refiner without one (the model then uses 1).
    /// </summary>
    public double? StudentTAlpha { get; init; }
}
