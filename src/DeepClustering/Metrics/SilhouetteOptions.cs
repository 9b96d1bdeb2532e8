namespace DeepClustering.Metrics;

/// <summary>Options of <see cref="Silhouette"/>.</summary>
public sealed class SilhouetteOptions
{
    /// <summary>Threads that compute distances; 0 uses every core. Default <see cref="Defaults.Threads"/>.</summary>
    public int Threads { get; init; } = Defaults.Threads;

    /// <summary>
    /// 0 scores every sample (exact); otherwise a random subset of this many samples, drawn with
    /// <see cref="Seed"/>, is scored among itself, as scikit-learn's <c>sample_size</c> (a size above the sample
    /// count scores them all). Default <see cref="Defaults.SampleSize"/>.
    /// </summary>
    public int SampleSize { get; init; } = Defaults.SampleSize;

    /// <summary>Seed of the subset drawn when <see cref="SampleSize"/> is set. Default <see cref="Defaults.Seed"/>.</summary>
    public long Seed { get; init; } = Defaults.Seed;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Threads or SampleSize is negative (the message names which).</exception>
    public void Validate()
    {
        if (Threads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Threads must be 0 (every core) or positive.");
        }

        if (SampleSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SampleSize), SampleSize, "SampleSize must be 0 (every sample) or positive.");
        }
    }

    /// <summary>The default of each option.</summary>
    public static class Defaults
    {
        /// <summary>Every core (the engine's convention for thread counts).</summary>
        public const int Threads = 0;

        /// <summary>Every sample, exact: scikit-learn's <c>sample_size=None</c>.</summary>
        public const int SampleSize = 0;

        /// <summary>A fixed seed, so that a sampled score repeats from run to run.</summary>
        public const long Seed = 0;
    }
}
