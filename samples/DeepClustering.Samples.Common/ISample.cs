namespace DeepClustering.Samples;

/// <summary>A seed-document sample: named experiments, each run on its own, and a summary of all those stored.</summary>
public interface ISample
{
    /// <summary>Runs one experiment and stores its runs (<see cref="SampleResults"/>).</summary>
    void Run(string experiment);

    /// <summary>Rebuilds report.md and the summary figures from every run stored in the output folder.</summary>
    void Summarise();
}
