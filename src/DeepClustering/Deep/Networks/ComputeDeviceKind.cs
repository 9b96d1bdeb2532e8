namespace DeepClustering.Networks;

/// <summary>The kinds of <see cref="ComputeDevice"/>.</summary>
public enum ComputeDeviceKind
{
    /// <summary>CUDA when the network backend reports it, else the CPU.</summary>
    Auto,

    /// <summary>The CPU.</summary>
    Cpu,

    /// <summary>An NVIDIA GPU through CUDA.</summary>
    Cuda,
}
