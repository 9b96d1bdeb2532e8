using System.Reflection;
using DeepClustering.Numerics.Threading;

namespace DeepClustering.Numerics.Tests.Threading;

public sealed class WorkerPoolTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 50)]
    [InlineData(2, 2)]
    [InlineData(2, 97)]
    [InlineData(4, 3)]
    [InlineData(4, 1000)]
    public void Run_executes_every_part_exactly_once(int threads, int parts)
    {
        using var pool = new WorkerPool(threads);
        var work = new CountingWork(parts);

        // Repeated runs on one pool: each must start from a clean state.
        for (int run = 1; run <= 20; run++)
        {
            pool.Run(work, parts);
            Assert.All(work.Counts, count => Assert.Equal(run, count));
        }
    }

    [Fact]
    public void Run_with_no_parts_does_nothing()
    {
        using var pool = new WorkerPool(2);
        var work = new CountingWork(1);

        pool.Run(work, 0);

        Assert.Equal(0, work.Counts[0]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void An_exception_in_a_part_reaches_the_caller_and_the_pool_still_works(int threads)
    {
        using var pool = new WorkerPool(threads);

        // Every part throws, so whichever thread runs a part, its exception is the one reported.
        var error = Assert.Throws<InvalidOperationException>(() => pool.Run(new ThrowingWork(_ => true), 8));
        Assert.StartsWith("Part ", error.Message, StringComparison.Ordinal);

        // Only the last of many parts throws: the others still run and the error still arrives.
        var selective = new ThrowingWork(part => part == 63);
        error = Assert.Throws<InvalidOperationException>(() => pool.Run(selective, 64));
        Assert.Equal("Part 63 failed.", error.Message);
        Assert.Equal(63, selective.Completed);

        var work = new CountingWork(16);
        pool.Run(work, 16);
        Assert.All(work.Counts, count => Assert.Equal(1, count));
    }

    [Fact]
    public void Run_called_from_inside_a_part_runs_the_inner_parts()
    {
        using var pool = new WorkerPool(2);
        var inner = new CountingWork(5);
        var outer = new NestedWork(pool, inner, 5);

        pool.Run(outer, 4);

        Assert.All(inner.Counts, count => Assert.Equal(4, count));
        Assert.Equal(4, outer.Completed);
    }

    [Fact]
    public void Concurrent_callers_each_get_all_their_parts_run()
    {
        // One caller gets the workers; the other, finding the pool busy, runs its parts itself.
        using var pool = new WorkerPool(2);
        var works = new[] { new CountingWork(7), new CountingWork(7) };
        using var start = new Barrier(2);
        var callers = works.Select(work => new Thread(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < 300; i++)
            {
                pool.Run(work, 7);
            }
        })).ToArray();

        foreach (var thread in callers)
        {
            thread.Start();
        }

        foreach (var thread in callers)
        {
            thread.Join();
        }

        Assert.All(works, work => Assert.All(work.Counts, count => Assert.Equal(300, count)));
    }

    [Fact]
    public void Dispose_stops_the_threads_and_later_parallel_runs_are_refused()
    {
        var pool = new WorkerPool(3);
        var threads = (Thread[])typeof(WorkerPool).GetField("_threads", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(pool)!;
        Assert.Equal(2, threads.Length);
        pool.Run(new CountingWork(8), 8);
        Assert.All(threads, t => Assert.True(t.IsAlive));

        pool.Dispose();

        Assert.All(threads, t => Assert.False(t.IsAlive));
        Assert.Throws<ObjectDisposedException>(() => pool.Run(new CountingWork(8), 8));
        pool.Dispose(); // a second Dispose is harmless
    }

    [Fact]
    public void After_dispose_every_run_is_refused_even_one_that_would_run_inline()
    {
        var pool = new WorkerPool(2);
        pool.Dispose();

        Assert.Throws<ObjectDisposedException>(() => pool.Run(new CountingWork(1), 1));
        Assert.Throws<ObjectDisposedException>(() => pool.Run(new CountingWork(1), 0));
        using var single = new WorkerPool(1);
        single.Dispose();
        Assert.Throws<ObjectDisposedException>(() => single.Run(new CountingWork(4), 4));
    }

    [Fact]
    public void Dispose_while_another_thread_runs_never_hangs_it_a_thousand_times()
    {
        for (int trial = 0; trial < 1000; trial++)
        {
            var pool = new WorkerPool(2 + trial % 3);
            var work = new CountingWork(64);
            using var started = new ManualResetEventSlim();
            Exception? failure = null;
            int completed = 0;
            var runner = new Thread(() =>
            {
                try
                {
                    started.Set();
                    while (true)
                    {
                        pool.Run(work, 64);
                        completed++;
                    }
                }
                catch (ObjectDisposedException)
                {
                    // The contract: a call after Dispose is refused; one in flight completes.
                }
                catch (Exception e)
                {
                    failure = e;
                }
            });
            runner.Start();
            started.Wait();
            Thread.SpinWait(trial % 7 * 500);
            pool.Dispose();

            Assert.True(runner.Join(TimeSpan.FromSeconds(10)), $"trial {trial}: the running thread hung after Dispose");
            Assert.Null(failure);
            // Every part of every completed run ran exactly once per run: none was lost to the disposal.
            Assert.All(work.Counts, count => Assert.InRange(count, completed, completed + 1));
        }
    }

    [Fact]
    public void A_pool_needs_at_least_one_thread()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new WorkerPool(0));
        Assert.Equal("threadCount", error.ParamName);
    }

    private sealed class CountingWork(int parts) : IParallelWork
    {
        public int[] Counts { get; } = new int[parts];

        public void Execute(int part) => Interlocked.Increment(ref Counts[part]);
    }

    private sealed class ThrowingWork(Func<int, bool> fails) : IParallelWork
    {
        private int _completed;

        public int Completed => Volatile.Read(ref _completed);

        public void Execute(int part)
        {
            if (fails(part))
            {
                throw new InvalidOperationException($"Part {part} failed.");
            }

            Interlocked.Increment(ref _completed);
        }
    }

    private sealed class NestedWork(WorkerPool pool, CountingWork inner, int innerParts) : IParallelWork
    {
        private int _completed;

        public int Completed => Volatile.Read(ref _completed);

        public void Execute(int part)
        {
            pool.Run(inner, innerParts);
            Interlocked.Increment(ref _completed);
        }
    }
}
