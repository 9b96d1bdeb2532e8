using DeepClustering.Data;
using DeepClustering.Persistence;

namespace DeepClustering.Networks;

/// <summary>
/// The seam between clustering and networks: an encoder with the decoder that reconstructs its inputs, on some network
/// backend (the managed engine, TorchSharp) and device. Pretraining and every refiner (DEC, IDEC, DSSEC, DEKM) use a
/// network only through this interface: embeddings come back as host arrays, and a training step takes the gradient of
/// a head's loss with respect to the embedding as a host array (<see cref="IEmbeddingHead"/>).
/// </summary>
/// <remarks>
/// Parameters are named and laid out as PyTorch names and lays out the same modules (<c>encoder.0.weight</c>, a Linear
/// weight [out, in], a ConvTranspose2d weight [in, out, kh, kw]), so the values of one backend's network load into the
/// same architecture on another. Dispose the network to release what its backend holds (device memory, an owned CPU
/// backend).
/// </remarks>
public interface IAutoencoderNetwork : IEncoder, IDisposable
{
    /// <summary>The backend's short name: <c>managed</c> or <c>torchsharp</c>.</summary>
    string BackendName { get; }

    /// <summary>The device the network runs on: <see cref="ComputeDevice.Cpu"/> or a CUDA device, never <see cref="ComputeDevice.Auto"/>.</summary>
    ComputeDevice Device { get; }

    /// <summary>How to build this network again (null for a network composed by hand, which a model file cannot hold).</summary>
    AutoencoderArchitecture? Architecture { get; }

    /// <summary>A host copy of every parameter, named and shaped as in PyTorch, in the network's order.</summary>
    IReadOnlyList<NamedTensor> GetParameters();

    /// <summary>
    /// Overwrites every parameter with the value of the same name. A missing or unknown name, or a shape that differs,
    /// is refused with an <see cref="ArgumentException"/> naming it, before anything is changed.
    /// </summary>
    void SetParameters(IReadOnlyList<NamedTensor> parameters);

    /// <summary>
    /// Starts training on <paramref name="inputs"/> (each row one sample): the inputs are moved to the device once, and
    /// the trainer's optimizer holds the encoder's parameters, and the decoder's when the reconstruction is trained.
    /// Dispose the trainer when done; it restores the network's mode.
    /// </summary>
    /// <exception cref="ArgumentException">The rows do not fit <see cref="IEncoder.InputShape"/>.</exception>
    INetworkTrainer CreateTrainer(DataMatrix inputs, NetworkTrainerOptions options);
}
