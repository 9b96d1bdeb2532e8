using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Networks.Managed;

/// <summary>
/// The library's own engine (<c>DeepClustering.Tensors</c>) as a network backend: pure managed code, multithreaded and
/// vectorised (AVX-512 or AVX2 where present), CPU only, nothing native to install. The default backend.
/// </summary>
public sealed class ManagedNetworkBackend : INetworkBackend
{
    /// <summary>The backend's name, <c>managed</c>.</summary>
    public const string BackendName = "managed";

    /// <summary>Creates the backend; each network it builds owns a CPU engine with <paramref name="threads"/> threads (0: every core).</summary>
    public ManagedNetworkBackend(int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        Threads = threads;
    }

    /// <summary>The CPU threads of each network's engine; 0 uses every core.</summary>
    public int Threads { get; }

    /// <inheritdoc />
    public string Name => BackendName;

    /// <inheritdoc />
    public ComputeDevice Resolve(ComputeDevice device) => device.Kind switch
    {
        ComputeDeviceKind.Auto or ComputeDeviceKind.Cpu => ComputeDevice.Cpu,
        _ => throw new DeviceNotAvailableException(
            $"The managed engine runs on the CPU only, so it cannot run on {device}. For CUDA, add the DeepClustering.TorchSharp package "
            + "and a CUDA build of libtorch (TorchSharp-cuda-linux or TorchSharp-cuda-windows), and train with its TorchSharpNetworkBackend "
            + "(CLI: --backend torchsharp).")
        {
            Device = device,
            Backend = BackendName,
        },
    };

    /// <inheritdoc />
    public IAutoencoderNetwork Create(AutoencoderArchitecture architecture, ComputeDevice device, long seed)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        Resolve(device);
        var engine = new CpuBackend(new CpuBackendOptions { Threads = Threads });
        try
        {
            return ManagedAutoencoderNetwork.Wrap(architecture.Build(engine, new RandomGenerator(seed)), ownedEngine: engine);
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Builds a network composed by hand from the engine's layers by <paramref name="factory"/>, on an engine this
    /// network owns, with weights drawn from <paramref name="seed"/>.
    /// </summary>
    public IAutoencoderNetwork Create(Func<IComputeBackend, RandomGenerator, Autoencoder> factory, long seed)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var engine = new CpuBackend(new CpuBackendOptions { Threads = Threads });
        try
        {
            var autoencoder = factory(engine, new RandomGenerator(seed))
                ?? throw new InvalidOperationException("The encoder factory returned null.");
            if (!ReferenceEquals(autoencoder.Backend, engine))
            {
                throw new InvalidOperationException("The encoder factory built its autoencoder on another engine than the one it was given.");
            }

            return ManagedAutoencoderNetwork.Wrap(autoencoder, ownedEngine: engine);
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }
}
