using System.Diagnostics;
using DeepClustering.Training;

namespace DeepClustering.Pipeline;

/// <summary>
/// Stamps each report of a fit with its phase's elapsed time and an estimate of the time left (the pace so far times
/// the fraction still to go), then passes it on. The clock restarts when the phase changes.
/// </summary>
internal sealed class TimedProgress(IProgress<DeepClusteringProgress> inner) : IProgress<DeepClusteringProgress>
{
    private readonly Stopwatch _clock = new();
    private TrainingPhase? _phase;

    public void Report(DeepClusteringProgress value)
    {
        if (_phase != value.Phase)
        {
            _phase = value.Phase;
            _clock.Restart();
        }

        var elapsed = _clock.Elapsed;
        double done = value.Fraction;
        TimeSpan? remaining = done > 0 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - done) / done) : null;
        inner.Report(value with { Elapsed = elapsed, Remaining = remaining });
    }
}
