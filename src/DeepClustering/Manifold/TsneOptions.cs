using DeepClustering.Decomposition;

namespace DeepClustering.Manifold;

/// <summary>
/// Options of <see cref="Tsne"/>. The defaults are scikit-learn 1.2's <c>TSNE</c> defaults, except that the
/// method is chosen by size (<see cref="TsneMethod.Auto"/>) and the seed is fixed rather than random.
/// </summary>
public sealed class TsneOptions
{
    /// <summary>The default values.</summary>
    public static class Defaults
    {
        /// <summary>Embedding dimensions, 2 (scikit-learn's <c>n_components=2</c>).</summary>
        public const int Dimensions = 2;

        /// <summary>The effective number of neighbours each point's affinities spread over, 30 (<c>perplexity=30.0</c>).</summary>
        public const double Perplexity = 30.0;

        /// <summary>Factor on the affinities during the first stage, 12 (<c>early_exaggeration=12.0</c>).</summary>
        public const double EarlyExaggeration = 12.0;

        /// <summary>Gradient steps at most, 1000 (<c>n_iter=1000</c>).</summary>
        public const int MaxIterations = 1000;

        /// <summary>Steps of the early-exaggeration stage, 250 (scikit-learn's fixed <c>_EXPLORATION_N_ITER</c>).</summary>
        public const int EarlyExaggerationIterations = 250;

        /// <summary>
        /// Steps without a lower objective after which the second stage stops, 300 (<c>n_iter_without_progress=300</c>);
        /// checked every 50 steps.
        /// </summary>
        public const int IterationsWithoutProgress = 300;

        /// <summary>Gradient norm below which the run stops, 10⁻⁷ (<c>min_grad_norm=1e-7</c>); checked every 50 steps.</summary>
        public const double MinGradientNorm = 1e-7;

        /// <summary>Barnes-Hut's opening angle θ, 0.5 (<c>angle=0.5</c>).</summary>
        public const double Angle = 0.5;

        /// <summary>
        /// The largest number of rows for which <see cref="TsneMethod.Auto"/> picks the exact method, 1000: there the
        /// exact gradient costs about as much as the Barnes-Hut one and needs no approximation.
        /// </summary>
        public const int AutoExactMaxSamples = 1000;

        /// <summary>Threads; 0 means one per logical processor.</summary>
        public const int Threads = 0;

        /// <summary>
        /// The most rows the exact method takes: its n × n arrays of doubles must fit .NET's array limit (and
        /// n = 46,340 already needs 17 GB each).
        /// </summary>
        public const int ExactMaxSamples = 46340;
    }

    /// <summary>Embedding dimensions; Barnes-Hut supports 1 to 3.</summary>
    public int Dimensions { get; init; } = Defaults.Dimensions;

    /// <summary>The perplexity of each point's conditional affinities; must be less than the number of rows.</summary>
    public double Perplexity { get; init; } = Defaults.Perplexity;

    /// <summary>Factor on the affinities during the first <see cref="EarlyExaggerationIterations"/> steps (at least 1).</summary>
    public double EarlyExaggeration { get; init; } = Defaults.EarlyExaggeration;

    /// <summary>
    /// The gradient step; <see langword="null"/> is scikit-learn 1.2's "auto": max(rows / <see cref="EarlyExaggeration"/> / 4, 50).
    /// </summary>
    public double? LearningRate { get; init; }

    /// <summary>Gradient steps at most, both stages together; at least <see cref="EarlyExaggerationIterations"/>.</summary>
    public int MaxIterations { get; init; } = Defaults.MaxIterations;

    /// <summary>Steps of the first stage (exaggerated affinities, momentum 0.5).</summary>
    public int EarlyExaggerationIterations { get; init; } = Defaults.EarlyExaggerationIterations;

    /// <summary>
    /// Steps since the lowest objective after which the second stage stops (checked every 50 steps);
    /// <see cref="int.MaxValue"/> never stops for that reason.
    /// </summary>
    public int IterationsWithoutProgress { get; init; } = Defaults.IterationsWithoutProgress;

    /// <summary>The run stops when the gain-scaled gradient's norm falls to this at a check.</summary>
    public double MinGradientNorm { get; init; } = Defaults.MinGradientNorm;

    /// <summary>Where the embedding starts.</summary>
    public TsneInitialization Initialization { get; init; } = TsneInitialization.Pca;

    /// <summary>How the gradient is computed.</summary>
    public TsneMethod Method { get; init; } = TsneMethod.Auto;

