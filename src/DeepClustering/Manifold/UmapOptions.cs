namespace DeepClustering.Manifold;

/// <summary>
/// Options of <see cref="Umap"/>, named after umap-learn 0.5's <c>UMAP</c> parameters, with its defaults (the seed
/// is fixed rather than random).
/// </summary>
public sealed class UmapOptions
{
    /// <summary>The default values.</summary>
    public static class Defaults
    {
        /// <summary>Neighbours of each point's local view, the point itself included, 15 (<c>n_neighbors=15</c>).</summary>
        public const int NeighborCount = 15;

        /// <summary>Embedding dimensions, 2 (<c>n_components=2</c>).</summary>
        public const int Components = 2;

        /// <summary>How close embedded points may be packed, 0.1 (<c>min_dist=0.1</c>).</summary>
        public const double MinDistance = 0.1;

        /// <summary>The scale of the embedded clusters, 1 (<c>spread=1.0</c>).</summary>
        public const double Spread = 1.0;

        /// <summary>The first epoch's learning rate, 1 (<c>learning_rate=1.0</c>).</summary>
        public const double LearningRate = 1.0;

        /// <summary>Neighbours assumed connected at their nearest distance, 1 (<c>local_connectivity=1.0</c>).</summary>
        public const double LocalConnectivity = 1.0;

        /// <summary>1 for the fuzzy union of the directed graphs, 0 for their intersection (<c>set_op_mix_ratio=1.0</c>).</summary>
        public const double SetOpMixRatio = 1.0;

        /// <summary>The weight of the negative samples, 1 (<c>repulsion_strength=1.0</c>).</summary>
        public const double RepulsionStrength = 1.0;

        /// <summary>Negative samples per positive one, 5 (<c>negative_sample_rate=5</c>).</summary>
        public const int NegativeSampleRate = 5;

        /// <summary>Layout epochs when <see cref="Epochs"/> is unset: 500 up to this many rows, 200 above (umap-learn's rule).</summary>
        public const int SmallDataRows = 10000;

        /// <summary>Layout epochs for small data (umap-learn's 500).</summary>
        public const int SmallDataEpochs = 500;

        /// <summary>Layout epochs for large data (umap-learn's 200).</summary>
        public const int LargeDataEpochs = 200;

        /// <summary>Transform epochs when <see cref="Epochs"/> is unset: 100 for up to 10,000 new rows, 30 above (umap-learn's rule).</summary>
        public const int SmallTransformEpochs = 100;

        /// <summary>Transform epochs for many new rows (umap-learn's 30).</summary>
        public const int LargeTransformEpochs = 30;

        /// <summary>Threads; 0 means one per logical processor.</summary>
        public const int Threads = 0;
    }

    /// <summary>Neighbours of each point, itself included (at least 2, fewer than the rows).</summary>
    public int NeighborCount { get; init; } = Defaults.NeighborCount;

    /// <summary>Embedding dimensions.</summary>
    public int Components { get; init; } = Defaults.Components;

    /// <summary>The distance between input rows.</summary>
    public UmapMetric Metric { get; init; } = UmapMetric.Euclidean;

    /// <summary>The smallest distance between embedded points that the similarity curve treats as apart; in [0, <see cref="Spread"/>].</summary>
    public double MinDistance { get; init; } = Defaults.MinDistance;

    /// <summary>The scale of the embedded points' similarity curve.</summary>
    public double Spread { get; init; } = Defaults.Spread;

    /// <summary>Layout epochs; <see langword="null"/> chooses by size (500 up to 10,000 rows, else 200).</summary>
    public int? Epochs { get; init; }

    /// <summary>The first epoch's learning rate; it falls linearly to 0.</summary>
    public double LearningRate { get; init; } = Defaults.LearningRate;

    /// <summary>Where the layout starts.</summary>
    public UmapInitialization Initialization { get; init; } = UmapInitialization.Spectral;

    /// <summary>Neighbours assumed connected at distance ρ (at least 0).</summary>
    public double LocalConnectivity { get; init; } = Defaults.LocalConnectivity;

    /// <summary>The mix of fuzzy union (1) and intersection (0) that symmetrises the graph; in [0, 1].</summary>
    public double SetOpMixRatio { get; init; } = Defaults.SetOpMixRatio;

    /// <summary>γ, the weight of the negative samples.</summary>
    public double RepulsionStrength { get; init; } = Defaults.RepulsionStrength;

    /// <summary>Negative samples per positive sample.</summary>
    public int NegativeSampleRate { get; init; } = Defaults.NegativeSampleRate;

