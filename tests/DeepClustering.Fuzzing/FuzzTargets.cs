using DeepClustering.Fuzzing.Targets;

namespace DeepClustering.Fuzzing;

/// <summary>The targets the fuzzer knows, by name.</summary>
public static class FuzzTargets
{
    /// <summary>Every target, in the order a run over all of them takes.</summary>
    public static IReadOnlyList<IFuzzTarget> All(string repositoryRoot) =>
    [
        new IdxFileTarget(repositoryRoot),
        new IdxGzipTarget(repositoryRoot),
        new IdxStreamTarget(repositoryRoot),
        new CsvTarget(repositoryRoot),
        new LabelFileTarget(repositoryRoot),
        new ModelFileTarget(),
    ];
}
