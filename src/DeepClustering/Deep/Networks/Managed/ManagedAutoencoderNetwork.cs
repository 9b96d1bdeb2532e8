using DeepClustering.Data;
using DeepClustering.Persistence;
using DeepClustering.Tensors;
using DeepClustering.Tensors.Backends;

namespace DeepClustering.Networks.Managed;

/// <summary>
/// An <see cref="Autoencoder"/> of the managed engine behind the seam: rows in and embeddings out as host arrays,
/// training steps through <see cref="ManagedNetworkTrainer"/>. Made by <see cref="ManagedNetworkBackend"/>, or
/// around an autoencoder composed by hand with <see cref="AutoencoderNetworkExtensions.AsNetwork"/>.
/// </summary>
public class ManagedAutoencoderNetwork : IAutoencoderNetwork
{
    /// <summary>Mini-batch size used to embed a whole data set (memory only; results do not depend on it).</summary>
    public const int EmbeddingBatchSize = 256;

    private readonly IComputeBackend? _ownedEngine;
    private bool _disposed;

    private protected ManagedAutoencoderNetwork(Autoencoder autoencoder, IComputeBackend? ownedEngine)
    {
        Autoencoder = autoencoder ?? throw new ArgumentNullException(nameof(autoencoder));
        _ownedEngine = ownedEngine;
    }

    /// <summary>The engine's autoencoder that this network runs.</summary>
    public Autoencoder Autoencoder { get; }

    /// <inheritdoc />
    public string Name => Autoencoder.Name;

    /// <inheritdoc />
    public IReadOnlyList<int> InputShape => Autoencoder.InputShape;

    /// <inheritdoc />
    public int EmbeddingDimension => Autoencoder.EmbeddingDimension;

    /// <inheritdoc />
    public string BackendName => ManagedNetworkBackend.BackendName;

    /// <inheritdoc />
    public ComputeDevice Device => ComputeDevice.Cpu;

    /// <inheritdoc />
    public AutoencoderArchitecture? Architecture => Autoencoder.Architecture;

    /// <summary>
    /// Wraps <paramref name="autoencoder"/>; the network disposes <paramref name="ownedEngine"/> when given (the engine
    /// the autoencoder runs on), and otherwise leaves the engine to its owner.
    /// </summary>
    public static ManagedAutoencoderNetwork Wrap(Autoencoder autoencoder, IComputeBackend? ownedEngine = null) =>
        autoencoder is StackedSparseAutoencoder stacked
            ? new ManagedStackedAutoencoderNetwork(stacked, ownedEngine)
            : new ManagedAutoencoderNetwork(autoencoder, ownedEngine);

    /// <inheritdoc />
    public float[] Embed(DataMatrix inputs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        NetworkInputs.Require(this, inputs, nameof(inputs));
        return Embed(ToTensor(inputs));
    }

    /// <inheritdoc />
    public IReadOnlyList<NamedTensor> GetParameters()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return ModuleParameters.ToTensors(Autoencoder);
    }

    /// <inheritdoc />
    public void SetParameters(IReadOnlyList<NamedTensor> parameters)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(parameters);
        var values = NetworkParameters.MatchByName(GetParameters(), parameters, nameof(parameters));
        Autoencoder.SetParameterValues(values);
    }

    /// <inheritdoc />
    public INetworkTrainer CreateTrainer(DataMatrix inputs, NetworkTrainerOptions options)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        NetworkInputs.Require(this, inputs, nameof(inputs));
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new ManagedNetworkTrainer(this, ToTensor(inputs), options);
    }

    /// <summary>Releases the engine this network owns, if any; every call after it throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the engine this network owns, if any.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _ownedEngine?.Dispose();
        }
    }

    /// <summary>The rows as a tensor [n, InputShape…] on the autoencoder's engine (the values are shared, not copied).</summary>
    internal Tensor ToTensor(DataMatrix inputs) => new(Autoencoder.Backend, inputs.Values, [inputs.Rows, .. Autoencoder.InputShape]);

    /// <summary>
    /// Embeds every input in evaluation mode (dropout off), in mini-batches; the encoder's training mode is restored
    /// afterwards.
    /// </summary>
    internal float[] Embed(Tensor inputs)
    {
        var encoder = Autoencoder.Encoder;
        var backend = Autoencoder.Backend;
        int rows = inputs.Size(0);
        int width = EmbeddingDimension;
        var embeddings = new float[(long)rows * width];
        bool wasTraining = encoder.IsTraining;
        encoder.Eval();
        try
        {
            int size = Math.Min(EmbeddingBatchSize, rows);
            var shape = inputs.Shape.ToArray();
            shape[0] = size;
            var batch = new Tensor(backend, shape);
            var indices = new int[size];
            for (int start = 0; start < rows; start += size)
            {
                int count = Math.Min(size, rows - start);
                for (int i = 0; i < count; i++)
                {
                    indices[i] = start + i;
                }

                shape[0] = count;
                batch.Resize(shape);
                backend.GatherRows(inputs, indices.AsSpan(0, count), batch);
                var z = encoder.Forward(batch);
                if (z.Rank != 2 || z.Size(1) != width)
                {
                    throw new InvalidOperationException(
                        $"Encoder '{Name}' returned {TensorShape.Format(z.Shape)}; expected [{count}, {width}].");
                }

                z.AsSpan().CopyTo(embeddings.AsSpan(start * width, count * width));
            }
        }
        finally
        {
            encoder.Train(wasTraining);
        }

        return embeddings;
    }
}
