using DeepClustering.Data;

namespace DeepClustering.Fuzzing.Targets;

/// <summary><see cref="LabelFile.Read(string)"/>: one integer label a line.</summary>
public sealed class LabelFileTarget(string repositoryRoot) : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "labels";

    /// <inheritdoc />
    public string FileExtension => ".labels";

    /// <inheritdoc />
    public IReadOnlyList<byte[]> Dictionary => Dictionaries.Labels;

    /// <inheritdoc />
    public IReadOnlyList<byte[]> CreateSeeds() => SeedInputs.LabelFiles(repositoryRoot);

    /// <inheritdoc />
    public byte[] Mutate(byte[] parent, Mutator mutator) => mutator.Mutate(parent);

    /// <inheritdoc />
    public object Read(byte[] input, string scratchPath)
    {
        File.WriteAllBytes(scratchPath, input);
        return LabelFile.Read(scratchPath);
    }

    /// <summary>What was read is at least one label and survives writing and reading back exactly.</summary>
    public string? CheckAccepted(byte[] input, object result, string scratchPath)
    {
        if (result is not int[] labels || labels.Length == 0)
        {
            return $"the reader returned {result.GetType().Name} {(result as int[])?.Length}, not a non-empty int[]";
        }

        string copy = scratchPath + ".rewritten.txt";
        LabelFile.Write(copy, labels);
        return LabelFile.Read(copy).AsSpan().SequenceEqual(labels) ? null : "the labels read do not survive writing and reading them back";
    }

    /// <summary>Label-file refusals are <see cref="InvalidDataException"/>s whose message starts with the file's path.</summary>
    public string? CheckRefused(Exception refusal, string scratchPath) => TextChecks.CheckRefused(refusal, scratchPath);
}
