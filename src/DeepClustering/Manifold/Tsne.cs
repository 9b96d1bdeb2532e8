using DeepClustering.Data;
using DeepClustering.Decomposition;
using DeepClustering.Manifold.Objectives;
using DeepClustering.Manifold.Optimization;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Manifold;

/// <summary>
/// t-distributed stochastic neighbour embedding (van der Maaten and Hinton 2008), as scikit-learn 1.2's <c>TSNE</c>
/// computes it: Gaussian input affinities of a given perplexity over squared Euclidean distances (all pairs for
/// the exact method, the ⌊3·perplexity + 1⌋ nearest neighbours for Barnes-Hut), symmetrised; a Student-t
/// similarity in the embedding; and the KL divergence between the two minimised by gradient descent with
/// momentum and gains in two stages: <see cref="TsneOptions.EarlyExaggerationIterations"/> steps with the
/// affinities multiplied by <see cref="TsneOptions.EarlyExaggeration"/> and momentum 0.5, then the rest with
/// momentum 0.8.
/// </summary>
/// <remarks>
/// The computation is in double. The same options and data give the same embedding whatever the thread count.
/// </remarks>
public sealed class Tsne
{
    /// <summary>The standard deviation of the initial embedding's first coordinate (scikit-learn's 1e-4).</summary>
    internal const double InitialScale = 1e-4;

    /// <summary>The momentum of the early-exaggeration stage (scikit-learn's 0.5).</summary>
    internal const double EarlyMomentum = 0.5;

    /// <summary>The momentum of the second stage (scikit-learn's 0.8).</summary>
    internal const double FinalMomentum = 0.8;

    private readonly TsneOptions _options;

    /// <summary>Creates a t-SNE with the given options.</summary>
    public Tsne(TsneOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Creates a t-SNE with the default options.</summary>
    public Tsne()
        : this(new TsneOptions())
    {
    }

    /// <summary>
    /// Embeds the rows of <paramref name="data"/> in <see cref="TsneOptions.Dimensions"/> dimensions. Progress is
    /// reported every 50 steps and after the last; cancellation is checked at every step.
    /// </summary>
    public TsneResult Fit(DataMatrix data, IProgress<TsneProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireFinite(nameof(data));
        var options = _options;
        int n = data.Rows, dims = options.Dimensions;
        options.ValidateFor(n, data.Columns);
        var method = options.ResolveMethod(n);
        double learningRate = options.ResolveLearningRate(n);
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Threads == 0 ? Environment.ProcessorCount : options.Threads,
            CancellationToken = cancellationToken,
        };

        ITsneObjective objective = method == TsneMethod.Exact
            ? new ExactObjective(ExactObjective.Affinities(data, options.Perplexity, parallel), n, dims, parallel)
            : new BarnesHutObjective(BarnesHutObjective.Affinities(data, options.Perplexity, options.Threads, parallel), dims, options.Angle, parallel);
        double[] embedding = InitialEmbedding(data, cancellationToken);

        bool early = true;
        Action<int, double, double>? onCheck = progress is null
            ? null
            : (iteration, error, norm) => progress.Report(new TsneProgress(iteration + 1, options.MaxIterations, error, norm, early));

        double error = double.NaN;
        int last = -1;
        if (options.EarlyExaggerationIterations > 0)
        {
            var stage = new GainsGradientDescent.StageSettings(0, options.EarlyExaggerationIterations, EarlyMomentum, learningRate,
                options.EarlyExaggeration, options.EarlyExaggerationIterations, options.MinGradientNorm);
            (error, last) = GainsGradientDescent.RunStage(objective, embedding, stage, onCheck, cancellationToken);
        }

        early = false;
        if (last + 1 < options.MaxIterations)
        {
            var stage = new GainsGradientDescent.StageSettings(last + 1, options.MaxIterations, FinalMomentum, learningRate,
                1.0, options.IterationsWithoutProgress, options.MinGradientNorm);
            (error, last) = GainsGradientDescent.RunStage(objective, embedding, stage, onCheck, cancellationToken);
        }

        var values = new float[embedding.Length];
        for (int e = 0; e < values.Length; e++)
        {
            values[e] = (float)embedding[e];
        }

        return new TsneResult(new DataMatrix(values, n, dims), error, last + 1, method, learningRate);
    }

    /// <summary>
    /// The starting embedding: the first principal components scaled so that the first has standard deviation
    /// 10⁻⁴, or Gaussian coordinates of that standard deviation from the seed.
    /// </summary>
    internal double[] InitialEmbedding(DataMatrix data, CancellationToken cancellationToken)
    {
        int n = data.Rows, dims = _options.Dimensions;
        var embedding = new double[n * dims];
        if (_options.Initialization == TsneInitialization.Random)
        {
            var random = new RandomGenerator(_options.Seed);
            for (int e = 0; e < embedding.Length; e++)
            {
                embedding[e] = InitialScale * random.NextGaussian();
            }

            return embedding;
        }

        var pca = new Pca(new PcaOptions { ComponentCount = dims, Threads = _options.Threads });
        var scores = pca.Fit(data, cancellationToken).Transform(data).Values;
        double mean = 0;
        for (int i = 0; i < n; i++)
        {
            mean += scores[i * dims];
        }

        mean /= n;
        double variance = 0;
        for (int i = 0; i < n; i++)
        {
            double centred = scores[i * dims] - mean;
            variance += centred * centred;
        }

        double deviation = Math.Sqrt(variance / n);
        double scale = deviation > 0 ? InitialScale / deviation : 0.0;
        for (int e = 0; e < embedding.Length; e++)
        {
            embedding[e] = scores[e] * scale;
        }

        return embedding;
    }
}
