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
    /// <exception cref="ArgumentException">The rows do not have the encoder's input length.</exception>
    /// <exception cref="InvalidOperationException">
    /// The encoder overflows on these (finite) rows, so an embedding would hold a NaN or an infinity: its parameters,
    /// although finite, are too large for these data.
    /// </exception>
    public DataMatrix Transform(DataMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            NetworkInputs.Require(Network, data, nameof(data));
            var embeddings = Network.Embed(data);
            for (int i = 0; i < embeddings.Length; i++)
            {
                if (!float.IsFinite(embeddings[i]))
                {
                    throw new InvalidOperationException(
                        $"The model's encoder turned the finite row {i / EmbeddingDimension} into an embedding holding {embeddings[i]}: " +
                        "its parameters overflow single precision on these data, so it cannot embed or label them.");
                }
            }

            return new DataMatrix(embeddings, data.Rows, EmbeddingDimension);
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

    /// <summary>
    /// Anomaly scores of each row: the distance of its embedding to the nearest centre, and its soft assignment's
    /// confidence (the largest <see cref="PredictProba(DataMatrix)"/> value); see <see cref="AnomalyScores"/> for flagging.
    /// </summary>
    public AnomalyScores ScoreAnomalies(DataMatrix data)
    {
        var embeddings = Transform(data);
        var q = new float[data.Rows * ClusterCount];
        StudentTAssignment.Compute(embeddings.Values, _centers, EmbeddingDimension, Alpha, q);
        var labels = new int[data.Rows];
        var distances = new double[data.Rows];
        var confidences = new double[data.Rows];
        int d = EmbeddingDimension;
        for (int i = 0; i < data.Rows; i++)
        {
            var row = embeddings.Row(i);
            int label = InitialClusteringCenters.NearestCenter(row, _centers, ClusterCount);
            double squared = 0;
            for (int j = 0; j < d; j++)
            {
                double difference = row[j] - (double)_centers[label * d + j];
                squared += difference * difference;
            }

            labels[i] = label;
            distances[i] = Math.Sqrt(squared);
            confidences[i] = q.AsSpan(i * ClusterCount, ClusterCount).ToArray().Max();
        }

        return new AnomalyScores(labels, distances, confidences, ClusterCount);
    }

    /// <summary>Anomaly scores of images (see <see cref="ScoreAnomalies(DataMatrix)"/>).</summary>
    public AnomalyScores ScoreAnomalies(ImageSet images)
    {
        ArgumentNullException.ThrowIfNull(images);
        return ScoreAnomalies(images.ToDataMatrix());
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
    /// input shape and how the model was made, with a format version and a SHA-256 checksum. The wall-clock timings of
    /// <see cref="Info"/> are left out, so that two identical fits give byte-identical files. Temporary files that an
    /// interrupted save to the same path left behind are removed (see docs/model-file.md).
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
        var header = new DeepClusteringModelHeader(architecture, ClusterCount, EmbeddingDimension, Info, Alpha);
        var tensors = new List<NamedTensor>(Network.GetParameters().Select(p => p.WithName(DeepClusteringModelTensors.AutoencoderPrefix + p.Name)))
        {
            new(DeepClusteringModelTensors.CentersName, _centers, ClusterCount, EmbeddingDimension),
        };
        new ModelFile(header.ToJson(), tensors).Write(path);
    }

    /// <summary>
    /// Loads a model saved by <see cref="Save"/> on the managed engine. A file of another format version, a damaged file,
    /// or a file that holds something else is refused with an <see cref="InvalidDataException"/> naming the file.
    /// </summary>
    /// <param name="path">The model file.</param>
    /// <param name="threads">CPU threads of the engine the loaded model owns; 0 uses every core.</param>
    /// <exception cref="InvalidDataException">The file is damaged, of another format version, or holds something else; see the other overload.</exception>
    public static DeepClusteringModel Load(string path, int threads = 0) =>
        Load(path, new ManagedNetworkBackend(threads), ComputeDevice.Cpu);

    /// <summary>
    /// Loads a model saved by <see cref="Save"/> (on any backend) onto <paramref name="backend"/> and
    /// <paramref name="device"/>: a model trained with TorchSharp on a GPU predicts on the managed engine, and back.
    /// </summary>
    /// <remarks>
    /// Nothing is built from the file before all of it has been checked: the checksum and layout, then every header
    /// field against its schema (types, ranges, agreement between fields), then the stored tensors against the
    /// parameter names and shapes that the architecture implies, the centres against the cluster count and the
    /// embedding, and every value for NaN and infinity. Only then is the network built, so loading allocates about
    /// as much as the file holds, whatever its header says.
    /// </remarks>
    /// <exception cref="InvalidDataException">
    /// The file is damaged, of another format version, or holds something else, or its content does not describe a
    /// valid model; the message names the file and what is wrong.
    /// </exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DeviceNotAvailableException">The device cannot run on the backend.</exception>
    public static DeepClusteringModel Load(string path, INetworkBackend backend, ComputeDevice device)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(backend);
        var file = ModelFile.Read(path);
        var header = DeepClusteringModelHeader.Read(file, path);
        var tensors = DeepClusteringModelTensors.Read(file, header, path);
        var network = backend.Create(header.Architecture, backend.Resolve(device), seed: 0);
        try
        {
            try
            {
                network.SetParameters(tensors.Parameters);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException(
                    $"'{path}' does not fit its architecture: {e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal)}", e);
            }

            return new DeepClusteringModel(network, tensors.Centers.ToArray(), [], [], header.Info, header.Alpha);
        }
        catch
        {
            network.Dispose();
            throw;
        }
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
}
