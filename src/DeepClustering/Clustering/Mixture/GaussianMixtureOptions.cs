using DeepClustering.Data;

namespace DeepClustering.Clustering;

/// <summary>Options of <see cref="GaussianMixture"/>; the defaults are scikit-learn's <c>GaussianMixture</c>'s.</summary>
public sealed record GaussianMixtureOptions
{
    private readonly long? _seed;

    /// <summary>The default values.</summary>
    public static class Defaults
    {
        /// <summary>Mixture components, 1 as scikit-learn's <c>n_components</c>.</summary>
        public const int ComponentCount = 1;

        /// <summary>EM stops when the mean log-likelihood lower bound changes by less than this: 1e-3, scikit-learn's <c>tol</c>.</summary>
        public const double Tolerance = 1e-3;

        /// <summary>Added to the diagonal of every covariance, 1e-6 as scikit-learn's <c>reg_covar</c>.</summary>
        public const double RegularizationCovariance = 1e-6;

        /// <summary>EM iterations per initialisation at most, 100 as scikit-learn's <c>max_iter</c>.</summary>
        public const int MaxIterations = 100;

        /// <summary>Initialisations, 1 as scikit-learn's <c>n_init</c>.</summary>
        public const int InitializationCount = 1;
    }

    /// <summary>Mixture components (k).</summary>
    public int ComponentCount { get; init; } = Defaults.ComponentCount;

    /// <summary>The form of the components' covariances.</summary>
    public CovarianceType CovarianceType { get; init; } = CovarianceType.Full;

    /// <summary>Tolerance on the change of the mean log-likelihood lower bound between iterations.</summary>
    public double Tolerance { get; init; } = Defaults.Tolerance;

    /// <summary>Non-negative value added to the diagonal of every covariance, which keeps them positive definite.</summary>
    public double RegularizationCovariance { get; init; } = Defaults.RegularizationCovariance;

    /// <summary>EM iterations per initialisation at most.</summary>
    public int MaxIterations { get; init; } = Defaults.MaxIterations;

    /// <summary>Initialisations; the one with the highest final lower bound is kept.</summary>
    public int InitializationCount { get; init; } = Defaults.InitializationCount;

    /// <summary>How the first responsibilities are chosen, for whatever the given initial parameters leave out.</summary>
    public GaussianMixtureInitialization Initialization { get; init; } = GaussianMixtureInitialization.KMeans;

    /// <summary>Given initial mixing weights (ComponentCount values, non-negative, summing to 1); scikit-learn's <c>weights_init</c>.</summary>
    public IReadOnlyList<double>? InitialWeights { get; init; }

    /// <summary>Given initial means, ComponentCount × columns; scikit-learn's <c>means_init</c>.</summary>
    public double[,]? InitialMeans { get; init; }

    /// <summary>
    /// Given initial precisions (inverse covariances), one entry per component (scikit-learn's <c>precisions_init</c>):
    /// for <see cref="CovarianceType.Full"/> a columns × columns symmetric positive definite matrix, row-major
    /// (columns² values); for <see cref="CovarianceType.Diagonal"/> the columns positive diagonal values; for
    /// <see cref="CovarianceType.Spherical"/> one positive value.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>>? InitialPrecisions { get; init; }

    /// <summary>Seed of the initialisation (the k-means run or the random responsibilities). 0 unless set; a pipeline gives its own seed unless this one is set.</summary>
    public long Seed
    {
        get => _seed ?? 0;
        init => _seed = value;
    }

    /// <summary>Whether <see cref="Seed"/> was set (a pipeline then keeps it rather than giving its own).</summary>
    internal bool HasExplicitSeed => _seed.HasValue;

    /// <summary>Threads; 0 means one per logical processor.</summary>
    public int Threads { get; init; }

    internal int ResolvedThreads => Threads == 0 ? Environment.ProcessorCount : Threads;

