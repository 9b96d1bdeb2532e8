using DeepClustering.Numerics.Threading;

namespace DeepClustering.Clustering.Density;

/// <summary>Options of <see cref="Dbscan"/>; the names map to scikit-learn's <c>DBSCAN(eps, min_samples, n_jobs)</c>.</summary>
public sealed class DbscanOptions
{
    /// <summary>The default values.</summary>
    public static class Defaults
    {
        /// <summary>The neighbourhood radius, 0.5 as scikit-learn's <c>eps</c> (it depends on the data's scale: set it).</summary>
        public const double Epsilon = 0.5;

        /// <summary>Points a neighbourhood needs for its centre to be a core point, the point included: 5, scikit-learn's <c>min_samples</c>.</summary>
        public const int MinimumPoints = 5;

        /// <summary>Threads of the neighbourhood counting: 0, one per logical processor.</summary>
        public const int Threads = 0;
    }

    /// <summary>
    /// The neighbourhood radius ε: two points are neighbours when their Euclidean distance is at most ε (≤, as in
    /// scikit-learn). Must be positive and finite.
    /// </summary>
    public double Epsilon { get; init; } = Defaults.Epsilon;

    /// <summary>
    /// A point is a core point when at least this many points, itself included, lie within <see cref="Epsilon"/>
    /// (scikit-learn's <c>min_samples</c>). At least 1; with 1 every point is a core point and there is no noise.
    /// </summary>
    public int MinimumPoints { get; init; } = Defaults.MinimumPoints;

    /// <summary>Threads that count neighbourhoods, the calling thread included; 0 means one per logical processor.</summary>
    public int Threads { get; init; } = Defaults.Threads;

    internal void Validate()
    {
        if (!(Epsilon > 0) || !double.IsFinite(Epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(Epsilon), Epsilon, "Epsilon, the neighbourhood radius, must be positive and finite.");
        }

        if (MinimumPoints < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumPoints), MinimumPoints,
                "MinimumPoints must be at least 1 (it counts the point itself, as scikit-learn's min_samples).");
        }

        if (Threads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Threads must be 0 (one per logical processor) or positive.");
        }
    }

    internal int ResolveThreads() => ThreadCount.Resolve(Threads, nameof(Threads));
}
