namespace DeepClustering.Manifold.Layout;

/// <summary>
/// The negative samples' generator of one point in one epoch: xorshift64* seeded through SplitMix64 by the seed,
/// the epoch and the point, so that a point's draws do not depend on which thread moves it or when.
/// </summary>
internal struct LayoutRandom
{
    private ulong _state;

    public LayoutRandom(long seed, int epoch, int point)
    {
        ulong z = unchecked((ulong)seed + 0x9E3779B97F4A7C15UL * (ulong)(epoch + 1) + 0xD1B54A32D192ED03UL * (ulong)(point + 1));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        _state = (z ^ (z >> 31)) | 1UL;
    }

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>) (Lemire's multiply-shift, its tiny bias below 2⁻³² for the sizes here).</summary>
    public int Next(int maxExclusive)
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        ulong value = unchecked(_state * 0x2545F4914F6CDD1DUL);
        return (int)(((value >> 32) * (ulong)maxExclusive) >> 32);
    }
}