    /// <summary>
    /// Checks every option and, when <paramref name="data"/> is given, that they fit the data (k ≤ rows, initial
    /// parameters of the data's shape). Throws naming the bad option.
    /// </summary>
    internal void Validate(DataMatrix? data = null)
    {
        if (ComponentCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ComponentCount), ComponentCount, "The component count k must be at least 1.");
        }

        if (!Enum.IsDefined(CovarianceType))
        {
            throw new ArgumentOutOfRangeException(nameof(CovarianceType), CovarianceType, "Unknown covariance type.");
        }

        if (!Enum.IsDefined(Initialization))
        {
            throw new ArgumentOutOfRangeException(nameof(Initialization), Initialization, "Unknown initialisation.");
        }

        if (!(Tolerance >= 0) || !double.IsFinite(Tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "The tolerance must be finite and not negative.");
        }

        if (!(RegularizationCovariance >= 0) || !double.IsFinite(RegularizationCovariance))
        {
            throw new ArgumentOutOfRangeException(nameof(RegularizationCovariance), RegularizationCovariance,
                "The covariance regularisation must be finite and not negative.");
        }

        if (MaxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "At least one iteration is needed.");
        }

        if (InitializationCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(InitializationCount), InitializationCount, "At least one initialisation is needed.");
        }

        if (Threads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "The thread count must be 0 (one per processor) or positive.");
        }

        ValidateInitialWeights();
        int? columns = data?.Columns;
        if (InitialMeans is not null)
        {
            if (InitialMeans.GetLength(0) != ComponentCount || (columns is { } d && InitialMeans.GetLength(1) != d))
            {
                throw new ArgumentException(
                    $"The initial means are {InitialMeans.GetLength(0)} × {InitialMeans.GetLength(1)} but must be {ComponentCount} × {(columns is { } c ? c.ToString(System.Globalization.CultureInfo.InvariantCulture) : "columns")}.",
                    nameof(InitialMeans));
            }

            foreach (double v in InitialMeans)
            {
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException("The initial means must be finite.", nameof(InitialMeans));
                }
            }
        }

        ValidateInitialPrecisions(columns);
        if (data is not null && ComponentCount > data.Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(ComponentCount), ComponentCount,
                $"The component count k must not exceed the {data.Rows} rows of the data.");
        }
    }

    private void ValidateInitialWeights()
    {
        if (InitialWeights is null)
        {
            return;
        }

        if (InitialWeights.Count != ComponentCount)
        {
            throw new ArgumentException($"{InitialWeights.Count} initial weights were given for {ComponentCount} components.", nameof(InitialWeights));
        }

        double sum = 0;
        foreach (double w in InitialWeights)
        {
            if (!(w >= 0 && w <= 1))
            {
                throw new ArgumentException($"Initial weight {w} is outside [0, 1].", nameof(InitialWeights));
            }

            sum += w;
        }

        // scikit-learn's _check_weights: np.allclose(|1 − Σw|, 0), an absolute tolerance of 1e-8.
        if (Math.Abs(1 - sum) > 1e-8)
        {
            throw new ArgumentException($"The initial weights sum to {sum}, not 1.", nameof(InitialWeights));
        }
    }

    private void ValidateInitialPrecisions(int? columns)
    {
        if (InitialPrecisions is null)
        {
            return;
        }

        if (InitialPrecisions.Count != ComponentCount)
        {
            throw new ArgumentException(
                $"{InitialPrecisions.Count} initial precisions were given for {ComponentCount} components.", nameof(InitialPrecisions));
        }

        for (int k = 0; k < InitialPrecisions.Count; k++)
        {
            var precision = InitialPrecisions[k] ?? throw new ArgumentException($"Initial precision {k} is null.", nameof(InitialPrecisions));
            if (columns is { } d)
            {
                int expected = CovarianceType switch
                {
                    CovarianceType.Full => d * d,
                    CovarianceType.Diagonal => d,
                    _ => 1,
                };
                if (precision.Count != expected)
                {
                    throw new ArgumentException(
                        $"Initial precision {k} has {precision.Count} values; a {CovarianceType} precision of {d} columns has {expected}.",
                        nameof(InitialPrecisions));
                }
            }

            foreach (double v in precision)
            {
                if (!double.IsFinite(v) || (CovarianceType != CovarianceType.Full && !(v > 0)))
                {
                    throw new ArgumentException(
                        $"Initial precision {k} holds {v}; precisions must be finite and, for diagonal or spherical ones, positive.",
                        nameof(InitialPrecisions));
                }
            }
        }
    }
}
