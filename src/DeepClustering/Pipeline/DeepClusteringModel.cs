using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DeepClustering.Data;
using DeepClustering.Encoders;
using DeepClustering.Networks;
using DeepClustering.Persistence;
using DeepClustering.Refiners.Dec;
using DeepClustering.Tensors;
using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.Randomness;

namespace DeepClustering.Pipeline;

/// <summary>
/// A fitted deep clustering model: the trained autoencoder and the cluster centres in its embedding. It labels new
/// data (nearest centre), gives soft assignments (the Student-t kernel of DEC, α = 1), embeds, and saves to and
/// loads from one versioned, checksummed file. Dispose it to release the backend it owns.
/// </summary>
public sealed class DeepClusteringModel : IDisposable
{
    /// <summary>The <c>kind</c> written in the header of model files.</summary>
    public const string FileKind = "DeepClustering.DeepClusteringModel";

    private const string AutoencoderPrefix = "autoencoder.";
    private const string CentersName = "centers";
    private static readonly JsonSerializerOptions ArchitectureJson = new() { Converters = { new JsonStringEnumConverter() } };

    private readonly IComputeBackend? _ownedBackend;
    private readonly float[] _centers;

    internal DeepClusteringModel(Autoencoder autoencoder, float[] centers, int[] labels, IReadOnlyList<TrainingRecord> history,
        DeepClusteringModelInfo info, IComputeBackend? ownedBackend)
    {
        Autoencoder = autoencoder;
        _centers = centers;
        ClusterCount = centers.Length / autoencoder.EmbeddingDimension;
        Labels = labels;
        History = history;
        Info = info;
        _ownedBackend = ownedBackend;
    }

    /// <summary>The trained autoencoder; its encoder maps inputs to the embedding.</summary>
    public Autoencoder Autoencoder { get; }

    /// <summary>The encoder, through the library's interface.</summary>
    public IEncoder Encoder => Autoencoder;

    /// <summary>Number of clusters.</summary>
    public int ClusterCount { get; }

    /// <summary>The width of the embedding.</summary>
    public int EmbeddingDimension => Autoencoder.EmbeddingDimension;

    /// <summary>The cluster centres in the embedding, ClusterCount × EmbeddingDimension.</summary>
    public DataMatrix Centers => new(_centers.ToArray(), ClusterCount, EmbeddingDimension);

    /// <summary>The cluster of each training row (empty for a loaded model).</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>The fit's history: per pretraining epoch and per refresh of the refinement (empty for a loaded model).</summary>
    public IReadOnlyList<TrainingRecord> History { get; }

    /// <summary>How the model was made: methods, timings, seed.</summary>
    public DeepClusteringModelInfo Info { get; }

    /// <summary>The embeddings of <paramref name="data"/>, rows × EmbeddingDimension.</summary>
    public DataMatrix Transform(DataMatrix data)
    {
        var inputs = ToInputs(data);
        return new DataMatrix(Autoencoder.Embed(inputs), data.Rows, EmbeddingDimension);
    }

    /// <summary>The nearest centre of each row's embedding.</summary>
    public int[] Predict(DataMatrix data)
    {
        var embeddings = Transform(data);
        var labels = new int[data.Rows];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = InitialCenters.NearestCenter(embeddings.Row(i), _centers, ClusterCount);
        }

