namespace DeepClustering.Fuzzing;

/// <summary>What one input may cost the reader before it counts as a finding.</summary>
public sealed record FuzzBounds
{
    /// <summary>Wall time for one input, beyond which it is a <c>slow</c> finding; generous, as CI machines are shared.</summary>
    public double MaxMilliseconds { get; init; } = 2000;

    /// <summary>
    /// Bytes the reader may allocate for one input (on the reading thread), beyond which it is a <c>memory</c> finding:
    /// far more than an honest input of at most 1 MiB costs, far less than a declared shape would.
    /// </summary>
    public long MaxAllocatedBytes { get; init; } = 64L << 20;

    /// <summary>Wall time after which an input counts as hung: it is saved and the fuzzer exits with code 3.</summary>
    public double HangSeconds { get; init; } = 30;
}
