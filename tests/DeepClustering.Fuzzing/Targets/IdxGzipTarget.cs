using System.IO.Compression;
using DeepClustering.Data;

namespace DeepClustering.Fuzzing.Targets;

/// <summary>
/// <see cref="IdxFile.Read(string)"/> on gzip files, MNIST's shipped format. Most inputs are IDX files mutated and
/// then compressed, so that they reach the IDX parser behind the decompressor; the rest are mutated gzip bytes.
/// </summary>
public sealed class IdxGzipTarget(string repositoryRoot) : IFuzzTarget
{
    private static readonly CompressionLevel[] s_levels =
        [CompressionLevel.Fastest, CompressionLevel.Optimal, CompressionLevel.SmallestSize, CompressionLevel.NoCompression];

    /// <inheritdoc />
    public string Name => "idx-gz";

    /// <inheritdoc />
    public string FileExtension => ".gz";

    /// <inheritdoc />
    public IReadOnlyList<byte[]> Dictionary => Dictionaries.Idx;

    /// <inheritdoc />
    public IReadOnlyList<byte[]> CreateSeeds() => SeedInputs.GzipIdxFiles(repositoryRoot);

    /// <inheritdoc />
    public byte[] Mutate(byte[] parent, Mutator mutator)
    {
        if (mutator.Random.Next(4) != 0 && SeedInputs.TryGunzip(parent) is { } plain)
        {
            return SeedInputs.Gzip(mutator.Mutate(plain), s_levels[mutator.Random.Next(s_levels.Length)]);
        }

        return mutator.Mutate(parent);
    }

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
