using Microsoft.Extensions.Logging;
using DeepClustering.Data;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Clustering;

/// <summary>
/// k-means (Lloyd's algorithm) with scikit-learn's semantics: k-means++, random or given first centres, the best
/// of several initialisations by inertia, a tolerance relative to the data's variance, and empty clusters
/// re-seeded with the farthest row.
/// </summary>
/// <remarks>
/// <para>
/// Precision: as scikit-learn does for float32 input, distances are computed in single precision, through the
/// engine's GEMM (<c>‖c‖² − 2x·c</c> for each chunk of rows), on a copy of the data from which the column means
/// are subtracted (which keeps that expansion accurate). Unlike scikit-learn, each cluster's sum of rows, the
/// inertia, the tolerance and the centres' shift are accumulated in double precision, so the centres do not drift
/// with the cluster size or the thread count. Centres are stored as float32.
/// </para>
/// <para>Memory: the centred copy of the data, plus a few buffers of clusters × columns per thread.</para>
/// </remarks>
public sealed class KMeans : ISeededClusterer, IFixedClusterCount
{
    /// <inheritdoc />
    public int ClusterCount => Options.ClusterCount;

    /// <summary>Creates k-means with the given options (scikit-learn's defaults when none are given).</summary>
    public KMeans(KMeansOptions? options = null)
    {
        Options = options ?? new KMeansOptions();
        Options.Validate();
    }

    /// <summary>The options.</summary>
    public KMeansOptions Options { get; }

    /// <inheritdoc />
    public bool HasExplicitSeed => Options.HasExplicitSeed;

    /// <inheritdoc />
    public IClusterer WithSeed(long seed) => new KMeans(Options with { Seed = seed });

    /// <inheritdoc />
    public string Name => "k-means";

    /// <summary>Clusters the rows of <paramref name="data"/>.</summary>
    public KMeansModel Fit(DataMatrix data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireFinite(nameof(data));
        Options.Validate(data);
        int rows = data.Rows, columns = data.Columns, clusters = Options.ClusterCount, threads = Options.ResolvedThreads;
        var shift = Array.ConvertAll(KMeansDataPreparation.ColumnMeans(data.Values, rows, columns, threads), m => (float)m);
        float scale = KMeansDataPreparation.OverflowSafeScale(data.Values);
        var x = KMeansDataPreparation.Centered(data.Values, columns, shift, scale, threads);
        double tolerance = KMeansDataPreparation.Absolute(Options.Tolerance,
            KMeansDataPreparation.MeanColumnVariance(x, rows, columns, threads));

        var random = new RandomGenerator(Options.Seed);
        var pass = new NearestCenterPass(threads);
        LloydResult? best = null;
        double bestInertia = double.PositiveInfinity;
        int runs = Options.ResolvedInitializationCount;
        for (int run = 0; run < runs; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var runRandom = random.Fork();
            var initial = Options.InitialCenters is { } given
                ? KMeansDataPreparation.Centered(given.Values, columns, shift, scale, 1)
                : InitialCenters.Draw(Options.Initialization, x, rows, columns, clusters, Options.ResolvedLocalTrialCount, runRandom, threads);
            var result = LloydIterations.Run(pass, x, rows, columns, initial, clusters, Options.MaxIterations, tolerance,
                CenterRule.Mean, cancellationToken);
            double inertia = SquaredDistance.Inertia(x, rows, columns, result.Centers, result.Labels, threads);
            if (best is null || inertia < bestInertia)
            {
                best = result;
                bestInertia = inertia;
            }
        }

        var model = new KMeansModel(best!.Centers, shift, scale, clusters, columns, best.Labels, bestInertia / ((double)scale * scale), best.Iterations, threads);
        if (model.DistinctCenterCount < clusters)
        {
            Options.Logger?.LogWarning(
                "k-means found {Distinct} distinct centres for {Clusters} clusters: the data have fewer distinct points than clusters (scikit-learn's ConvergenceWarning); lower ClusterCount",
                model.DistinctCenterCount, clusters);
        }

        return model;
    }

    /// <inheritdoc />
    IClusteringModel IClusterer.Fit(DataMatrix data, CancellationToken cancellationToken) => Fit(data, cancellationToken);
}
