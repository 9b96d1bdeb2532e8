namespace DeepClustering.Refiners;

/// <summary>The outcome of a refinement.</summary>
/// <param name="Centers">The final centres in the embedding, ClusterCount × EmbeddingDimension, row-major.</param>
/// <param name="Labels">The final label of each training input.</param>
/// <param name="Iterations">Mini-batch steps taken.</param>
/// <param name="Converged">Whether the method's stopping rule was met before its iteration cap.</param>
public sealed record RefinementResult(float[] Centers, int[] Labels, int Iterations, bool Converged);
