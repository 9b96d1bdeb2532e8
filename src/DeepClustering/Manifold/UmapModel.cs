using System.Globalization;
using System.Text.Json.Nodes;
using DeepClustering.Data;
using DeepClustering.Manifold.FuzzyGraph;
using DeepClustering.Manifold.Layout;
using DeepClustering.Numerics.Threading;
using DeepClustering.Persistence;

namespace DeepClustering.Manifold;

/// <summary>
/// A fitted UMAP: the training embedding, and what embedding new points needs (the training rows in the metric's
/// neighbour space, the similarity curve and the options). Immutable; <see cref="Transform"/> may run on several
/// threads at once.
/// </summary>
public sealed class UmapModel
{
    /// <summary>The <c>kind</c> a UMAP model file declares in its header.</summary>
    public const string FileKind = "umap";

    private const string ReferenceName = "reference", EmbeddingName = "embedding";

    private readonly DataMatrix _reference;

    internal UmapModel(UmapOptions options, DataMatrix reference, DataMatrix embedding, double a, double b, int epochs, bool initializationConverged)
    {
        Options = options;
        _reference = reference;
        Embedding = embedding;
        A = a;
        B = b;
        Epochs = epochs;
        InitializationConverged = initializationConverged;
    }

    /// <summary>The options of the fit.</summary>
    public UmapOptions Options { get; }

    /// <summary>The embedding of the training rows, one row each, <see cref="UmapOptions.Components"/> columns (<c>embedding_</c>).</summary>
    public DataMatrix Embedding { get; }

    /// <summary>The similarity curve's a (<c>_a</c>).</summary>
    public double A { get; }

    /// <summary>The similarity curve's b (<c>_b</c>).</summary>
    public double B { get; }

    /// <summary>The layout epochs of the fit.</summary>
    public int Epochs { get; }

    /// <summary>
    /// Whether the spectral initialisation's eigenvectors converged to the tolerance (always true for a random
    /// initialisation); an unconverged one is still a usable start.
    /// </summary>
    public bool InitializationConverged { get; }

    /// <summary>Training rows.</summary>
    public int TrainingRows => _reference.Rows;

    /// <summary>Columns of the input rows.</summary>
    public int InputColumns => _reference.Columns;

    /// <summary>
    /// Embeds new rows against the fixed training embedding, as umap-learn's <c>transform</c>: each row's
    /// <see cref="UmapOptions.NeighborCount"/> nearest training rows and their membership strengths, a start at their
    /// weighted mean (at a training point the row coincides with), then the layout moving only the new points, at a
    /// quarter of the learning rate, for 100 epochs (30 beyond 10,000 rows; a third of
    /// <see cref="UmapOptions.Epochs"/> when set).
    /// </summary>
    /// <exception cref="ArgumentException">The rows have another column count, hold a NaN or an infinity, or a zero row under the cosine metric.</exception>
    public DataMatrix Transform(DataMatrix data, IProgress<UmapProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Columns != InputColumns)
        {
            throw new ArgumentException($"The model was fitted on {InputColumns} columns; the data have {data.Columns}.", nameof(data));
        }

        data.RequireFinite(nameof(data));
        int m = data.Rows, dims = Embedding.Columns;
        int threads = ThreadCount.Resolve(Options.Threads, nameof(Options.Threads));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        int epochs = Options.ResolveTransformEpochs(m);
        int neighbors = Math.Min(Options.NeighborCount, TrainingRows);

        progress?.Report(new UmapProgress(UmapStage.Neighbors, 0, epochs));
        var space = NeighborSpace.Prepare(data, Options.Metric, nameof(data));
        var graph = FuzzySimplicialSet.ToTraining(space, _reference, Options.Metric, neighbors, Options.LocalConnectivity, threads, cancellationToken);