        return labels;
    }

    /// <summary>
    /// Soft assignments, rows × ClusterCount: the Student-t kernel of DEC (eq. 1, α = 1) between each embedding
    /// and each centre, normalised per row. Its argmax is <see cref="Predict"/>.
    /// </summary>
    public double[,] PredictProba(DataMatrix data)
    {
        var embeddings = Transform(data);
        var q = new float[data.Rows * ClusterCount];
        StudentTAssignment.Compute(embeddings.Values, _centers, EmbeddingDimension, ClusteringLayer.DefaultAlpha, q);
        var result = new double[data.Rows, ClusterCount];
        for (int i = 0; i < data.Rows; i++)
        {
            for (int j = 0; j < ClusterCount; j++)
            {
                result[i, j] = q[i * ClusterCount + j];
            }
        }

        return result;
    }

    /// <summary>
    /// Saves the model to one file, atomically: the autoencoder's architecture and parameters, the centres, the
    /// input shape and how the model was made, with a format version and a SHA-256 checksum.
    /// </summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var architecture = Autoencoder.Architecture ?? throw new InvalidOperationException(
            "This model's autoencoder was composed by hand, so a file could not rebuild it; save its parameters with ModuleParameters instead.");
        var header = new JsonObject
        {
            ["kind"] = FileKind,
            ["architecture"] = JsonSerializer.SerializeToNode(architecture, ArchitectureJson),
            ["clusterCount"] = ClusterCount,
            ["embeddingDimension"] = EmbeddingDimension,
            ["preprocessing"] = new JsonObject { ["inputShape"] = new JsonArray([.. Autoencoder.InputShape.Select(d => (JsonNode)d)]), ["transform"] = "none" },
            ["info"] = JsonSerializer.SerializeToNode(Info),
        };
        var tensors = new List<NamedTensor>(ModuleParameters.ToTensors(Autoencoder, AutoencoderPrefix))
        {
            new(CentersName, _centers, ClusterCount, EmbeddingDimension),
        };
        new ModelFile(header, tensors).Write(path);
    }

    /// <summary>
    /// Loads a model saved by <see cref="Save"/>. A file of another format version, a damaged file, or a file that
    /// holds something else is refused with an <see cref="InvalidDataException"/> naming the file.
    /// </summary>
    /// <param name="path">The model file.</param>
    /// <param name="threads">CPU threads of the backend the loaded model owns; 0 uses every core.</param>
    public static DeepClusteringModel Load(string path, int threads = 0)
    {
        var file = ModelFile.Read(path);
        if ((string?)file.Header["kind"] != FileKind)
        {
            throw new InvalidDataException($"'{path}' holds a '{file.Header["kind"]}', not a {FileKind}.");
        }

        var architecture = file.Header["architecture"].Deserialize<AutoencoderArchitecture>(ArchitectureJson)
            ?? throw new InvalidDataException($"'{path}' has no autoencoder architecture.");
        var info = file.Header["info"].Deserialize<DeepClusteringModelInfo>()
            ?? throw new InvalidDataException($"'{path}' has no model information.");
        var backend = new CpuBackend(new CpuBackendOptions { Threads = threads });
        try
        {
            var autoencoder = architecture.Build(backend, new RandomGenerator(0));
            ModuleParameters.Load(autoencoder, file, AutoencoderPrefix);
            var centers = file.GetTensor(CentersName);
            if (centers.Rank != 2 || centers.Shape[1] != autoencoder.EmbeddingDimension)
            {
                throw new InvalidDataException(
                    $"'{path}': the centres have shape [{string.Join(", ", centers.Shape.ToArray())}], the embedding has {autoencoder.EmbeddingDimension} dimensions.");
            }

            autoencoder.Eval();
            return new DeepClusteringModel(autoencoder, centers.ToArray(), [], [], info, backend);
        }
        catch
        {
            backend.Dispose();
            throw;
        }
    }

    /// <summary>Releases the backend the model owns.</summary>
    public void Dispose() => _ownedBackend?.Dispose();

    private Tensor ToInputs(DataMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int[] shape = [data.Rows, .. Autoencoder.InputShape];
        long perRow = Autoencoder.InputShape.Aggregate(1L, (a, b) => a * b);
        if (perRow != data.Columns)
        {
            throw new ArgumentException(
                $"The model takes rows of {perRow} values (shape [{string.Join(", ", Autoencoder.InputShape)}]); the data have {data.Columns} columns.",
                nameof(data));
        }

        return new Tensor(Autoencoder.Backend, data.Values, shape);
    }
}
