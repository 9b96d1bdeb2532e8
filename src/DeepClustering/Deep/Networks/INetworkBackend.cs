namespace DeepClustering.Networks;

/// <summary>
/// Builds the library's networks on one engine: the managed engine (<c>ManagedNetworkBackend</c>, the default, CPU
/// only) or TorchSharp (<c>TorchSharpNetworkBackend</c> in the DeepClustering.TorchSharp package, CPU and CUDA). A
/// backend is chosen on the options of what uses it, never process-wide.
/// </summary>
public interface INetworkBackend
{
    /// <summary>The backend's short name: <c>managed</c> or <c>torchsharp</c>.</summary>
    string Name { get; }

    /// <summary>
    /// The device a request means here: <see cref="ComputeDevice.Auto"/> becomes CUDA device 0 when this backend can
    /// run there, else the CPU; a concrete device is returned when it can run here.
    /// </summary>
    /// <exception cref="DeviceNotAvailableException">The device cannot run on this backend; the message says what is missing and which package to add.</exception>
    ComputeDevice Resolve(ComputeDevice device);

    /// <summary>
    /// Builds a fresh network of <paramref name="architecture"/> on <paramref name="device"/>. The initial weights are
    /// drawn from <paramref name="seed"/> by the library's own generator, the same values on every backend.
    /// </summary>
    /// <exception cref="DeviceNotAvailableException">The device cannot run on this backend.</exception>
    IAutoencoderNetwork Create(AutoencoderArchitecture architecture, ComputeDevice device, long seed);
}
