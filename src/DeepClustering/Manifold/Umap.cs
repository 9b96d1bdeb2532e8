using DeepClustering.Data;
using DeepClustering.Manifold.FuzzyGraph;
using DeepClustering.Manifold.Layout;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Numerics.Threading;

namespace DeepClustering.Manifold;

/// <summary>
/// Uniform manifold approximation and projection (McInnes, Healy and Melville 2018), as umap-learn 0.5 computes it:
/// the fuzzy simplicial set of each point's <see cref="UmapOptions.NeighborCount"/> nearest neighbours, a spectral
/// initial layout, and the cross-entropy between that graph and the embedding's similarities 1 / (1 + a·d^(2b))
/// minimised by stochastic gradient descent with negative sampling. The fitted <see cref="UmapModel"/> embeds new
/// points (<see cref="UmapModel.Transform"/>) and saves and loads.
/// </summary>
/// <remarks>
/// <para>
/// Where this differs from umap-learn, by design: the nearest neighbours are exact (umap-learn approximates them by
/// nearest-neighbour descent); the spectral eigenvectors come from Chebyshev-filtered subspace iteration (umap-learn:
/// ARPACK), to the same tolerance; and each layout epoch moves every point against the others' positions at the
/// epoch's start, so that the result is the same on any number of threads (see <c>LayoutOptimizer</c>; umap-learn is
/// reproducible only on one thread). The embedding is therefore not umap-learn's to the digit, but a UMAP of the
/// same graph and objective; docs/umap.md compares the two on MNIST.
/// </para>
/// <para>The same options and data give the same embedding whatever the thread count.</para>
/// </remarks>
public sealed class Umap
{
    /// <summary>The standard deviation of the noise added to the spectral layout (umap-learn's 0.0001).</summary>
    internal const double InitialNoise = 1e-4;

    /// <summary>The spectral layout is scaled so its largest coordinate is this, the random one drawn in ±this (umap-learn's 10).</summary>
    internal const double InitialScale = 10.0;

    private readonly UmapOptions _options;

    /// <summary>Creates a UMAP with the given options.</summary>
    public Umap(UmapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Creates a UMAP with umap-learn's default options.</summary>
    public Umap()
        : this(new UmapOptions())
    {
    }

    /// <summary>Learns the embedding of the rows of <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The data hold a NaN or an infinity, or a zero row under the cosine metric (the message names the row).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public UmapModel Fit(DataMatrix data, IProgress<UmapProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireFinite(nameof(data));
        var options = _options;
        int n = data.Rows, dims = options.Components;
        options.ValidateFor(n);
        int threads = ThreadCount.Resolve(options.Threads, nameof(options.Threads));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        int epochs = options.ResolveEpochs(n);

        progress?.Report(new UmapProgress(UmapStage.Neighbors, 0, epochs));
        var space = NeighborSpace.Prepare(data, options.Metric, nameof(data));
        var graph = FuzzySimplicialSet.Build(space, options.Metric, options.NeighborCount, options.LocalConnectivity, options.SetOpMixRatio, threads, cancellationToken);

        progress?.Report(new UmapProgress(UmapStage.Graph, 0, epochs));
        graph = graph.WithoutEdgesBelow(graph.MaxWeight() / options.ResolvePruningEpochs(n));

        progress?.Report(new UmapProgress(UmapStage.Initialization, 0, epochs));
        var random = new RandomGenerator(options.Seed);
        var (embedding, converged) = InitialEmbedding(graph, space, random, parallel);

        var (a, b) = options.A is double fixedA ? (fixedA, options.B!.Value) : CurveParameters.Fit(options.Spread, options.MinDistance);
        var settings = new LayoutOptimizer.Settings(a, b, options.RepulsionStrength, options.LearningRate, options.NegativeSampleRate, epochs,
            unchecked((long)random.NextUInt64()), PullsPerSample: 2, OverOnePointSet: true);
        progress?.Report(new UmapProgress(UmapStage.Layout, 0, epochs));
        LayoutOptimizer.Optimize(embedding, null, dims, graph, settings, parallel, LayoutProgress(progress, epochs));
        return new UmapModel(options, space, new DataMatrix(embedding, n, dims), a, b, epochs, converged);
    }

    /// <summary>Learns the embedding of <paramref name="data"/> and returns it (umap-learn's <c>fit_transform</c>).</summary>
    public DataMatrix FitTransform(DataMatrix data, IProgress<UmapProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Fit(data, progress, cancellationToken).Embedding;

    /// <summary>
    /// The start of the layout: the spectral layout scaled to a largest coordinate of 10 plus noise of standard
    /// deviation 10⁻⁴, or uniform in [−10, 10]; then each column mapped to [0, 10], as umap-learn's
    /// <c>simplicial_set_embedding</c> does before optimising.
    /// </summary>
    private (float[] Embedding, bool Converged) InitialEmbedding(SparseGraph graph, DataMatrix space, RandomGenerator random, ParallelOptions parallel)
    {
        int n = graph.Rows, dims = _options.Components;
        var embedding = new float[(long)n * dims];
        bool converged = true;
        if (_options.Initialization == UmapInitialization.Random)
        {
            for (long e = 0; e < embedding.Length; e++)
            {
                embedding[e] = (float)random.NextUniform(-InitialScale, InitialScale);
            }
        }
        else
        {
            (var layout, converged) = SpectralLayout.Compute(graph, space, dims, unchecked((long)random.NextUInt64()), parallel);
            double largest = 0;
            foreach (double v in layout)
            {
                largest = Math.Max(largest, Math.Abs(v));
            }

            double expansion = largest > 0 ? InitialScale / largest : 0;
            for (long e = 0; e < embedding.Length; e++)
            {
                embedding[e] = (float)(layout[e] * expansion + InitialNoise * random.NextGaussian());
            }
        }

        ScaleColumns(embedding, n, dims);
        return (embedding, converged);
    }

    /// <summary>Maps each column linearly onto [0, 10] (a constant column to 0).</summary>
    internal static void ScaleColumns(float[] embedding, int n, int dims)
    {
        for (int c = 0; c < dims; c++)
        {
            float min = float.PositiveInfinity, max = float.NegativeInfinity;
            for (int i = 0; i < n; i++)
            {
                min = Math.Min(min, embedding[(long)i * dims + c]);
                max = Math.Max(max, embedding[(long)i * dims + c]);
            }

            double range = max - min;
            for (int i = 0; i < n; i++)
            {
                long at = (long)i * dims + c;
                embedding[at] = range > 0 ? (float)(InitialScale * (embedding[at] - min) / range) : 0f;
            }
        }
    }

    internal static Action<int>? LayoutProgress(IProgress<UmapProgress>? progress, int epochs) =>
        progress is null
            ? null
            : epoch =>
            {
                if (epoch % 10 == 0 || epoch == epochs)
                {
                    progress.Report(new UmapProgress(UmapStage.Layout, epoch, epochs));
                }
            };
}
