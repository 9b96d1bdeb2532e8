using System.CommandLine;
using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.TorchSharp;

namespace DeepClustering.Cli.Commands;

/// <summary>The <c>--backend</c> and <c>--device</c> options shared by <c>cluster</c>, <c>pretrain</c> and <c>predict</c>.</summary>
internal static class BackendOptions
{
    /// <summary>The values of <c>--backend</c>.</summary>
    public static readonly string[] Names = [ManagedNetworkBackend.BackendName, TorchSharpNetworkBackend.BackendName];

    public static Option<string> CreateBackendOption()
    {
        var option = new Option<string>("--backend")
        {
            Description = "network backend: managed (the library's own engine, CPU) or torchsharp (libtorch: CPU, or CUDA with its CUDA build)",
            DefaultValueFactory = _ => ManagedNetworkBackend.BackendName,
        };
        option.AcceptOnlyFromAmong(Names);
        return option;
    }

    public static Option<ComputeDevice> CreateDeviceOption()
    {
        return new Option<ComputeDevice>("--device")
        {
            Description = "where the network runs: cpu, cuda, cuda:N or auto (CUDA when the backend has it, else the CPU)",
            DefaultValueFactory = _ => ComputeDevice.Auto,
            CustomParser = result =>
            {
                string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (ComputeDevice.TryParse(text, out var device))
                {
                    return device;
                }

                result.AddError($"--device '{text}' is not a device: use cpu, cuda, cuda:N (N = 0, 1, …) or auto.");
                return ComputeDevice.Auto;
            },
        };
    }

    /// <summary>
    /// The backend named by <paramref name="name"/>. For TorchSharp the command-line tool, as the application, sets
    /// libtorch's process-wide CPU thread count from <c>--threads</c> (0 leaves libtorch's own choice).
    /// </summary>
    public static INetworkBackend Create(string name, int threads) => name switch
    {
        ManagedNetworkBackend.BackendName => new ManagedNetworkBackend(threads),
        TorchSharpNetworkBackend.BackendName => TorchSharpWithThreads(threads),
        _ => throw new ArgumentException($"Unknown backend '{name}'. Use one of: {string.Join(", ", Names)}."),
    };

    /// <summary>Whether this build of the tool carries libtorch's natives (the packed tool does not: docs/packaging.md).</summary>
#if WITHOUT_LIBTORCH
    public const bool CarriesLibTorch = false;
#else
    public const bool CarriesLibTorch = true;
#endif

    private static TorchSharpNetworkBackend TorchSharpWithThreads(int threads)
    {
        if (!CarriesLibTorch)
        {
            throw new DeviceNotAvailableException(
                "--backend torchsharp: this installation of the tool carries no libtorch (its natives are 1.3 GB for three platforms, more than a tool package holds). "
                + "Use --backend managed (the default, the library's own engine), build the tool with TorchSharp-cpu or a CUDA build (docs/packaging.md), "
                + "or call the library from an application that references DeepClustering.TorchSharp and TorchSharp-cpu.")
            {
                Backend = TorchSharpNetworkBackend.BackendName,
            };
        }

        var backend = new TorchSharpNetworkBackend();
        if (threads > 0)
        {
            backend.Resolve(ComputeDevice.Cpu); // loads the natives first, so a failure reads as the backend's, not as set_num_threads'
            global::TorchSharp.torch.set_num_threads(threads);
        }

        return backend;
    }
}
