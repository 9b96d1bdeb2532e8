using DeepClustering.Data;

namespace DeepClustering.Clustering;

/// <summary>Options of <see cref="SphericalKMeans"/>; the same choices as <see cref="KMeansOptions"/>, on unit-norm rows.</summary>
public sealed record SphericalKMeansOptions
{
    private readonly long? _seed;

    /// <summary>The default values, those of <see cref="KMeansOptions.Defaults"/> (scikit-learn's k-means).</summary>
    public static class Defaults
    {
        /// <summary>Clusters, 8 as scikit-learn's k-means.</summary>
        public const int ClusterCount = KMeansOptions.Defaults.ClusterCount;

        /// <summary>Iterations per initialisation at most, 300 as scikit-learn's k-means.</summary>
        public const int MaxIterations = KMeansOptions.Defaults.MaxIterations;

        /// <summary>Relative tolerance, 1e-4 as scikit-learn's k-means, times the mean per-feature variance of the normalised rows.</summary>
        public const double Tolerance = KMeansOptions.Defaults.Tolerance;
    }

    /// <summary>Clusters to find (k).</summary>
    public int ClusterCount { get; init; } = Defaults.ClusterCount;

    /// <summary>How the first centres are chosen (among the normalised rows); ignored when <see cref="InitialCenters"/> is set.</summary>
    public KMeansInitialization Initialization { get; init; } = KMeansInitialization.KMeansPlusPlus;

    /// <summary>Given first centres, ClusterCount rows with the data's columns and non-zero norm; they are normalised. Used once.</summary>
    public DataMatrix? InitialCenters { get; init; }

    /// <summary>
    /// Independent initialisations; the run with the highest objective is kept. Unset means 1 for k-means++ or
    /// given centres and 10 for random centres (scikit-learn's <c>n_init="auto"</c>).
    /// </summary>
    public int? InitializationCount { get; init; }

    /// <summary>Candidates drawn per k-means++ step; unset means 2 + ⌊ln k⌋.</summary>
    public int? LocalTrialCount { get; init; }

    /// <summary>Iterations per initialisation at most.</summary>
    public int MaxIterations { get; init; } = Defaults.MaxIterations;

    /// <summary>Relative tolerance on the centres' movement; 0 runs until the labels stop changing.</summary>
    public double Tolerance { get; init; } = Defaults.Tolerance;

    /// <summary>Seed of the initialisations. 0 unless set; a pipeline gives its own seed unless this one is set.</summary>
    public long Seed
    {
        get => _seed ?? 0;
        init => _seed = value;
    }

    /// <summary>Whether <see cref="Seed"/> was set (a pipeline then keeps it rather than giving its own).</summary>
    internal bool HasExplicitSeed => _seed.HasValue;

    /// <summary>Threads; 0 means one per logical processor.</summary>
    public int Threads { get; init; }

    /// <summary>The same choices as k-means options, whose validation and resolution rules apply unchanged.</summary>
    internal KMeansOptions AsKMeansOptions() => new()
    {
        ClusterCount = ClusterCount,
        Initialization = Initialization,
        InitialCenters = InitialCenters,
        InitializationCount = InitializationCount,
        LocalTrialCount = LocalTrialCount,
        MaxIterations = MaxIterations,
        Tolerance = Tolerance,
        Seed = Seed,
        Threads = Threads,
    };

    /// <summary>Checks every option and, when <paramref name="data"/> is given, that they fit the data; throws naming the bad option.</summary>
    internal void Validate(DataMatrix? data = null) => AsKMeansOptions().Validate(data);
}
