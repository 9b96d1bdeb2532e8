using DeepClustering.Numerics.Threading;

namespace DeepClustering.Tensors.Backends.Cpu;

/// <summary>Options of a <see cref="CpuBackend"/>.</summary>
public sealed class CpuBackendOptions
{
    /// <summary>Threads that run kernels, the calling thread included; 0 means one per logical processor.</summary>
    public int Threads { get; init; }

    internal int ResolveThreads() => ThreadCount.Resolve(Threads, nameof(Threads));
}
