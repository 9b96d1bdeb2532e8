using System.Runtime.InteropServices;
using DeepClustering.Networks;
using static TorchSharp.torch;

namespace DeepClustering.TorchSharp;

/// <summary>
/// Makes sure TorchSharp's native libraries load, and when they do not, says why in one exception: TorchSharp's own
/// message then blames a missing libtorch package even when the package is there and the real cause is the loader's
/// (an older libstdc++, say).
/// </summary>
internal static class TorchSharpNative
{
    private static readonly Lazy<Exception?> LoadFailure = new(TryLoad, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Throws a <see cref="DeviceNotAvailableException"/> naming the cause when the natives do not load.</summary>
    public static void EnsureLoaded()
    {
        if (LoadFailure.Value is { } failure)
        {
            throw new DeviceNotAvailableException(Describe(failure), failure) { Backend = TorchSharpNetworkBackend.BackendName };
        }
    }

    private static Exception? TryLoad()
    {
        try
        {
            InitializeDeviceType(global::TorchSharp.DeviceType.CPU);
            return null;
        }
        catch (Exception e) when (e is TypeInitializationException or NotSupportedException or DllNotFoundException or EntryPointNotFoundException)
        {
            return e;
        }
    }

    private static string Describe(Exception failure)
    {
        string? loaderError = LoaderError();
        var text = "TorchSharp's native libraries did not load, so the TorchSharp backend cannot run. ";
        if (loaderError is null)
        {
            return text + "No libLibTorchSharp was found beside the application: add a libtorch package to the application "
                + "(TorchSharp-cpu for the CPU; TorchSharp-cuda-linux or TorchSharp-cuda-windows for CUDA). TorchSharp said: "
                + failure.GetBaseException().Message;
        }

        text += "The system's loader said: " + loaderError;
        if (loaderError.Contains("GLIBCXX_", StringComparison.Ordinal))
        {
            text += " This system's libstdc++ is older than the one TorchSharp 0.107 was built against (GCC 13, GLIBCXX_3.4.32; "
                + "Debian 12 has GLIBCXX_3.4.30). Run on a newer system (Ubuntu 24.04, Debian 13), or build as this repository does "
                + "(build/TorchSharpNativeCompatibility.targets; see docs/torchsharp.md).";
        }

        return text;
    }

    /// <summary>The dynamic loader's own message for libLibTorchSharp, or null when no copy is found beside the application.</summary>
    private static string? LoaderError()
    {
        string file = OperatingSystem.IsWindows() ? "LibTorchSharp.dll" : OperatingSystem.IsMacOS() ? "libLibTorchSharp.dylib" : "libLibTorchSharp.so";
        var folder = AppContext.BaseDirectory;
        var candidates = new[] { Path.Combine(folder, file), Path.Combine(folder, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", file) }
            .Concat(Directory.Exists(Path.Combine(folder, "runtimes"))
                ? Directory.EnumerateFiles(Path.Combine(folder, "runtimes"), file, SearchOption.AllDirectories)
                : []);
        foreach (var path in candidates.Where(File.Exists))
        {
            try
            {
                NativeLibrary.Free(NativeLibrary.Load(path));
                return $"{path} loads by itself, so a library it needs is missing or mismatched.";
            }
            catch (DllNotFoundException e)
            {
                return e.Message;
            }
            catch (BadImageFormatException e)
            {
                return e.Message;
            }
        }

        return null;
    }
}
