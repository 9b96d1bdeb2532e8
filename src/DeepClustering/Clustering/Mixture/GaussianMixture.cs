using DeepClustering.Data;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Clustering;

/// <summary>
/// A Gaussian mixture fitted by expectation-maximisation, with scikit-learn's <c>GaussianMixture</c> semantics:
/// full, diagonal or spherical covariances, initialisation from one k-means run (or random responsibilities, or
/// given weights, means and precisions), a tolerance on the change of the mean log-likelihood, and the best of
/// several initialisations by that lower bound. All arithmetic is in double precision.
/// </summary>
public sealed class GaussianMixture : ISeededClusterer, IFixedClusterCount
{
    /// <inheritdoc />
    public int ClusterCount => Options.ComponentCount;

    /// <summary>Creates a Gaussian mixture with the given options (scikit-learn's defaults when none are given).</summary>
    public GaussianMixture(GaussianMixtureOptions? options = null)
    {
        Options = options ?? new GaussianMixtureOptions();
        Options.Validate();
    }

    /// <summary>The options.</summary>
    public GaussianMixtureOptions Options { get; }

    /// <inheritdoc />
    public bool HasExplicitSeed => Options.HasExplicitSeed;

    /// <inheritdoc />
    public IClusterer WithSeed(long seed) => new GaussianMixture(Options with { Seed = seed });

    /// <inheritdoc />
    public string Name => "Gaussian mixture";

    /// <summary>Fits the mixture to the rows of <paramref name="data"/>.</summary>
    /// <exception cref="InvalidOperationException">A component's covariance stopped being positive definite.</exception>
    public GaussianMixtureModel Fit(DataMatrix data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireFinite(nameof(data));
        Options.Validate(data);
        int rows = data.Rows, columns = data.Columns, threads = Options.ResolvedThreads;
        var x = Array.ConvertAll(data.Values, v => (double)v);
        var random = new RandomGenerator(Options.Seed);

        GaussianParameters? best = null;
        double bestLowerBound = double.NegativeInfinity;
        int bestIterations = 0;
        bool converged = false;
        for (int run = 0; run < Options.InitializationCount; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var parameters = Initialize(data, x, random, threads);
            double lowerBound = double.NegativeInfinity;
            int iteration = 0;
            while (iteration < Options.MaxIterations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                iteration++;
                double previous = lowerBound;
                var (logResponsibilities, _, meanLogLikelihood) = GaussianMixtureEStep.Run(x, rows, parameters, threads);
                parameters = MaximisationStep(x, rows, columns, Exponentiate(logResponsibilities), threads);
                lowerBound = meanLogLikelihood;
                if (Math.Abs(lowerBound - previous) < Options.Tolerance)
                {
                    converged = true;
                    break;
                }
            }

            if (best is null || lowerBound > bestLowerBound)
            {
                best = parameters;
                bestLowerBound = lowerBound;
                bestIterations = iteration;
            }
        }

        var final = GaussianMixtureEStep.Run(x, rows, best!, threads);
        var labels = MostProbable(final.LogResponsibilities, rows, best!.Components);
        return new GaussianMixtureModel(best, labels, final.MeanLogLikelihood, bestLowerBound, converged, bestIterations, rows, threads);
    }

    /// <inheritdoc />
    IClusteringModel IClusterer.Fit(DataMatrix data, CancellationToken cancellationToken) => Fit(data, cancellationToken);

    /// <summary>The component of highest responsibility in each row (the lowest index on ties).</summary>
    internal static int[] MostProbable(double[] logResponsibilities, int rows, int components)
    {
        var labels = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            var row = logResponsibilities.AsSpan(r * components, components);
            int best = 0;
            for (int c = 1; c < components; c++)
            {
                if (row[c] > row[best])
                {
                    best = c;
                }
            }

            labels[r] = best;
        }

