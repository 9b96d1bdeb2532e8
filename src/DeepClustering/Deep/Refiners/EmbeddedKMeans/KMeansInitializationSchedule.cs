namespace DeepClustering.Refiners.EmbeddedKMeans;

/// <summary>
/// How many initialisations each re-clustering of embedded k-means runs. DEKM.py starts with
/// <c>kmeans_n_init = 100</c> and after every run sets <c>kmeans_n_init = int(ans_kmeans.n_iter_ * 2)</c>: a run
/// that needed many Lloyd iterations (the embedding moved a lot) is followed by a more thorough one, a run that
/// settled at once by a cheap one.
/// </summary>
internal static class KMeansInitializationSchedule
{
    /// <summary>
    /// <paramref name="initialCount"/> when no earlier k-means run's iteration count is known, otherwise
    /// <paramref name="perIteration"/> × <paramref name="previousIterations"/>, at least 1.
    /// </summary>
    public static int Next(int? previousIterations, int initialCount, int perIteration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perIteration);
        if (previousIterations is not { } iterations)
        {
            return initialCount;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(iterations, nameof(previousIterations));
        return (int)Math.Clamp((long)iterations * perIteration, 1, int.MaxValue);
    }
}
