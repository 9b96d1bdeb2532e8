namespace DeepClustering.Manifold;

/// <summary>
/// Where a t-SNE run stands, reported at each convergence check (every 50 iterations, as scikit-learn checks) and
/// after the last iteration.
/// </summary>
/// <param name="Iteration">Gradient steps done so far.</param>
/// <param name="MaxIterations">Gradient steps at most.</param>
/// <param name="KlDivergence">
/// The objective at this step: the KL divergence, computed with the exaggerated affinities during early
/// exaggeration (as scikit-learn reports it).
/// </param>
/// <param name="GradientNorm">The norm of the gain-scaled gradient of this step (what scikit-learn tests against min_grad_norm).</param>
/// <param name="EarlyExaggeration">Whether the run is still in its early-exaggeration stage.</param>
public readonly record struct TsneProgress(int Iteration, int MaxIterations, double KlDivergence, double GradientNorm, bool EarlyExaggeration);
