namespace DeepClustering.Pipeline;

/// <summary>Where a deep clustering model trains and predicts.</summary>
public enum ComputeDevice
{
    /// <summary>The best device available: the CPU in this version.</summary>
    Auto,

    /// <summary>The managed CPU backend (multithreaded, AVX-512 or AVX2 where present).</summary>
    Cpu,

    /// <summary>An NVIDIA GPU. No CUDA backend ships in this version; asking for it throws.</summary>
    Cuda,
}
