using DeepClustering.Data;

namespace DeepClustering.Fuzzing.Targets;

/// <summary><see cref="IdxFile.Read(string)"/> on plain IDX files, which a seekable file checks against its length.</summary>
public sealed class IdxFileTarget(string repositoryRoot) : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "idx";

    /// <inheritdoc />
    public string FileExtension => ".idx";

    /// <inheritdoc />
    public IReadOnlyList<byte[]> Dictionary => Dictionaries.Idx;

    /// <inheritdoc />
    public IReadOnlyList<byte[]> CreateSeeds() => SeedInputs.PlainIdxFiles(repositoryRoot);

    /// <inheritdoc />
    public byte[] Mutate(byte[] parent, Mutator mutator) => mutator.Mutate(parent);

    /// <inheritdoc />
    public object Read(byte[] input, string scratchPath)
    {
        File.WriteAllBytes(scratchPath, input);
        return IdxFile.Read(scratchPath);
    }

    /// <inheritdoc />
    public string? CheckAccepted(byte[] input, object result, string scratchPath) =>
        IdxChecks.CheckAccepted(input.AsSpan().StartsWith((byte[])[0x1F, 0x8B]) ? SeedInputs.TryGunzip(input) : input, result);

    /// <inheritdoc />
    public string? CheckRefused(Exception refusal, string scratchPath) => IdxChecks.CheckRefused(refusal, scratchPath);
}
