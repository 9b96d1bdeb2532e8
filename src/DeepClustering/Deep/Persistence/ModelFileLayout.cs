using System.Security.Cryptography;

namespace DeepClustering.Persistence;

/// <summary>
/// The byte layout of a model file (all integers little-endian; see docs/model-file.md):
/// <code>
/// offset  size  field
///      0     8  magic: 'D' 'C' 'L' 'M' 0x0D 0x0A 0x1A 0x0A
///      8     2  major format version (uint16)
///     10     2  minor format version (uint16)
///     12     8  length of the whole file in bytes, checksum included (uint64)
///     20     4  header length H in bytes (uint32)
///     24     H  header: a JSON object in UTF-8, without a byte-order mark
///              4  tensor count N (uint32)
///              N  tensors, each: name length L (uint32), L bytes of UTF-8 name, rank R (uint32),
///                 R sizes (uint32 each), then the product of the sizes as float32 values in row-major order
///             32  SHA-256 of every byte before it
/// </code>
/// Bytes 0 to 11 (magic and version) keep this meaning in every version, so that any reader can tell which
/// version a file has; everything after them belongs to the major version.
/// </summary>
internal static class ModelFileLayout
{
    /// <summary>
    /// The first bytes of every model file: "DCLM" for DeepClustering model, then CR LF, Ctrl-Z, LF as in PNG's
    /// signature, so that a transfer that rewrites line endings or stops at Ctrl-Z shows up as a wrong magic.
    /// </summary>
    public static ReadOnlySpan<byte> Magic => [(byte)'D', (byte)'C', (byte)'L', (byte)'M', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The magic and the two version numbers: the part every version shares.</summary>
    public const int VersionedPrefixBytes = 12;

    /// <summary>The magic, the version and the file length.</summary>
    public const int PreambleBytes = VersionedPrefixBytes + sizeof(ulong);

    /// <summary>The bytes of the checksum at the end of the file.</summary>
    public const int ChecksumBytes = SHA256.HashSizeInBytes;

    /// <summary>The smallest well-formed file: the preamble, an empty header object "{}", no tensors, the checksum.</summary>
    public const int MinimumFileBytes = PreambleBytes + sizeof(uint) + 2 + sizeof(uint) + ChecksumBytes;

    /// <summary>
    /// The largest file this library writes or reads: the whole content is held in one array while it is checked.
    /// </summary>
    public const long MaximumFileBytes = 0x7FFFFFC7; // Array.MaxLength, as a constant.

    /// <summary>The fewest bytes one tensor takes: a name length, a one-byte name, a rank, one size and one value.</summary>
    public const int MinimumTensorBytes = sizeof(uint) + 1 + sizeof(uint) + sizeof(uint) + sizeof(float);

    /// <summary>The bytes <paramref name="tensor"/> takes in a file.</summary>
    public static long TensorBytes(int nameBytes, NamedTensor tensor) =>
        sizeof(uint) + (long)nameBytes + sizeof(uint) + (long)sizeof(uint) * tensor.Rank + (long)sizeof(float) * tensor.Length;
}
