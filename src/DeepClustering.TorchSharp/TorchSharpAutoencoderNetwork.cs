using DeepClustering.Data;
using DeepClustering.Networks;
using DeepClustering.Persistence;
using TorchSharp;
using static TorchSharp.torch;
using ManagedAutoencoder = DeepClustering.Networks.Managed.Autoencoder;

namespace DeepClustering.TorchSharp;

/// <summary>
/// An autoencoder of TorchSharp modules behind the seam, on one device: the library's architectures (built by
/// <see cref="TorchSharpNetworkBackend"/>) or one's own modules. Rows go to the device and embeddings come back to the
/// host; each batch runs in its own dispose scope, so nothing is left to the garbage collector.
/// </summary>
internal class TorchSharpAutoencoderNetwork : IAutoencoderNetwork
{
    /// <summary>Mini-batch size used to embed a whole data set (memory only; results do not depend on it).</summary>
    internal const int EmbeddingBatchSize = 256;

    private readonly bool _ownsModule;
    private bool _disposed;

    internal TorchSharpAutoencoderNetwork(AutoencoderModule module, string name, int[] inputShape, int embeddingDimension,
        AutoencoderArchitecture? architecture, ComputeDevice device, bool ownsModule = true)
    {
        Module = module;
        Name = name;
        InputShape = inputShape;
        EmbeddingDimension = embeddingDimension;
        Architecture = architecture;
        Device = device;
        TorchDevice = device.IsCuda ? new torch.Device(global::TorchSharp.DeviceType.CUDA, device.Index) : CPU;
        _ownsModule = ownsModule;
        module.to(TorchDevice);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyList<int> InputShape { get; }

    /// <inheritdoc />
    public int EmbeddingDimension { get; }

    /// <inheritdoc />
    public string BackendName => TorchSharpNetworkBackend.BackendName;

    /// <inheritdoc />
    public ComputeDevice Device { get; }

    /// <inheritdoc />
    public AutoencoderArchitecture? Architecture { get; }

    /// <summary>The modules, on <see cref="TorchDevice"/>.</summary>
    internal AutoencoderModule Module { get; }

    /// <summary>The TorchSharp device.</summary>
    internal torch.Device TorchDevice { get; }

    /// <summary>The TorchSharp twin of a managed-engine autoencoder, with its weights.</summary>
    internal static TorchSharpAutoencoderNetwork FromManaged(ManagedAutoencoder template, ComputeDevice device)
    {
        var module = new AutoencoderModule(ModuleTranslation.ToTorch(template.Encoder), ModuleTranslation.ToTorch(template.Decoder));
        int[] inputShape = [.. template.InputShape];
        return template.Architecture is { Kind: AutoencoderKind.StackedSparse } stacked
            ? new TorchSharpStackedAutoencoderNetwork(module, template.Name, inputShape, template.EmbeddingDimension, stacked, device)
            : new TorchSharpAutoencoderNetwork(module, template.Name, inputShape, template.EmbeddingDimension, template.Architecture, device);
    }

    /// <inheritdoc />
    public float[] Embed(DataMatrix inputs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        NetworkInputs.Require(this, inputs, nameof(inputs));
        using var onDevice = ToDevice(inputs);
        return Embed(onDevice);
    }

    /// <inheritdoc />
    public IReadOnlyList<NamedTensor> GetParameters()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var result = new List<NamedTensor>();
        foreach (var (name, parameter) in Module.named_parameters())
        {
            using var host = parameter.detach().cpu();
            result.Add(new NamedTensor(name, host.data<float>().ToArray(), host.shape.Select(d => checked((int)d)).ToArray()));
        }

        return result;
    }

    /// <inheritdoc />
    public void SetParameters(IReadOnlyList<NamedTensor> parameters)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var values = NetworkParameters.MatchByName(GetParameters(), parameters, nameof(parameters));
        using var _ = no_grad();
        foreach (var (name, parameter) in Module.named_parameters())
        {
            using var source = tensor(values[name], parameter.shape, device: TorchDevice);
            parameter.copy_(source);
        }
    }

    /// <inheritdoc />
    public INetworkTrainer CreateTrainer(DataMatrix inputs, NetworkTrainerOptions options)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        NetworkInputs.Require(this, inputs, nameof(inputs));
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new TorchSharpNetworkTrainer(this, ToDevice(inputs), options);
    }

    /// <summary>Releases the modules' memory (on the device too) when the network owns them.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            if (_ownsModule)
            {
                Module.Dispose();
            }
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The rows as one tensor [n, InputShape…] on the device (the caller disposes it).</summary>
    internal Tensor ToDevice(DataMatrix inputs)
    {
        long[] shape = [inputs.Rows, .. InputShape.Select(d => (long)d)];
        using var host = tensor(inputs.Values, shape);
        return host.to(TorchDevice);
    }

    /// <summary>Embeds every row of <paramref name="inputs"/> (on the device) in evaluation mode, without gradients.</summary>
    internal float[] Embed(Tensor inputs)
    {
        var encoder = Module.Encoder;
        long rows = inputs.shape[0];
        var embeddings = new float[rows * EmbeddingDimension];
        bool wasTraining = encoder.training;
        encoder.eval();
        try
        {
            using var _ = no_grad();
            for (long start = 0; start < rows; start += EmbeddingBatchSize)
            {
                using var scope = NewDisposeScope();
                long count = Math.Min(EmbeddingBatchSize, rows - start);
                var z = encoder.forward(inputs.narrow(0, start, count));
                if (z.dim() != 2 || z.shape[1] != EmbeddingDimension)
                {
                    throw new InvalidOperationException(
                        $"Encoder '{Name}' returned [{string.Join(", ", z.shape)}]; expected [{count}, {EmbeddingDimension}].");
                }

                z.cpu().data<float>().CopyTo(embeddings, checked((int)(start * EmbeddingDimension)));
            }
        }
        finally
        {
            encoder.train(wasTraining);
        }

        return embeddings;
    }
}
