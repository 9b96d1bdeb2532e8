using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Persistence;
using DeepClustering.Refiners.Dec;
using DeepClustering.Training;

namespace DeepClustering.Pipeline;

/// <summary>
/// A fitted deep clustering model: the trained autoencoder and the cluster centres in its embedding. It labels new
/// data (nearest centre), gives soft assignments (the Student-t kernel of DEC with the model's <see cref="Alpha"/>),
/// embeds, and saves to and loads from one versioned, checksummed file, on any network backend. Dispose it to release
/// the network it owns.
/// </summary>
/// <remarks>
/// Thread-safe: calls from several threads run one at a time (each already uses every thread of its engine).
/// <see cref="Dispose"/> waits for a call in flight to finish; <see cref="Transform(DataMatrix)"/>, <c>Predict</c>,
/// <c>PredictProba</c>, <see cref="Centers"/> and <see cref="Save"/> after it throw <see cref="ObjectDisposedException"/>.
/// </remarks>
public sealed class DeepClusteringModel : IClusteringModel, IDisposable
{
    /// <summary>The <c>kind</c> written in the header of model files.</summary>
    public const string FileKind = "DeepClustering.DeepClusteringModel";

    private const string AutoencoderPrefix = "autoencoder.";
    private const string CentersName = "centers";
    private const string AlphaName = "alpha";
    private static readonly JsonSerializerOptions ArchitectureJson = new() { Converters = { new JsonStringEnumConverter() } };

    private readonly float[] _centers;
    private readonly Lock _gate = new();
    private bool _disposed;

    internal DeepClusteringModel(IAutoencoderNetwork network, float[] centers, int[] labels, IReadOnlyList<TrainingRecord> history,
        DeepClusteringModelInfo info, double alpha)
    {
        Alpha = alpha;
        Network = network;
        _centers = centers;
        ClusterCount = centers.Length / network.EmbeddingDimension;
        Labels = labels;
        History = history;
        Info = info;
    }

    /// <summary>The trained network (encoder and decoder) on its backend and device; the model owns it.</summary>
    public IAutoencoderNetwork Network { get; }

    /// <summary>The encoder, through the library's interface.</summary>
    public IEncoder Encoder => Network;

    /// <summary>Number of clusters.</summary>
    public int ClusterCount { get; }

    /// <summary>The width of the embedding.</summary>
    public int EmbeddingDimension => Network.EmbeddingDimension;

