using System.Collections.Concurrent;
using DeepClustering.Numerics.Threading;

namespace DeepClustering.Numerics.Tests.Threading;

public sealed class TileWorkersTests
{
    [Fact]
    public void Runs_every_piece_once_with_one_state_per_worker()
    {
        var seen = new ConcurrentBag<int>();
        int states = 0, finished = 0;
        TileWorkers.Run(3, 500, () => Interlocked.Increment(ref states), (piece, _) => seen.Add(piece),
            _ => Interlocked.Increment(ref finished), CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 500), seen.Order());
        Assert.InRange(states, 1, 3);
        Assert.Equal(states, finished);
    }

    [Fact]
    public void Cancellation_during_the_run_stops_it()
    {
        using var source = new CancellationTokenSource();
        int ran = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => TileWorkers.Run(2, 10_000, () => 0, (piece, _) =>
        {
            if (Interlocked.Increment(ref ran) == 3)
            {
                source.Cancel();
            }
        }, _ => { }, source.Token));
        Assert.True(ran < 10_000);
    }

    [Fact]
    public void A_workers_exception_reaches_the_caller()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => TileWorkers.Run(2, 100, () => 0, (piece, _) =>
        {
            if (piece == 7)
            {
                throw new InvalidOperationException("piece 7");
            }
        }, _ => { }, CancellationToken.None));
        Assert.Equal("piece 7", ex.Message);
    }
}
