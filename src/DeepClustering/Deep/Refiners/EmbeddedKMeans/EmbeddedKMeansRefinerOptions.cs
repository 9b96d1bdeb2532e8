using DeepClustering.Clustering;

namespace DeepClustering.Refiners.EmbeddedKMeans;

/// <summary>
/// Options of <see cref="EmbeddedKMeansRefiner"/> (DEKM: Guo, Lin and Ye, ICDMW 2021). The defaults are those of
/// the authors' code, DEKM.py in github.com/spdj2271/DEKM; each is named in <see cref="Defaults"/> with the line
/// it comes from.
/// </summary>
public sealed class EmbeddedKMeansRefinerOptions
{
    /// <summary>The default values and where each comes from.</summary>
    public static class Defaults
    {
        /// <summary>Mini-batch steps between two k-means refreshes: 40, DEKM.py's <c>update_interval = 40</c>
        /// (<c>if ite % update_interval == 0:</c> re-embed, re-cluster, recompute V and the targets).</summary>
        public const int UpdateInterval = 40;

        /// <summary>Samples per mini-batch: 256, DEKM.py's <c>batch_size = 256</c>.</summary>
        public const int BatchSize = 256;

        /// <summary>Mini-batch steps at most: 14,000, DEKM.py's <c>for ite in range(int(140 * 100))</c>.</summary>
        public const int MaxIterations = 14_000;

        /// <summary>
        /// Stop when at most this fraction of the samples changed cluster between two refreshes (after matching the
        /// clusters): 0.5%, DEKM.py's <c>if n_change_assignment &lt;= len(x) * 0.005</c>.
        /// </summary>
        public const double Tolerance = AssignmentMatching.DefaultTolerance;

        /// <summary>Adam's step size: 1e-3, the default of <c>tf.keras.optimizers.Adam()</c>, which DEKM.py uses unchanged.</summary>
        public const float LearningRate = 1e-3f;

        /// <summary>
        /// Adam's ε: 1e-7, the default of <c>tf.keras.optimizers.Adam()</c> (PyTorch's is 1e-8); β₁ = 0.9 and
        /// β₂ = 0.999 are common to both. The engine adds ε to the bias-corrected √v̂ as PyTorch does, Keras to the
        /// uncorrected √v; the difference fades as √(1 − β₂ᵗ) approaches 1.
        /// </summary>
        public const float AdamEpsilon = 1e-7f;

        /// <summary>
        /// k-means initialisations while no earlier k-means run's iteration count is known: 100, DEKM.py's
        /// <c>kmeans_n_init = 100</c> before its first <c>KMeans(n_clusters, n_init=kmeans_n_init)</c>.
        /// </summary>
        public const int KMeansInitializationCount = 100;

        /// <summary>
        /// Later k-means runs use this many initialisations per Lloyd iteration of the previous run: 2, DEKM.py's
        /// <c>kmeans_n_init = int(ans_kmeans.n_iter_ * 2)</c> after each run.
        /// </summary>
        public const int KMeansInitializationsPerIteration = 2;
    }

    /// <summary>Mini-batch steps between two refreshes of the clustering, the eigenbasis and the targets.</summary>
    public int UpdateInterval { get; init; } = Defaults.UpdateInterval;

    /// <summary>Samples per mini-batch; the batch that reaches the end of the data may be smaller.</summary>
    public int BatchSize { get; init; } = Defaults.BatchSize;

    /// <summary>Mini-batch steps at most; the refiner refreshes once more at this cap so that the returned centres and labels belong to the returned encoder.</summary>
    public int MaxIterations { get; init; } = Defaults.MaxIterations;

    /// <summary>The largest fraction of changed assignments, in [0, 1], at which the refinement stops.</summary>
    public double Tolerance { get; init; } = Defaults.Tolerance;

    /// <summary>Adam's step size.</summary>
    public float LearningRate { get; init; } = Defaults.LearningRate;

    /// <summary>Adam's ε.</summary>
    public float AdamEpsilon { get; init; } = Defaults.AdamEpsilon;

    /// <summary>k-means initialisations of a re-clustering while no earlier run's iteration count is known (the first re-clustering).</summary>
    public int KMeansInitializationCount { get; init; } = Defaults.KMeansInitializationCount;

    /// <summary>Initialisations of each later re-clustering per Lloyd iteration of the previous one (at least one initialisation).</summary>
    public int KMeansInitializationsPerIteration { get; init; } = Defaults.KMeansInitializationsPerIteration;

    /// <summary>
    /// The k-means that every refresh runs: its seeding, iteration cap, tolerance, k-means++ trials and threads.
    /// Its cluster count, initialisations and seed are the refiner's own (the centres' count, the schedule above, and
    /// a stream of the pipeline's seed), and given initial centres are never reused. Null: scikit-learn's defaults,
    /// DEKM.py's <c>KMeans(n_clusters, n_init)</c>. Set it to the initial k-means' options to refresh with the same
    /// k-means that started the refinement.
    /// </summary>
    public KMeansOptions? Reclustering { get; init; }

    /// <summary>Checks every option; throws <see cref="ArgumentOutOfRangeException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (UpdateInterval < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(UpdateInterval), UpdateInterval, "At least one step is needed between refreshes.");
        }

        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "The batch size must be positive.");
        }

        if (MaxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "At least one iteration is needed.");
        }

        if (!(Tolerance >= 0 && Tolerance <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "The tolerance is a fraction in [0, 1].");
        }

        if (!(LearningRate > 0f) || !float.IsFinite(LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be positive and finite.");
        }

        if (!(AdamEpsilon > 0f) || !float.IsFinite(AdamEpsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(AdamEpsilon), AdamEpsilon, "Adam's epsilon must be positive and finite.");
        }

        if (KMeansInitializationCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(KMeansInitializationCount), KMeansInitializationCount, "At least one initialisation is needed.");
        }

        if (KMeansInitializationsPerIteration < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(KMeansInitializationsPerIteration), KMeansInitializationsPerIteration,
                "At least one initialisation per iteration is needed.");
        }
    }
}