        return labels;
    }

    private static double[] Exponentiate(double[] logValues)
    {
        var result = new double[logValues.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Math.Exp(logValues[i]);
        }

        return result;
    }

    /// <summary>scikit-learn's <c>_m_step</c>: the estimates, weights normalised to sum to 1, and the precision factors.</summary>
    private GaussianParameters MaximisationStep(double[] x, int rows, int columns, double[] responsibilities, int threads)
    {
        int k = Options.ComponentCount;
        var (counts, means, covariances) = GaussianMixtureMStep.Estimate(x, rows, columns, responsibilities, k,
            Options.RegularizationCovariance, Options.CovarianceType, threads);
        double total = counts.Sum();
        return new GaussianParameters
        {
            Type = Options.CovarianceType,
            Columns = columns,
            Weights = Array.ConvertAll(counts, c => c / total),
            Means = means,
            Covariances = covariances,
            PrecisionCholesky = PrecisionFactors(covariances, columns),
        };
    }

    private double[][] PrecisionFactors(double[][] covariances, int columns)
    {
        var factors = new double[covariances.Length][];
        for (int k = 0; k < factors.Length; k++)
        {
            factors[k] = PrecisionCholesky.FromCovariance(covariances[k], Options.CovarianceType, columns)
                ?? throw new InvalidOperationException(
                    $"Fitting the mixture failed: the covariance of component {k} is not positive definite (for instance because it " +
                    $"holds a single row, or rows that coincide). Use fewer components or a larger {nameof(GaussianMixtureOptions.RegularizationCovariance)}.");
        }

        return factors;
    }

    /// <summary>
    /// scikit-learn's <c>_initialize_parameters</c> and <c>_initialize</c>: responsibilities from one k-means run
    /// (or at random), the parameters they imply (weights nₖ / n), and the given initial parameters in their place.
    /// </summary>
    private GaussianParameters Initialize(DataMatrix data, double[] x, RandomGenerator random, int threads)
    {
        int rows = data.Rows, columns = data.Columns, k = Options.ComponentCount;
        double[] weights, means;
        double[][]? covariances = null;
        if (Options.InitialWeights is null || Options.InitialMeans is null || Options.InitialPrecisions is null)
        {
            var responsibilities = Options.Initialization == GaussianMixtureInitialization.KMeans
                ? KMeansResponsibilities(data, random, threads)
                : RandomResponsibilities(rows, k, random);
            double[] counts;
            (counts, means, covariances) = GaussianMixtureMStep.Estimate(x, rows, columns, responsibilities, k,
                Options.RegularizationCovariance, Options.CovarianceType, threads);
            weights = Array.ConvertAll(counts, c => c / rows);
        }
        else
        {
            weights = [];
            means = [];
        }

        if (Options.InitialWeights is { } givenWeights)
        {
            weights = [.. givenWeights];
        }

        if (Options.InitialMeans is { } givenMeans)
        {
            means = new double[k * columns];
            for (int c = 0; c < k; c++)
            {
                for (int j = 0; j < columns; j++)
                {
                    means[c * columns + j] = givenMeans[c, j];
                }
            }
        }

        double[][] factors;
        if (Options.InitialPrecisions is { } givenPrecisions)
        {
            factors = new double[k][];
            for (int c = 0; c < k; c++)
            {
                factors[c] = PrecisionCholesky.FromPrecision(givenPrecisions[c], Options.CovarianceType, columns)
                    ?? throw new ArgumentException($"Initial precision {c} is not positive definite.", nameof(GaussianMixtureOptions.InitialPrecisions));
            }

            covariances = null;
        }
        else
        {
            factors = PrecisionFactors(covariances!, columns);
        }

        return new GaussianParameters
        {
            Type = Options.CovarianceType,
            Columns = columns,
            Weights = weights,
            Means = means,
            Covariances = covariances,
            PrecisionCholesky = factors,
        };
    }

    /// <summary>One-hot responsibilities from one k-means++ run (scikit-learn: <c>KMeans(n_clusters=k, n_init=1)</c>).</summary>
    private double[] KMeansResponsibilities(DataMatrix data, RandomGenerator random, int threads)
    {
        int k = Options.ComponentCount;
        var kmeans = new KMeans(new KMeansOptions
        {
            ClusterCount = k,
            InitializationCount = 1,
            Seed = unchecked((long)random.NextUInt64()),
            Threads = threads,
        });
        var labels = kmeans.Fit(data).Labels;
        var responsibilities = new double[data.Rows * k];
        for (int r = 0; r < labels.Count; r++)
        {
            responsibilities[r * k + labels[r]] = 1;
        }

        return responsibilities;
    }

    /// <summary>Uniform random responsibilities, each row normalised to sum to 1 (scikit-learn's <c>init_params="random"</c>).</summary>
    private static double[] RandomResponsibilities(int rows, int components, RandomGenerator random)
    {
        var responsibilities = new double[rows * components];
        for (int r = 0; r < rows; r++)
        {
            var row = responsibilities.AsSpan(r * components, components);
            double sum = 0;
            for (int c = 0; c < components; c++)
            {
                row[c] = random.NextDouble();
                sum += row[c];
            }

            for (int c = 0; c < components; c++)
            {
                row[c] /= sum;
            }
        }

        return responsibilities;
    }
}
