using Microsoft.Extensions.Logging;
using DeepClustering.Data;

namespace DeepClustering.Clustering;

/// <summary>Options of <see cref="KMeans"/>; the defaults are scikit-learn's.</summary>
public sealed record KMeansOptions
{
    private readonly long? _seed;

    /// <summary>The default values.</summary>
    public static class Defaults
    {
        /// <summary>Clusters, 8 as scikit-learn's <c>n_clusters</c>.</summary>
        public const int ClusterCount = 8;

        /// <summary>Lloyd iterations per initialisation at most, 300 as scikit-learn's <c>max_iter</c>.</summary>
        public const int MaxIterations = 300;

        /// <summary>
        /// Relative tolerance, 1e-4 as scikit-learn's <c>tol</c>: iterations stop when the summed squared shift of
        /// the centres is at most this times the mean per-feature variance of the data.
        /// </summary>
        public const double Tolerance = 1e-4;

        /// <summary>Initialisations when k-means++ is used or centres are given: 1, scikit-learn's <c>n_init="auto"</c>.</summary>
        public const int InitializationCountKMeansPlusPlus = 1;

        /// <summary>Initialisations with random centres: 10, scikit-learn's <c>n_init="auto"</c>.</summary>
        public const int InitializationCountRandom = 10;
    }

    /// <summary>Clusters to find (k).</summary>
    public int ClusterCount { get; init; } = Defaults.ClusterCount;

    /// <summary>How the first centres are chosen; ignored when <see cref="InitialCenters"/> is set.</summary>
    public KMeansInitialization Initialization { get; init; } = KMeansInitialization.KMeansPlusPlus;

    /// <summary>
    /// Given first centres, <see cref="ClusterCount"/> rows with the data's columns. When set, k-means runs once
    /// from them (as scikit-learn does for an explicit <c>init</c> array) and <see cref="InitializationCount"/>
    /// must be unset or 1.
    /// </summary>
    public DataMatrix? InitialCenters { get; init; }

    /// <summary>
    /// Independent initialisations (scikit-learn's <c>n_init</c>); the run with the lowest inertia is kept.
    /// Unset means scikit-learn's <c>"auto"</c>: 1 for k-means++ or given centres, 10 for random centres.
    /// </summary>
    public int? InitializationCount { get; init; }

    /// <summary>
    /// Candidates drawn per k-means++ step; unset means 2 + ⌊ln k⌋, as scikit-learn's <c>_kmeans_plusplus</c>.
    /// </summary>
    public int? LocalTrialCount { get; init; }

    /// <summary>Lloyd iterations per initialisation at most.</summary>
    public int MaxIterations { get; init; } = Defaults.MaxIterations;

    /// <summary>Relative tolerance on the centres' movement; see <see cref="Defaults.Tolerance"/>. 0 runs until the labels stop changing.</summary>
    public double Tolerance { get; init; } = Defaults.Tolerance;

    /// <summary>Seed of the initialisations; the same seed gives the same result on the same machine. 0 unless set; a pipeline gives its own seed unless this one is set.</summary>
    public long Seed
    {
        get => _seed ?? 0;
        init => _seed = value;
    }

    /// <summary>Whether <see cref="Seed"/> was set (a pipeline then keeps it rather than giving its own).</summary>
    internal bool HasExplicitSeed => _seed.HasValue;

    /// <summary>Threads that compute distances and sums; 0 means one per logical processor.</summary>
    public int Threads { get; init; }

    /// <summary>Where the fit warns (coinciding centres); none unless set.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>Initialisations that <see cref="KMeans.Fit"/> runs.</summary>
    internal int ResolvedInitializationCount => InitializationCount
        ?? (InitialCenters is null && Initialization == KMeansInitialization.Random
            ? Defaults.InitializationCountRandom
            : Defaults.InitializationCountKMeansPlusPlus);

    /// <summary>k-means++ candidates per step: <see cref="LocalTrialCount"/> or 2 + ⌊ln k⌋.</summary>
    internal int ResolvedLocalTrialCount => LocalTrialCount ?? KMeansPlusPlusSeeding.DefaultLocalTrials(ClusterCount);

    internal int ResolvedThreads => Threads == 0 ? Environment.ProcessorCount : Threads;

    /// <summary>
    /// Checks every option and, when <paramref name="data"/> is given, that they fit the data (k ≤ rows, given
    /// centres of shape k × columns). Throws naming the bad option.
    /// </summary>
    internal void Validate(DataMatrix? data = null)
    {
        if (ClusterCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ClusterCount), ClusterCount, "The cluster count k must be at least 1.");
        }

        if (!Enum.IsDefined(Initialization))
        {
            throw new ArgumentOutOfRangeException(nameof(Initialization), Initialization, "Unknown initialisation.");
        }

        if (InitializationCount is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(InitializationCount), InitializationCount, "At least one initialisation is needed.");
        }

        if (LocalTrialCount is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(LocalTrialCount), LocalTrialCount, "k-means++ needs at least one candidate per step.");
        }

        if (MaxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "At least one iteration is needed.");
        }

        if (!(Tolerance >= 0) || !double.IsFinite(Tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "The tolerance must be finite and not negative.");
        }

        if (Threads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "The thread count must be 0 (one per processor) or positive.");
        }

        if (InitialCenters is not null)
        {
            if (InitialCenters.Rows != ClusterCount)
            {
                throw new ArgumentException(
                    $"The initial centres have {InitialCenters.Rows} rows but the cluster count is {ClusterCount}.", nameof(InitialCenters));
            }

            if (InitializationCount is > 1)
            {
                throw new ArgumentException(
                    $"Given initial centres are used once; {InitializationCount} initialisations were asked for.", nameof(InitializationCount));
            }
        }

        if (data is null)
        {
            return;
        }

        if (ClusterCount > data.Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(ClusterCount), ClusterCount,
                $"The cluster count k must not exceed the {data.Rows} rows of the data.");
        }

        if (InitialCenters is not null && InitialCenters.Columns != data.Columns)
        {
            throw new ArgumentException(
                $"The initial centres have {InitialCenters.Columns} columns but the data have {data.Columns}.", nameof(InitialCenters));
        }
    }
}
