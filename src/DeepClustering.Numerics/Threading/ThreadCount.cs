namespace DeepClustering.Numerics.Threading;

/// <summary>The one rule for the <c>Threads</c> option of every component: 0 means one thread per logical processor.</summary>
internal static class ThreadCount
{
    /// <summary>
    /// The number of threads that <paramref name="threads"/> asks for; a negative count is refused, naming
    /// <paramref name="argumentName"/>.
    /// </summary>
    public static int Resolve(int threads, string argumentName = "Threads")
    {
        if (threads < 0)
        {
            throw new ArgumentOutOfRangeException(argumentName, threads, "The thread count must be 0 (one per logical processor) or positive.");
        }

        return threads == 0 ? Environment.ProcessorCount : threads;
    }
}