    /// <summary>
    /// Barnes-Hut's opening angle θ in [0, 1]: a tree cell of width w at distance r stands for its points when
    /// w/r &lt; θ; 0 gives the exact repulsion, larger is faster and coarser.
    /// </summary>
    public double Angle { get; init; } = Defaults.Angle;

    /// <summary>Seed of the random initialisation; the same seed and thread count give the same embedding.</summary>
    public long Seed { get; init; }

    /// <summary>Threads; 0 means one per logical processor. The result does not depend on it.</summary>
    public int Threads { get; init; } = Defaults.Threads;

    internal void Validate()
    {
        if (Dimensions < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Dimensions), Dimensions, "At least one embedding dimension is needed.");
        }

        RequirePositiveFinite(Perplexity, nameof(Perplexity));
        if (!(EarlyExaggeration >= 1) || !double.IsFinite(EarlyExaggeration))
        {
            throw new ArgumentOutOfRangeException(nameof(EarlyExaggeration), EarlyExaggeration, "The early exaggeration must be at least 1.");
        }

        if (LearningRate is double rate)
        {
            RequirePositiveFinite(rate, nameof(LearningRate));
        }

        if (EarlyExaggerationIterations < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(EarlyExaggerationIterations), EarlyExaggerationIterations,
                "The early-exaggeration stage cannot have a negative number of steps.");
        }

        if (MaxIterations < Math.Max(1, EarlyExaggerationIterations))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations,
                $"MaxIterations must be at least 1 and at least EarlyExaggerationIterations ({EarlyExaggerationIterations}).");
        }

        if (IterationsWithoutProgress < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(IterationsWithoutProgress), IterationsWithoutProgress,
                "The number of steps without progress cannot be negative (int.MaxValue for no limit).");
        }

        if (!(MinGradientNorm >= 0) || !double.IsFinite(MinGradientNorm))
        {
            throw new ArgumentOutOfRangeException(nameof(MinGradientNorm), MinGradientNorm, "The minimum gradient norm must be finite and not negative.");
        }

        if (!Enum.IsDefined(Initialization))
        {
            throw new ArgumentOutOfRangeException(nameof(Initialization), Initialization, "Unknown initialisation.");
        }

        if (!Enum.IsDefined(Method))
        {
            throw new ArgumentOutOfRangeException(nameof(Method), Method, "Unknown method.");
        }

        if (Method == TsneMethod.BarnesHut && Dimensions > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(Dimensions), Dimensions,
                "Barnes-Hut t-SNE embeds in 1 to 3 dimensions; use the exact method for more.");
        }

        if (!(Angle >= 0 && Angle <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Angle), Angle, "The angle must lie in [0, 1].");
        }

        if (Threads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "The thread count must be 0 (automatic) or positive.");
        }
    }

    /// <summary>The checks that need the data: perplexity below the row count, and PCA's need for enough columns.</summary>
    internal void ValidateFor(int rows, int columns)
    {
        if (rows < 2)
        {
            throw new ArgumentException($"t-SNE needs at least 2 rows; the data have {rows}.", "data");
        }

        if (Perplexity >= rows)
        {
            throw new ArgumentOutOfRangeException(nameof(Perplexity), Perplexity,
                $"The perplexity must be less than the number of rows ({rows}).");
        }

        if (ResolveMethod(rows) == TsneMethod.Exact && rows > Defaults.ExactMaxSamples)
        {
            throw new ArgumentOutOfRangeException(nameof(Method), Method,
                $"The exact method takes at most {Defaults.ExactMaxSamples} rows (it holds n × n arrays); the data have {rows}. Use Barnes-Hut.");
        }

        if (Initialization == TsneInitialization.Pca && Dimensions > Math.Min(rows, columns))
        {
            throw new ArgumentOutOfRangeException(nameof(Dimensions), Dimensions,
                $"PCA initialisation needs at least as many rows and columns as embedding dimensions (the data are {rows} × {columns}); use random initialisation.");
        }
    }

    /// <summary>The method for this many rows: <see cref="TsneMethod.Auto"/> resolved.</summary>
    internal TsneMethod ResolveMethod(int rows) => Method switch
    {
        TsneMethod.Auto => rows <= Defaults.AutoExactMaxSamples || Dimensions > 3 ? TsneMethod.Exact : TsneMethod.BarnesHut,
        _ => Method,
    };

    /// <summary>The learning rate for this many rows: "auto" is max(rows / early exaggeration / 4, 50).</summary>
    internal double ResolveLearningRate(int rows) => LearningRate ?? Math.Max(rows / EarlyExaggeration / 4.0, 50.0);

    private static void RequirePositiveFinite(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive and finite.");
        }
    }
}
