using System.Runtime.ExceptionServices;

namespace DeepClustering.Numerics.Threading;

/// <summary>
/// A small pool of dedicated threads owned by one user (a tensor engine backend, a PCA or a neighbour search). A call to <see cref="Run"/> hands
/// out parts to the calling thread and the workers, and returns when every part is done. It allocates nothing,
/// so a training step stays allocation-free. Calls from several threads at once, or from inside a part, run
/// their parts on the calling thread. <see cref="Dispose"/> waits for a call in flight to finish; every call after it
/// throws <see cref="ObjectDisposedException"/>.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    private readonly Thread[] _threads;
    private readonly SemaphoreSlim[] _wake;
    private IParallelWork? _work;
    private int _partCount;
    private int _nextPart;
    private int _activeWorkers;
    private int _busy;
    private Exception? _error;
    private volatile bool _disposed;   // set first by Dispose: no new call starts
    private volatile bool _stopping;   // set once no call is in flight: the workers exit
    private int _disposeStarted;

    public WorkerPool(int threadCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threadCount);
        ThreadCount = threadCount;
        _threads = new Thread[threadCount - 1];
        _wake = new SemaphoreSlim[threadCount - 1];
        for (int i = 0; i < _threads.Length; i++)
        {
            _wake[i] = new SemaphoreSlim(0);
            int index = i;
            _threads[i] = new Thread(() => WorkerLoop(index))
            {
                IsBackground = true,
                Name = $"DeepClustering CPU worker {i + 1}",
            };
            _threads[i].Start();
        }
    }

    /// <summary>Threads that run parts, the calling thread included.</summary>
    public int ThreadCount { get; }

    public void Run(IParallelWork work, int partCount)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (partCount <= 0)
        {
            return;
        }

        if (partCount == 1 || _threads.Length == 0 || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            for (int part = 0; part < partCount; part++)
            {
                work.Execute(part);
            }

            return;
        }

        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);   // Dispose began between the check above and taking the pool
            int helpers = Math.Min(_threads.Length, partCount - 1);
            _error = null;
            _partCount = partCount;
            _nextPart = 0;
            _activeWorkers = helpers;
            Volatile.Write(ref _work, work);
            for (int i = 0; i < helpers; i++)
            {
                _wake[i].Release();
            }

            DrainParts(work);
            var spin = default(SpinWait);
            while (Volatile.Read(ref _activeWorkers) != 0)
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }

            _work = null;
            if (_error is { } error)
            {
                ExceptionDispatchInfo.Capture(error).Throw();
            }
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    private void DrainParts(IParallelWork work)
    {
        int part;
        while ((part = Interlocked.Increment(ref _nextPart) - 1) < _partCount)
        {
            try
            {
                work.Execute(part);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _error, e, null);
            }
        }
    }

    private void WorkerLoop(int index)
    {
        while (true)
        {
            _wake[index].Wait();

            // Only Dispose wakes a worker while no call is in flight; a wake from Run is always served and counted, so
            // that Run's wait for the workers ends even when Dispose is called meanwhile.
            if (_stopping)
            {
                return;
            }

            if (Volatile.Read(ref _work) is { } work)
            {
                DrainParts(work);
            }

            Interlocked.Decrement(ref _activeWorkers);
        }
    }

    /// <summary>Waits for a call in flight to finish, then stops the workers; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposeStarted, 1) != 0)
        {
            return;
        }

        _disposed = true;

        // Take the pool for good: a call in flight finishes first (its workers are woken and counted), and none can
        // start its parallel phase afterwards.
        var spin = default(SpinWait);
        while (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            spin.SpinOnce();
        }

        _stopping = true;
        foreach (var wake in _wake)
        {
            wake.Release();
        }

        foreach (var thread in _threads)
        {
            thread.Join();
        }

        foreach (var wake in _wake)
        {
            wake.Dispose();
        }
    }
}
