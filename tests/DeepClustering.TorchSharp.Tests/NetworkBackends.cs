using DeepClustering.Networks;
using DeepClustering.Networks.Managed;

namespace DeepClustering.TorchSharp.Tests;

/// <summary>
/// The backends and devices present on this machine, for the conformance tests, which run on each (TorchSharp's tests
/// loop over <c>TestUtils.AvailableDevices()</c> the same way): the managed engine, TorchSharp on the CPU, and TorchSharp
/// on CUDA device 0 when the libtorch loaded here has CUDA and sees a GPU.
/// </summary>
public static class NetworkBackends
{
    /// <summary>Backend names with devices: <c>managed cpu</c>, <c>torchsharp cpu</c>, <c>torchsharp cuda:0</c>.</summary>
    public static TheoryData<string> Present()
    {
        var data = new TheoryData<string> { "managed cpu", "torchsharp cpu" };
        if (TorchSharpNetworkBackend.IsCudaAvailable())
        {
            data.Add("torchsharp cuda:0");
        }

        return data;
    }

    /// <summary>The TorchSharp configurations present, each compared with the managed engine.</summary>
    public static TheoryData<string> TorchSharpPresent()
    {
        var data = new TheoryData<string> { "torchsharp cpu" };
        if (TorchSharpNetworkBackend.IsCudaAvailable())
        {
            data.Add("torchsharp cuda:0");
        }

        return data;
    }

    /// <summary>The backend and device a name stands for.</summary>
    public static (INetworkBackend Backend, ComputeDevice Device) Resolve(string name)
    {
        var parts = name.Split(' ');
        INetworkBackend backend = parts[0] == "managed" ? new ManagedNetworkBackend(threads: 1) : new TorchSharpNetworkBackend();
        return (backend, ComputeDevice.Parse(parts[1]));
    }
}
