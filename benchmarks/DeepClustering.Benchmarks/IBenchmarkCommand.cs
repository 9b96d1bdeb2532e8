namespace DeepClustering.Benchmarks;

/// <summary>One benchmark command; its result is serialised as one JSON object.</summary>
internal interface IBenchmarkCommand
{
    /// <summary>The command's name on the command line.</summary>
    string Name { get; }

    /// <summary>Runs the benchmark.</summary>
    object Run(BenchmarkArguments arguments);
}
