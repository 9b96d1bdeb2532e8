using System.Runtime.ExceptionServices;

namespace DeepClustering.Numerics.Threading;

/// <summary>
/// A small pool of dedicated threads owned by one user (a tensor engine backend, a PCA or a neighbour search). A call to <see cref="Run"/> hands
/// out parts to the calling thread and the workers, and returns when every part is done. It allocates nothing,
/// so a training step stays allocation-free. Calls from several threads at once, or from inside a part, run
/// their parts on the calling thread.
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
    private volatile bool _disposed;

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
            ObjectDisposedException.ThrowIf(_disposed, this);
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
            if (_disposed)
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

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
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
