using System.Globalization;
using DeepClustering.Training;

namespace DeepClustering.Samples;

/// <summary>Progress lines for a sample's console: every fifth pretraining epoch, each refinement refresh.</summary>
public static class ConsoleProgress
{
    /// <summary>A progress that prints <paramref name="label"/>'s milestones.</summary>
    public static IProgress<DeepClusteringProgress> For(string label) => new SynchronousProgress<DeepClusteringProgress>(p =>
    {
        bool epochEnd = p.BatchesPerStep > 0 && p.Batch == p.BatchesPerStep;
        bool print = p.Phase switch
        {
            TrainingPhase.Pretraining => epochEnd && (p.Step % 5 == 0 || p.Step == p.TotalSteps),
            TrainingPhase.Clustering => p.Step == p.TotalSteps,
            _ => p.IsRefresh,
        };
        if (print)
        {
            string accuracy = p.Accuracy is { } a ? string.Create(CultureInfo.InvariantCulture, $", ACC {a:0.000}") : string.Empty;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {label}: {p.Phase} {p.Step}/{p.TotalSteps}, loss {p.Loss:G4}{accuracy}, {p.Elapsed.TotalSeconds:0} s"));
        }
    });
}
