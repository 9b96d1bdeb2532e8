using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DeepClustering.Persistence;

namespace DeepClustering.Tests.Persistence;

/// <summary>Small model files and the byte surgery the damage tests do on them.</summary>
internal static class ModelFileSamples
{
    /// <summary>Offset of the file length (uint64) in every version-1 file.</summary>
    public const int LengthOffset = 12;

    /// <summary>Offset of the header length (uint32).</summary>
    public const int HeaderLengthOffset = 20;

    /// <summary>A header with nested objects, arrays, strings with non-ASCII text and numbers.</summary>
    public static JsonObject Header() => new()
    {
        ["kind"] = "dec",
        ["options"] = new JsonObject { ["clusters"] = 10, ["alpha"] = 1.0, ["tolerance"] = 0.001, ["seed"] = 42 },
        ["preprocessing"] = new JsonObject { ["scale"] = 1.0 / 255.0, ["inputShape"] = new JsonArray(1, 28, 28) },
        ["names"] = new JsonArray("zero", "ünïcødé", "数字"),
        ["created"] = new JsonObject { ["library"] = "DeepClustering 0.1.0", ["utc"] = "2025-01-02T03:04:05Z" },
    };

    /// <summary>A few tensors of ranks 1 to 4, with values that catch any conversion: NaN payloads, −0, infinities, subnormals.</summary>
    public static NamedTensor[] Tensors() =>
    [
        new("centres", [1.5f, -2.25f, 3e-38f, 1e-45f, float.MaxValue, float.MinValue], 2, 3),
        new("special", [float.NaN, BitConverter.Int32BitsToSingle(0x7FC12345), BitConverter.Int32BitsToSingle(unchecked((int)0xFFBADBAD)),
            -0f, float.PositiveInfinity, float.NegativeInfinity], 6),
        new("network.encoder.0.weight", Enumerable.Range(0, 24).Select(i => MathF.Sin(i) * 1e3f).ToArray(), 2, 3, 2, 2),
        new("s", [42f], 1),
    ];

    /// <summary>The sample header and tensors.</summary>
    public static ModelFile File() => new(Header(), Tensors());

    /// <summary>A file small enough to damage at every byte: a short header and two tiny tensors.</summary>
    public static byte[] SmallFileBytes() =>
        Bytes(new ModelFile(new JsonObject { ["kind"] = "test" }, [new NamedTensor("a", [1f, 2f], 2), new NamedTensor("b.c", [3f], 1, 1)]));

    /// <summary>The bytes of <paramref name="file"/> as written to a stream.</summary>
    public static byte[] Bytes(ModelFile file)
    {
        using var stream = new MemoryStream();
        file.Write(stream);
        return stream.ToArray();
    }

    /// <summary>The offset of the tensor count, just after the header.</summary>
    public static int TensorCountOffset(byte[] bytes) =>
        HeaderLengthOffset + sizeof(uint) + (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(HeaderLengthOffset));

    /// <summary>The offset of the first tensor's rank, just after its name.</summary>
    public static int FirstRankOffset(byte[] bytes)
    {
        int nameLengthOffset = TensorCountOffset(bytes) + sizeof(uint);
        return nameLengthOffset + sizeof(uint) + (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(nameLengthOffset));
    }

    public static void WriteUInt32(byte[] bytes, int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), value);

    public static void WriteUInt64(byte[] bytes, int offset, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(offset), value);

    /// <summary>
    /// Makes the checksum and the length field match the (edited) content again, as a writer with a bug, or someone
    /// editing the file on purpose, would: the reader's structural checks must then catch what the checksum cannot.
    /// </summary>
    public static byte[] Reseal(byte[] bytes)
    {
        WriteUInt64(bytes, LengthOffset, (ulong)bytes.Length);
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32), bytes.AsSpan(bytes.Length - 32));
        return bytes;
    }

    /// <summary>
    /// Replaces the bytes [<paramref name="start"/>, <paramref name="end"/>) of the fields with <paramref name="replacement"/>
    /// and reseals the file, so that lengths can change.
    /// </summary>
    public static byte[] Splice(byte[] bytes, int start, int end, ReadOnlySpan<byte> replacement) =>
        Reseal([.. bytes.AsSpan(0, start), .. replacement, .. bytes.AsSpan(end)]);
}
