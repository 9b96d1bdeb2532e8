using DeepClustering.Data;
using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Numerics.Randomness;
using DeepClustering.TorchSharp;

namespace DeepClustering.Benchmarks.Networks;

/// <summary>The benchmark's two autoencoders on either backend, and their random inputs.</summary>
internal static class BenchmarkNetworks
{
    /// <summary>DEC's dense 784-500-500-2000-10 or the DCEC convolutional autoencoder on 1×28×28, ReLU.</summary>
    public static AutoencoderArchitecture Architecture(string model) => model switch
    {
        "dense" => new AutoencoderArchitecture(AutoencoderKind.Dense, [784], 10, [.. DenseAutoencoder.DecHiddenWidths], HiddenActivation.ReLU),
        "conv" => new AutoencoderArchitecture(AutoencoderKind.Convolutional, [1, 28, 28], 10, [], HiddenActivation.ReLU),
        _ => throw new ArgumentException($"Unknown model '{model}'. Use dense or conv."),
    };

    /// <summary>
    /// The backend named <paramref name="name"/>. TorchSharp's CPU thread count is process-wide, so it is set here,
    /// as an application would; the managed engine takes it per network.
    /// </summary>
    public static INetworkBackend Backend(string name, int threads)
    {
        switch (name)
        {
            case ManagedNetworkBackend.BackendName:
                return new ManagedNetworkBackend(threads);
            case TorchSharpNetworkBackend.BackendName:
                var backend = new TorchSharpNetworkBackend();
                backend.Resolve(ComputeDevice.Cpu);
                global::TorchSharp.torch.set_num_threads(threads);
                return backend;
            default:
                throw new ArgumentException($"Unknown backend '{name}'. Use managed or torchsharp.");
        }
    }

    /// <summary>Uniform random rows in [0, 1) for <paramref name="architecture"/>.</summary>
    public static DataMatrix RandomInputs(AutoencoderArchitecture architecture, int rows, long seed)
    {
        int columns = architecture.InputShape.Aggregate(1, (a, b) => a * b);
        var random = new RandomGenerator(seed);
        var values = new float[rows * columns];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.NextSingle();
        }

        return new DataMatrix(values, rows, columns);
    }
}
