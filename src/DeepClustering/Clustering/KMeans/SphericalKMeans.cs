using System.Numerics.Tensors;
using DeepClustering.Data;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Clustering;

/// <summary>
/// Spherical k-means (Dhillon and Modha, 2001): rows and centres are scaled to unit norm, each row joins the
/// centre of highest cosine similarity, and each centre becomes the normalised sum of its rows. The iterations,
/// initialisations, tolerance and empty-cluster handling are those of <see cref="KMeans"/> applied to the
/// normalised rows (on unit vectors ‖x − c‖² = 2 − 2 cos(x, c), so k-means++ and "farthest row" keep their meaning).
/// Rows of zero norm stay zero: their similarity to every centre is 0.
/// </summary>
public sealed class SphericalKMeans : ISeededClusterer, IFixedClusterCount
{
    /// <inheritdoc />
    public int ClusterCount => Options.ClusterCount;

    /// <summary>Creates spherical k-means with the given options (the defaults when none are given).</summary>
    public SphericalKMeans(SphericalKMeansOptions? options = null)
    {
        Options = options ?? new SphericalKMeansOptions();
        Options.Validate();
    }

    /// <summary>The options.</summary>
    public SphericalKMeansOptions Options { get; }

    /// <inheritdoc />
    public bool HasExplicitSeed => Options.HasExplicitSeed;

    /// <inheritdoc />
    public IClusterer WithSeed(long seed) => new SphericalKMeans(Options with { Seed = seed });

    /// <inheritdoc />
    public string Name => "spherical k-means";

    /// <summary>Clusters the rows of <paramref name="data"/> by direction.</summary>
    public SphericalKMeansModel Fit(DataMatrix data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireFinite(nameof(data));
        var options = Options.AsKMeansOptions();
        options.Validate(data);
        int rows = data.Rows, columns = data.Columns, clusters = options.ClusterCount, threads = options.ResolvedThreads;
        var x = UnitRows(data.Values, columns, nameof(data), allowZero: true);
        var initialGiven = options.InitialCenters is { } given
            ? UnitRows(given.Values, columns, nameof(SphericalKMeansOptions.InitialCenters), allowZero: false)
            : null;
        double tolerance = KMeansDataPreparation.Absolute(options.Tolerance,
            KMeansDataPreparation.MeanColumnVariance(x, rows, columns, threads));

        var random = new RandomGenerator(options.Seed);
        var pass = new NearestCenterPass(threads);
        LloydResult? best = null;
        double bestObjective = double.NegativeInfinity;
        for (int run = 0; run < options.ResolvedInitializationCount; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var runRandom = random.Fork();
            var initial = initialGiven
                ?? InitialCenters.Draw(options.Initialization, x, rows, columns, clusters, options.ResolvedLocalTrialCount, runRandom, threads);
            var result = LloydIterations.Run(pass, x, rows, columns, initial, clusters, options.MaxIterations, tolerance,
                CenterRule.UnitDirection, cancellationToken);
            double objective = Objective(x, rows, columns, result.Centers, result.Labels);
            if (best is null || objective > bestObjective)
            {
                best = result;
                bestObjective = objective;
            }
        }

        return new SphericalKMeansModel(best!.Centers, clusters, columns, best.Labels, bestObjective, best.Iterations, threads);
    }

    /// <inheritdoc />
    IClusteringModel IClusterer.Fit(DataMatrix data, CancellationToken cancellationToken) => Fit(data, cancellationToken);

    /// <summary>
    /// A copy of <paramref name="values"/> with each row divided by its Euclidean norm. Zero rows stay zero when
    /// <paramref name="allowZero"/> is set, and are refused otherwise, naming <paramref name="argumentName"/>.
    /// </summary>
    internal static float[] UnitRows(float[] values, int columns, string argumentName, bool allowZero)
    {
        var result = new float[values.Length];
        for (int i = 0, row = 0; i < values.Length; i += columns, row++)
        {
            var source = values.AsSpan(i, columns);
            double norm = Math.Sqrt(TensorPrimitives.SumOfSquares(source));
            if (norm == 0)
            {
                if (!allowZero)
                {
                    throw new ArgumentException($"Row {row} has zero norm and so no direction.", argumentName);
                }

                continue;
            }

            TensorPrimitives.Multiply(source, (float)(1.0 / norm), result.AsSpan(i, columns));
        }

        return result;
    }

    /// <summary>Σᵢ xᵢ · c_labels[i]: the summed cosine similarity of unit rows to their unit centres.</summary>
    internal static double Objective(float[] x, int rows, int columns, float[] centers, int[] labels)
    {
        double total = 0;
        for (int r = 0; r < rows; r++)
        {
            total += TensorPrimitives.Dot(x.AsSpan(r * columns, columns), centers.AsSpan(labels[r] * columns, columns));
        }

        return total;
    }
}
