namespace DeepClustering.Tensors.Backends.Cpu;

/// <summary>Options of a <see cref="CpuBackend"/>.</summary>
public sealed class CpuBackendOptions
{
    /// <summary>Threads that run kernels, the calling thread included; 0 means one per logical processor.</summary>
    public int Threads { get; init; }

    internal int ResolveThreads()
    {
        if (Threads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "The thread count must be 0 (automatic) or positive.");
        }

        return Threads == 0 ? Environment.ProcessorCount : Threads;
    }
}
