using System.Globalization;
using DeepClustering.Pipeline;
using DeepClustering.Training;
using Spectre.Console;

namespace DeepClustering.Cli;

/// <summary>
/// Shows a fit's progress: Spectre.Console progress bars, one per phase, when the output is an interactive terminal;
/// otherwise one plain line per pretraining epoch, per clustering step and per refresh of the refinement.
/// </summary>
internal static class FitDisplay
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Runs <paramref name="fit"/> with a progress that draws it.</summary>
    public static DeepClusteringModel Run(Func<IProgress<DeepClusteringProgress>, DeepClusteringModel> fit)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return fit(new SynchronousProgress<DeepClusteringProgress>(p =>
            {
                if (p.IsMilestone)
                {
                    Console.WriteLine(Line(p));
                }
            }));
        }

        return AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = new Dictionary<TrainingPhase, ProgressTask>();
                var model = fit(new SynchronousProgress<DeepClusteringProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.Phase, out var task))
                    {
                        foreach (var earlier in tasks.Values)
                        {
                            earlier.Value = earlier.MaxValue;
                            earlier.StopTask();
                        }

                        task = tasks[p.Phase] = context.AddTask(Name(p.Phase), maxValue: 1);
                    }

                    task.Value = p.Fraction;
                    task.Description = Markup.Escape(Line(p));
                }));
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;   // the refinement may stop before its cap: it is done all the same
                    task.StopTask();
                }

                return model;
            });
    }

    /// <summary>One report as text: phase, step of its length (≤ for a cap), loss, labels changed, ACC, time left.</summary>
    internal static string Line(DeepClusteringProgress p)
    {
        string total = p.TotalIsUpperBound ? $"≤{p.TotalSteps}" : p.TotalSteps.ToString(Invariant);
        string text = p.Phase switch
        {
            TrainingPhase.Pretraining => $"pretraining epoch {p.Step}/{total}" +
                (p.Batch < p.BatchesPerStep ? $", batch {p.Batch}/{p.BatchesPerStep}" : "") + $": loss {p.Loss.ToString("G5", Invariant)}",
            TrainingPhase.Clustering => p.Step == 0 ? "clustering the embedding" : "clustered the embedding",
            _ => $"refinement step {p.Step}/{total}: loss {p.Loss.ToString("G5", Invariant)}" +
                (p.LabelsChanged is { } c ? $", labels changed {c.ToString("P2", Invariant)}" : ""),
        };
        if (p.Accuracy is { } acc)
        {
            text += $", ACC {acc.ToString("F4", Invariant)}";
        }

        if (p.Remaining is { } left && left > TimeSpan.Zero)
        {
            text += p.TotalIsUpperBound ? $" (at most {Duration(left)} left)" : $" ({Duration(left)} left)";
        }

        return text;
    }

    private static string Name(TrainingPhase phase) => phase.ToString().ToLowerInvariant();

    private static string Duration(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours} h {t.Minutes} min"
        : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes} min {t.Seconds} s"
        : $"{Math.Max(1, (int)Math.Round(t.TotalSeconds))} s";
}