        progress?.Report(new UmapProgress(UmapStage.Initialization, 0, epochs));
        var embedding = InitialTransform(graph, Embedding.Values, dims);
        graph = graph.WithoutEdgesBelow(graph.MaxWeight() / epochs);

        var settings = new LayoutOptimizer.Settings(A, B, Options.RepulsionStrength, Options.LearningRate / 4, Options.NegativeSampleRate, epochs,
            unchecked(Options.Seed + 1), PullsPerSample: 1, OverOnePointSet: false);
        progress?.Report(new UmapProgress(UmapStage.Layout, 0, epochs));
        LayoutOptimizer.Optimize(embedding, Embedding.Values, dims, graph, settings, parallel, Umap.LayoutProgress(progress, epochs));
        return new DataMatrix(embedding, m, dims);
    }

    /// <summary>
    /// umap-learn's <c>init_graph_transform</c>: each new row starts at the strength-weighted mean of its
    /// neighbours' embeddings, or at the first neighbour (in index order) of strength 1, a training row it coincides with.
    /// </summary>
    internal static float[] InitialTransform(SparseGraph graph, float[] trainingEmbedding, int dims)
    {
        var result = new float[(long)graph.Rows * dims];
        for (int i = 0; i < graph.Rows; i++)
        {
            var row = result.AsSpan(i * dims, dims);
            int start = graph.RowStarts[i], end = graph.RowStarts[i + 1];
            double total = 0;
            for (int e = start; e < end; e++)
            {
                total += graph.Weights[e];
            }

            for (int e = start; e < end; e++)
            {
                var target = trainingEmbedding.AsSpan(graph.Targets[e] * dims, dims);
                if (graph.Weights[e] == 1f)
                {
                    target.CopyTo(row);
                    break;
                }

                for (int c = 0; c < dims; c++)
                {
                    row[c] += (float)(graph.Weights[e] / total * target[c]);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Saves the model to one file, atomically (the model-file format of docs/model-file.md): the options, the curve's
    /// a and b, the training rows as the neighbour search sees them, and the embedding.
    /// </summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var header = new JsonObject
        {
            ["kind"] = FileKind,
            ["neighborCount"] = Options.NeighborCount,
            ["components"] = Options.Components,
            ["metric"] = Options.Metric.ToString(),
            ["minDistance"] = Options.MinDistance,
            ["spread"] = Options.Spread,
            ["epochs"] = Options.Epochs,
            ["fitEpochs"] = Epochs,
            ["learningRate"] = Options.LearningRate,
            ["initialization"] = Options.Initialization.ToString(),
            ["localConnectivity"] = Options.LocalConnectivity,
            ["setOpMixRatio"] = Options.SetOpMixRatio,
            ["repulsionStrength"] = Options.RepulsionStrength,
            ["negativeSampleRate"] = Options.NegativeSampleRate,
            ["a"] = A,
            ["b"] = B,
            ["seed"] = Options.Seed.ToString(CultureInfo.InvariantCulture),
            ["initializationConverged"] = InitializationConverged,
        };
        new ModelFile(header, [
            new NamedTensor(ReferenceName, _reference.Values, _reference.Rows, _reference.Columns),
            new NamedTensor(EmbeddingName, Embedding.Values, Embedding.Rows, Embedding.Columns),
        ]).Write(path);
    }

    /// <summary>
    /// Loads a model saved by <see cref="Save"/>. A damaged file, a file of another format version, one that holds
    /// something else, or one whose fields or tensors disagree is refused with an <see cref="InvalidDataException"/>
    /// that names the file and what is wrong.
    /// </summary>
    /// <param name="path">The model file.</param>
    /// <param name="threads">Threads of <see cref="Transform"/>; 0 uses every core.</param>
    public static UmapModel Load(string path, int threads = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        var file = ModelFile.Read(path);
        var fields = new HeaderFields(path);
        var header = file.Header;
        string? kind = fields.OptionalString(header["kind"], "kind");
        if (kind != FileKind)
        {
            throw new InvalidDataException($"'{path}' holds {(kind is null ? "no 'kind'" : $"a '{kind}'")}, not a {FileKind} model.");
        }

        UmapOptions options;
        double a, b;
        int fitEpochs;
        bool converged;
        try
        {
            options = new UmapOptions
            {
                NeighborCount = fields.Int32(fields.Required(header, "neighborCount", "neighborCount"), "neighborCount", 2, int.MaxValue),
                Components = fields.Int32(fields.Required(header, "components", "components"), "components", 1, int.MaxValue),
                Metric = fields.Enum<UmapMetric>(fields.Required(header, "metric", "metric"), "metric"),
                MinDistance = RequiredNumber(fields, header, "minDistance"),
                Spread = RequiredNumber(fields, header, "spread"),
                Epochs = header["epochs"] is null ? null : fields.Int32(header["epochs"], "epochs", 1, int.MaxValue),
                LearningRate = RequiredNumber(fields, header, "learningRate"),
                Initialization = fields.Enum<UmapInitialization>(fields.Required(header, "initialization", "initialization"), "initialization"),
                LocalConnectivity = RequiredNumber(fields, header, "localConnectivity"),
                SetOpMixRatio = RequiredNumber(fields, header, "setOpMixRatio"),
                RepulsionStrength = RequiredNumber(fields, header, "repulsionStrength"),
                NegativeSampleRate = fields.Int32(fields.Required(header, "negativeSampleRate", "negativeSampleRate"), "negativeSampleRate", 0, int.MaxValue),
                Seed = long.TryParse(fields.String(fields.Required(header, "seed", "seed"), "seed"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long seed)
                    ? seed
                    : throw fields.Refuse("'seed' is not a 64-bit integer."),
                Threads = threads,
            };
            a = RequiredNumber(fields, header, "a");
            b = RequiredNumber(fields, header, "b");
            fitEpochs = fields.Int32(fields.Required(header, "fitEpochs", "fitEpochs"), "fitEpochs", 1, int.MaxValue);
            converged = fields.Boolean(fields.Required(header, "initializationConverged", "initializationConverged"), "initializationConverged");
            options.Validate();
            if (!(a > 0) || !(b > 0))
            {
                throw fields.Refuse("'a' and 'b' must be positive.");
            }
        }
        catch (ArgumentException e)
        {
            throw fields.Refuse(e.Message);
        }

        if (file.Tensors.Count != 2 || !file.TryGetTensor(ReferenceName, out var reference) || !file.TryGetTensor(EmbeddingName, out var embedding))
        {
            throw fields.Refuse($"a UMAP model holds exactly the tensors '{ReferenceName}' and '{EmbeddingName}'.");
        }

        if (reference.Rank != 2 || embedding.Rank != 2 || reference.Shape[0] != embedding.Shape[0] || embedding.Shape[1] != options.Components
            || reference.Shape[0] < 2 || reference.Shape[1] < 1)
        {
            throw fields.Refuse($"'{ReferenceName}' is {reference.ShapeText} and '{EmbeddingName}' {embedding.ShapeText}; they need the same rows (at least 2) and the embedding {options.Components} columns.");
        }

        DataMatrix referenceRows, embeddingRows;
        try
        {
            referenceRows = new DataMatrix(reference.ToArray(), reference.Shape[0], reference.Shape[1]);
            embeddingRows = new DataMatrix(embedding.ToArray(), embedding.Shape[0], embedding.Shape[1]);
        }
        catch (ArgumentException e)
        {
            throw fields.Refuse(e.Message);
        }

        return new UmapModel(options, referenceRows, embeddingRows, a, b, fitEpochs, converged);
    }

    private static double RequiredNumber(HeaderFields fields, JsonObject header, string name) =>
        fields.OptionalFiniteNumber(fields.Required(header, name, name), name) ?? throw fields.Refuse($"'{name}' must be a number.");
}
