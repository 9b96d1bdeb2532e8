using DeepClustering.Data;

namespace DeepClustering.Fuzzing.Targets;

/// <summary>
/// <see cref="IdxFile.Read(Stream, string)"/> on a stream that cannot seek, plain or gzip: the reader learns the
/// data's length only by reading it.
/// </summary>
public sealed class IdxStreamTarget(string repositoryRoot) : IFuzzTarget
{
    /// <summary>The source name the reader is given, which every refusal must name.</summary>
    public const string SourceName = "fuzz-input";

    /// <inheritdoc />
    public string Name => "idx-stream";

    /// <inheritdoc />
    public string FileExtension => ".bin";

    /// <inheritdoc />
    public IReadOnlyList<byte[]> Dictionary => Dictionaries.Idx;

    /// <inheritdoc />
    public IReadOnlyList<byte[]> CreateSeeds() => [.. SeedInputs.PlainIdxFiles(repositoryRoot), .. SeedInputs.GzipIdxFiles(repositoryRoot)];

    /// <inheritdoc />
    public byte[] Mutate(byte[] parent, Mutator mutator) => mutator.Mutate(parent);

    /// <inheritdoc />
    public object Read(byte[] input, string scratchPath) => IdxFile.Read(new TrickleStream(input), SourceName);

    /// <inheritdoc />
    public string? CheckAccepted(byte[] input, object result, string scratchPath) =>
        IdxChecks.CheckAccepted(input.AsSpan().StartsWith((byte[])[0x1F, 0x8B]) ? SeedInputs.TryGunzip(input) : input, result);

    /// <inheritdoc />
    public string? CheckRefused(Exception refusal, string scratchPath) => IdxChecks.CheckRefused(refusal, SourceName);
}
