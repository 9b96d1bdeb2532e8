using System.Runtime.ExceptionServices;

namespace DeepClustering.Numerics.Threading;

/// <summary>
/// Runs numbered pieces of work on a fixed number of workers, each with one state of its own for its whole life
/// (Parallel.For may start fresh replicas, and so fresh states, every few hundred milliseconds; the silhouette's
/// states are large tables). The calling thread is one of the workers.
/// </summary>
internal static class TileWorkers
{
    /// <summary>
    /// Calls <paramref name="body"/> for 0 … <paramref name="count"/> − 1, each once, on up to
    /// <paramref name="workers"/> threads; each worker makes its state with <paramref name="create"/> and hands it to
    /// <paramref name="finish"/> when no work is left. The first exception stops the other workers and is rethrown.
    /// </summary>
    public static void Run<TState>(int workers, int count, Func<TState> create, Action<int, TState> body, Action<TState> finish,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int next = -1;
        void Work()
        {
            var state = create();
            int piece;
            while ((piece = Interlocked.Increment(ref next)) < count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body(piece, state);
            }

            finish(state);
        }

        workers = Math.Clamp(workers, 1, Math.Max(1, count));
        var helpers = new Task[workers - 1];
        for (int i = 0; i < helpers.Length; i++)
        {
            helpers[i] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        Exception? error = null;
        try
        {
            Work();
        }
        catch (Exception e)
        {
            error = e;
            Interlocked.Exchange(ref next, count);
        }

        foreach (var helper in helpers)
        {
            try
            {
                helper.Wait(CancellationToken.None);
            }
            catch (AggregateException e)
            {
                Interlocked.Exchange(ref next, count);
                error ??= e.InnerExceptions[0];
            }
        }

        if (error is not null)
        {
            ExceptionDispatchInfo.Capture(error).Throw();
        }
    }
}