    /// <summary>The similarity curve's a; <see langword="null"/> fits it (and <see cref="B"/>) to <see cref="MinDistance"/> and <see cref="Spread"/>.</summary>
    public double? A { get; init; }

    /// <summary>The similarity curve's b; set both or neither of <see cref="A"/> and <see cref="B"/>.</summary>
    public double? B { get; init; }

    /// <summary>Seed of the initialisation and the negative sampling; the same seed gives the same embedding on any thread count.</summary>
    public long Seed { get; init; }

    /// <summary>Threads; 0 means one per logical processor. The result does not depend on it.</summary>
    public int Threads { get; init; } = Defaults.Threads;

    internal void Validate()
    {
        if (NeighborCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(NeighborCount), NeighborCount, "At least 2 neighbours (the point and one other) are needed.");
        }

        if (Components < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Components), Components, "At least one embedding dimension is needed.");
        }

        if (!Enum.IsDefined(Metric))
        {
            throw new ArgumentOutOfRangeException(nameof(Metric), Metric, "Unknown metric.");
        }

        RequirePositiveFinite(Spread, nameof(Spread));
        if (!(MinDistance >= 0) || MinDistance > Spread)
        {
            throw new ArgumentOutOfRangeException(nameof(MinDistance), MinDistance, $"MinDistance must lie in [0, Spread = {Spread}].");
        }

        if (Epochs is int epochs && epochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Epochs), epochs, "At least one layout epoch is needed (null chooses by size).");
        }

        RequirePositiveFinite(LearningRate, nameof(LearningRate));
        if (!Enum.IsDefined(Initialization))
        {
            throw new ArgumentOutOfRangeException(nameof(Initialization), Initialization, "Unknown initialisation.");
        }

        if (!(LocalConnectivity >= 0) || !double.IsFinite(LocalConnectivity))
        {
            throw new ArgumentOutOfRangeException(nameof(LocalConnectivity), LocalConnectivity, "LocalConnectivity must be finite and not negative.");
        }

        if (!(SetOpMixRatio >= 0 && SetOpMixRatio <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(SetOpMixRatio), SetOpMixRatio, "SetOpMixRatio must lie in [0, 1].");
        }

        if (!(RepulsionStrength >= 0) || !double.IsFinite(RepulsionStrength))
        {
            throw new ArgumentOutOfRangeException(nameof(RepulsionStrength), RepulsionStrength, "RepulsionStrength must be finite and not negative.");
        }

        if (NegativeSampleRate < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(NegativeSampleRate), NegativeSampleRate, "NegativeSampleRate cannot be negative.");
        }

        if (A.HasValue != B.HasValue)
        {
            throw new ArgumentException("Set both A and B, or neither (they are then fitted to MinDistance and Spread).", A.HasValue ? nameof(B) : nameof(A));
        }

        if (A is double a)
        {
            RequirePositiveFinite(a, nameof(A));
            RequirePositiveFinite(B!.Value, nameof(B));
        }

        if (Threads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "The thread count must be 0 (automatic) or positive.");
        }
    }

    /// <summary>The checks that need the data.</summary>
    internal void ValidateFor(int rows)
    {
        if (rows < 2)
        {
            throw new ArgumentException($"UMAP needs at least 2 rows; the data have {rows}.", "data");
        }

        if (NeighborCount > rows)
        {
            throw new ArgumentOutOfRangeException(nameof(NeighborCount), NeighborCount,
                $"NeighborCount counts the point itself and can be at most the number of rows ({rows}).");
        }
    }

    /// <summary>Layout epochs for a fit on this many rows.</summary>
    internal int ResolveEpochs(int rows) => Epochs ?? (rows <= Defaults.SmallDataRows ? Defaults.SmallDataEpochs : Defaults.LargeDataEpochs);

    /// <summary>
    /// The epoch count whose reciprocal share of the heaviest weight an edge needs to be kept: the layout's epochs,
    /// or the default for the size when they are 10 or fewer (umap-learn's rule).
    /// </summary>
    internal int ResolvePruningEpochs(int rows)
    {
        int epochs = ResolveEpochs(rows);
        return epochs > 10 ? epochs : (rows <= Defaults.SmallDataRows ? Defaults.SmallDataEpochs : Defaults.LargeDataEpochs);
    }

    /// <summary>Layout epochs for a transform of this many new rows: a third of <see cref="Epochs"/> when set, else 100 or 30.</summary>
    internal int ResolveTransformEpochs(int newRows) =>
        Epochs is int epochs ? Math.Max(1, epochs / 3) : newRows <= Defaults.SmallDataRows ? Defaults.SmallTransformEpochs : Defaults.LargeTransformEpochs;

    private static void RequirePositiveFinite(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive and finite.");
        }
    }
}
