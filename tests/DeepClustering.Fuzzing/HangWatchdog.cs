using System.Diagnostics;

namespace DeepClustering.Fuzzing;

/// <summary>
/// Watches the input being read from another thread: one that runs past <see cref="FuzzBounds.HangSeconds"/> cannot be
/// interrupted, so it is saved to the corpus as a <c>hang</c> finding and the process exits with code 3.
/// </summary>
public sealed class HangWatchdog : IDisposable
{
    /// <summary>The exit code of a run stopped by a hang.</summary>
    public const int HangExitCode = 3;

    private readonly Corpus _corpus;
    private readonly double _hangSeconds;
    private readonly int _seed;
    private readonly Thread _thread;
    private readonly Lock _lock = new();
    private volatile bool _disposed;
    private IFuzzTarget? _target;
    private byte[]? _input;
    private long _startedAt;

    /// <summary>Starts watching; <paramref name="seed"/> is written in the note of a hang.</summary>
    public HangWatchdog(Corpus corpus, double hangSeconds, int seed)
    {
        _corpus = corpus;
        _hangSeconds = hangSeconds;
        _seed = seed;
        _thread = new Thread(Watch) { IsBackground = true, Name = "hang watchdog" };
        _thread.Start();
    }

    /// <summary>Marks the start of reading <paramref name="input"/>.</summary>
    public void Begin(IFuzzTarget target, byte[] input)
    {
        lock (_lock)
        {
            (_target, _input, _startedAt) = (target, input, Stopwatch.GetTimestamp());
        }
    }

    /// <summary>Marks the end of the read begun last.</summary>
    public void End()
    {
        lock (_lock)
        {
            (_target, _input) = (null, null);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _thread.Join();
    }

    private void Watch()
    {
        while (!_disposed)
        {
            Thread.Sleep(200);
            lock (_lock)
            {
                if (_target is not null && _input is not null && Stopwatch.GetElapsedTime(_startedAt).TotalSeconds > _hangSeconds)
                {
                    string path = _corpus.Save(_target, _input, "hang", $"still reading after {_hangSeconds} s", _seed);
                    Console.Error.WriteLine($"HANG: {_target.Name} input still reading after {_hangSeconds} s, saved to {path}");
                    Environment.Exit(HangExitCode);
                }
            }
        }
    }
}
