using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Numerics.Randomness;
using static TorchSharp.torch;

namespace DeepClustering.TorchSharp;

/// <summary>
/// TorchSharp (libtorch) as a network backend: the library's autoencoders on the CPU or a CUDA device, layer for layer
/// the networks of the managed engine, with the same parameter names and layouts and, for a seed, the same initial
/// weights. The application chooses libtorch's build by the package it adds: TorchSharp-cpu, or TorchSharp-cuda-linux /
/// TorchSharp-cuda-windows for CUDA.
/// </summary>
/// <remarks>libtorch's CPU thread count is process-wide in TorchSharp (<c>torch.set_num_threads</c>); this backend leaves it as the application set it.</remarks>
public sealed class TorchSharpNetworkBackend : INetworkBackend
{
    /// <summary>The backend's name, <c>torchsharp</c>.</summary>
    public const string BackendName = "torchsharp";

    /// <inheritdoc />
    public string Name => BackendName;

    /// <summary>Whether a CUDA device can be used: libtorch's CUDA build is loaded and sees a GPU.</summary>
    public static bool IsCudaAvailable()
    {
        TorchSharpNative.EnsureLoaded();
        return cuda.is_available();
    }

    /// <inheritdoc />
    public ComputeDevice Resolve(ComputeDevice device)
    {
        TorchSharpNative.EnsureLoaded();
        switch (device.Kind)
        {
            case ComputeDeviceKind.Cpu:
                return ComputeDevice.Cpu;
            case ComputeDeviceKind.Auto:
                return cuda.is_available() ? ComputeDevice.Cuda : ComputeDevice.Cpu;
        }

        if (!cuda.is_available())
        {
            throw new DeviceNotAvailableException(
                $"{device} was asked for, but the libtorch that TorchSharp loaded has no CUDA (the CPU build, TorchSharp-cpu, is in use, or no GPU "
                + "and driver are visible). Add TorchSharp-cuda-linux (Linux) or TorchSharp-cuda-windows (Windows) to the application instead "
                + "of TorchSharp-cpu, on a machine with an NVIDIA driver.")
            {
                Device = device,
                Backend = BackendName,
            };
        }

        int count = cuda.device_count();
        if (device.Index >= count)
        {
            throw new DeviceNotAvailableException($"{device} was asked for, but libtorch sees {count} CUDA device(s), cuda:0 … cuda:{count - 1}.")
            {
                Device = device,
                Backend = BackendName,
            };
        }

        return device;
    }

    /// <inheritdoc />
    public IAutoencoderNetwork Create(AutoencoderArchitecture architecture, ComputeDevice device, long seed)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var resolved = Resolve(device);

        // The architecture is built once, by the managed engine on one thread, to draw the initial weights with the
        // library's generator; its TorchSharp twin copies them, so a seed means the same network on both backends.
        using var engine = new CpuBackend(new CpuBackendOptions { Threads = 1 });
        var template = architecture.Build(engine, new RandomGenerator(seed));
        return TorchSharpAutoencoderNetwork.FromManaged(template, resolved);
    }

    /// <summary>
    /// A network of one's own TorchSharp modules: <paramref name="encoder"/> maps [n, inputShape…] to [n, embedding],
    /// <paramref name="decoder"/> maps back. They are moved to <paramref name="device"/>; the network owns them from now on.
    /// A model made with it cannot be saved to a file (a file could not rebuild the modules); save its parameters instead.
    /// </summary>
    public IAutoencoderNetwork FromModules(nn.Module<Tensor, Tensor> encoder, nn.Module<Tensor, Tensor> decoder, IReadOnlyList<int> inputShape,
        int embeddingDimension, ComputeDevice device, string name = "custom")
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(inputShape);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(embeddingDimension);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (inputShape.Count == 0 || inputShape.Any(d => d <= 0))
        {
            throw new ArgumentException($"The input shape [{string.Join(", ", inputShape)}] must have positive dimensions.", nameof(inputShape));
        }

        return new TorchSharpAutoencoderNetwork(new AutoencoderModule(encoder, decoder), name, inputShape.ToArray(), embeddingDimension,
            architecture: null, Resolve(device));
    }
}