    /// <summary>The cluster centres in the embedding, ClusterCount × EmbeddingDimension.</summary>
    public DataMatrix Centers
    {
        get
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return new(_centers.ToArray(), ClusterCount, EmbeddingDimension);
            }
        }
    }

    /// <summary>The cluster of each training row (empty for a loaded model).</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>The fit's history: per pretraining epoch and per refresh of the refinement (empty for a loaded model).</summary>
    public IReadOnlyList<TrainingRecord> History { get; }

    /// <summary>How the model was made: methods, timings, seed.</summary>
    public DeepClusteringModelInfo Info { get; }

    /// <summary>
    /// The degrees of freedom α of the Student's t kernel of <see cref="PredictProba(DataMatrix)"/>: the refiner's (DEC,
    /// IDEC, DSSEC), or 1 for methods without a soft assignment of their own; saved with the model.
    /// </summary>
    public double Alpha { get; }

    /// <summary>The embeddings of <paramref name="data"/>, rows × EmbeddingDimension.</summary>
    public DataMatrix Transform(DataMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            NetworkInputs.Require(Network, data, nameof(data));
            return new DataMatrix(Network.Embed(data), data.Rows, EmbeddingDimension);
        }
    }

    /// <summary>The embeddings of <paramref name="images"/>, images × EmbeddingDimension.</summary>
    public DataMatrix Transform(ImageSet images)
    {
        ArgumentNullException.ThrowIfNull(images);
        return Transform(images.ToDataMatrix());
    }

    /// <summary>The nearest centre of each image's embedding.</summary>
    public int[] Predict(ImageSet images)
    {
        ArgumentNullException.ThrowIfNull(images);
        return Predict(images.ToDataMatrix());
    }

    /// <summary>Soft assignments of images, images × ClusterCount (see <see cref="PredictProba(DataMatrix)"/>).</summary>
    public double[,] PredictProba(ImageSet images)
    {
        ArgumentNullException.ThrowIfNull(images);
        return PredictProba(images.ToDataMatrix());
    }

    /// <summary>The nearest centre of each row's embedding.</summary>
    public int[] Predict(DataMatrix data)
    {
        var embeddings = Transform(data);
        var labels = new int[data.Rows];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = InitialClusteringCenters.NearestCenter(embeddings.Row(i), _centers, ClusterCount);
        }

        return labels;
    }

    /// <summary>
    /// Soft assignments, rows × ClusterCount: the Student-t kernel of DEC (eq. 1, with <see cref="Alpha"/>) between each
    /// embedding and each centre, normalised per row. Its argmax is <see cref="Predict(DataMatrix)"/>.
    /// </summary>
    public double[,] PredictProba(DataMatrix data)
    {
        var embeddings = Transform(data);
        var q = new float[data.Rows * ClusterCount];
        StudentTAssignment.Compute(embeddings.Values, _centers, EmbeddingDimension, Alpha, q);
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
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            SaveUnderGate(path);
        }
    }

    private void SaveUnderGate(string path)
    {
        var architecture = Network.Architecture ?? throw new InvalidOperationException(
            "This model's autoencoder was composed by hand, so a file could not rebuild it; save its parameters (Network.GetParameters) instead.");
        var header = new JsonObject
        {
            ["kind"] = FileKind,
            ["architecture"] = JsonSerializer.SerializeToNode(architecture, ArchitectureJson),
            ["clusterCount"] = ClusterCount,
            ["embeddingDimension"] = EmbeddingDimension,
            ["preprocessing"] = new JsonObject { ["inputShape"] = new JsonArray([.. Network.InputShape.Select(d => (JsonNode)d)]), ["transform"] = "none" },
            ["info"] = JsonSerializer.SerializeToNode(Info),
            [AlphaName] = Alpha,
        };
        var tensors = new List<NamedTensor>(Network.GetParameters().Select(p => p.WithName(AutoencoderPrefix + p.Name)))
        {
            new(CentersName, _centers, ClusterCount, EmbeddingDimension),
        };
        new ModelFile(header, tensors).Write(path);
    }

    /// <summary>
    /// Loads a model saved by <see cref="Save"/> on the managed engine. A file of another format version, a damaged file,
    /// or a file that holds something else is refused with an <see cref="InvalidDataException"/> naming the file.
    /// </summary>
    /// <param name="path">The model file.</param>
    /// <param name="threads">CPU threads of the engine the loaded model owns; 0 uses every core.</param>
    public static DeepClusteringModel Load(string path, int threads = 0) =>
        Load(path, new ManagedNetworkBackend(threads), ComputeDevice.Cpu);

    /// <summary>
    /// Loads a model saved by <see cref="Save"/> (on any backend) onto <paramref name="backend"/> and
    /// <paramref name="device"/>: a model trained with TorchSharp on a GPU predicts on the managed engine, and back.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is damaged, of another format version, or holds something else.</exception>
    /// <exception cref="DeviceNotAvailableException">The device cannot run on the backend.</exception>
    public static DeepClusteringModel Load(string path, INetworkBackend backend, ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var file = ModelFile.Read(path);
        if ((string?)file.Header["kind"] != FileKind)
        {
            throw new InvalidDataException($"'{path}' holds a '{file.Header["kind"]}', not a {FileKind}.");
        }

        var architecture = file.Header["architecture"].Deserialize<AutoencoderArchitecture>(ArchitectureJson)
            ?? throw new InvalidDataException($"'{path}' has no autoencoder architecture.");
        var info = file.Header["info"].Deserialize<DeepClusteringModelInfo>()
            ?? throw new InvalidDataException($"'{path}' has no model information.");
        var network = backend.Create(architecture, backend.Resolve(device), seed: 0);
        try
        {
            LoadParameters(network, file, path);
            var centers = file.GetTensor(CentersName);
            if (centers.Rank != 2 || centers.Shape[1] != network.EmbeddingDimension)
            {
                throw new InvalidDataException(
                    $"'{path}': the centres have shape {centers.ShapeText}, the embedding has {network.EmbeddingDimension} dimensions.");
            }

            return new DeepClusteringModel(network, centers.ToArray(), [], [], info, ReadAlpha(file.Header, path));
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>The saved α; files written before it was saved used α = 1.</summary>
    private static double ReadAlpha(JsonObject header, string path)
    {
        if (header[AlphaName] is not { } node)
        {
            return StudentTAssignment.DefaultAlpha;
        }

        double alpha = node.GetValue<double>();
        if (!double.IsFinite(alpha) || alpha <= 0)
        {
            throw new InvalidDataException($"'{path}': the Student's t α is {alpha}; it must be positive and finite.");
        }

        return alpha;
    }

    /// <summary>Waits for a call in flight to finish, then releases the network the model owns.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Network.Dispose();
        }
    }

    /// <summary>
    /// Loads the network's parameters from the file's tensors under the autoencoder prefix: every parameter needs a tensor
    /// of its shape, and every tensor under the prefix must be a parameter.
    /// </summary>
    private static void LoadParameters(IAutoencoderNetwork network, ModelFile file, string path)
    {
        var saved = file.Tensors.Where(t => t.Name.StartsWith(AutoencoderPrefix, StringComparison.Ordinal))
            .Select(t => t.WithName(t.Name[AutoencoderPrefix.Length..])).ToList();
        try
        {
            network.SetParameters(saved);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"'{path}' does not fit its architecture: {e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal)}", e);
        }
    }
}
