using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using DeepClustering.Tensors;

namespace DeepClustering.Persistence;

/// <summary>
/// Reads a model file in the layout of <see cref="ModelFileLayout"/>, trusting nothing it declares: the magic and the
/// version come first, then the declared length is compared with the bytes actually there, the checksum is verified
/// over the whole content, and only then are the fields parsed, each count and size checked against the bytes that
/// remain before anything is allocated for it. Every refusal is an <see cref="InvalidDataException"/> naming the
/// source; nothing is returned until the whole file has been read and checked.
/// </summary>
internal static class ModelFileReader
{
    /// <summary>The first allocation when reading a stream whose length is unknown; it grows as bytes arrive.</summary>
    private const int InitialBufferBytes = 1 << 20;

    /// <summary>Reads a model file from the current position of <paramref name="stream"/> to its end; the stream is left open.</summary>
    public static ModelFile Read(Stream stream, string source)
    {
        Span<byte> preamble = stackalloc byte[ModelFileLayout.PreambleBytes];
        int preambleRead = stream.ReadAtLeast(preamble, preamble.Length, throwOnEndOfStream: false);
        var version = ReadVersionedPrefix(preamble[..preambleRead], source);
        if (preambleRead < ModelFileLayout.PreambleBytes)
        {
            throw Refuse(source, $"is truncated: it ends after {preambleRead} bytes, inside the file length field (bytes 12 to 19).");
        }

        long length = DeclaredLength(preamble, source);
        long? available = stream.CanSeek ? ModelFileLayout.PreambleBytes + stream.Length - stream.Position : null;
        if (available is { } actual && actual != length)
        {
            throw actual < length
                ? Refuse(source, $"is truncated: it declares {length} bytes, but has only {actual}.")
                : Refuse(source, $"has {actual - length} trailing bytes after the {length} bytes it declares.");
        }

        byte[] content = ReadContent(stream, preamble, length, knownLength: available is not null, source);
        VerifyChecksum(content, source);
        return Parse(content, version, source);
    }

    /// <summary>Checks the magic and the version, the part of the layout that every version shares.</summary>
    private static ModelFormatVersion ReadVersionedPrefix(ReadOnlySpan<byte> prefix, string source)
    {
        ReadOnlySpan<byte> magic = ModelFileLayout.Magic;
        if (prefix.IsEmpty)
        {
            throw Refuse(source, $"is empty; a model file starts with the {magic.Length}-byte magic {Hex(magic)}.");
        }

        int compared = Math.Min(prefix.Length, magic.Length);
        if (!prefix[..compared].SequenceEqual(magic[..compared]))
        {
            string hint = prefix.StartsWith(magic[..4])
                ? " It starts with 'DCLM' but not the rest of the magic, as when a transfer in text mode converts line endings."
                : string.Empty;
            throw Refuse(source,
                $"is not a DeepClustering model file: it starts with {Hex(prefix[..compared])}, not the magic {Hex(magic[..compared])}.{hint}");
        }

        if (prefix.Length < ModelFileLayout.VersionedPrefixBytes)
        {
            throw Refuse(source, $"is truncated: it ends after {prefix.Length} bytes, before the end of its format version (byte 12).");
        }

        var version = new ModelFormatVersion(
            BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..]),
            BinaryPrimitives.ReadUInt16LittleEndian(prefix[10..]));
        if (!version.IsReadable)
        {
            throw Refuse(source,
                $"has model-file format version {version}, which this library cannot read: it reads major version " +
                $"{ModelFormatVersion.Current.Major} (it writes version {ModelFormatVersion.Current}). Use a version of " +
                "DeepClustering that reads this format, or save the model again with this one.");
        }

        return version;
    }

    private static long DeclaredLength(ReadOnlySpan<byte> preamble, string source)
    {
        ulong declared = BinaryPrimitives.ReadUInt64LittleEndian(preamble[ModelFileLayout.VersionedPrefixBytes..]);
        if (declared < ModelFileLayout.MinimumFileBytes)
        {
            throw Refuse(source, $"is damaged: it declares a length of {declared} bytes, less than the {ModelFileLayout.MinimumFileBytes} of the smallest model file.");
        }

        if (declared > ModelFileLayout.MaximumFileBytes)
        {
            throw Refuse(source, $"is damaged: it declares a length of {declared} bytes, more than the {ModelFileLayout.MaximumFileBytes} a model file may have.");
        }

        return (long)declared;
    }

    /// <summary>
    /// Reads the declared number of bytes, preamble included. A stream of unknown length gets a buffer that grows
    /// with the bytes that actually arrive, so a damaged length field cannot make it allocate more than about twice
    /// what the stream holds.
    /// </summary>
    private static byte[] ReadContent(Stream stream, ReadOnlySpan<byte> preamble, long length, bool knownLength, string source)
    {
        var content = new byte[knownLength ? length : Math.Min(length, InitialBufferBytes)];
        preamble.CopyTo(content);
        int filled = preamble.Length;
        while (filled < length)
        {
            if (filled == content.Length)
            {
                Array.Resize(ref content, (int)Math.Min(length, 2L * content.Length));
            }

            int read = stream.Read(content, filled, content.Length - filled);
            if (read == 0)
            {
                throw Refuse(source, $"is truncated: it declares {length} bytes, but has only {filled}.");
            }

            filled += read;
        }

        if (!knownLength && stream.ReadByte() >= 0)
        {
            throw Refuse(source, $"has trailing bytes after the {length} bytes it declares.");
        }

        return content;
    }

    private static void VerifyChecksum(byte[] content, string source)
    {
        int hashedLength = content.Length - ModelFileLayout.ChecksumBytes;
        Span<byte> computed = stackalloc byte[ModelFileLayout.ChecksumBytes];
        SHA256.HashData(content.AsSpan(0, hashedLength), computed);
        if (!CryptographicOperations.FixedTimeEquals(computed, content.AsSpan(hashedLength)))
        {
            throw Refuse(source,
                $"is damaged: the SHA-256 checksum of its first {hashedLength} bytes does not match the one stored in its " +
                $"last {ModelFileLayout.ChecksumBytes} bytes, so some bytes changed after it was written.");
        }
    }

    /// <summary>Parses the fields between the preamble and the checksum.</summary>
    private static ModelFile Parse(byte[] content, ModelFormatVersion version, string source)
    {
        var fields = new FieldCursor(
            content.AsSpan(ModelFileLayout.PreambleBytes, content.Length - ModelFileLayout.PreambleBytes - ModelFileLayout.ChecksumBytes),
            ModelFileLayout.PreambleBytes, source);
        uint headerLength = fields.ReadUInt32("the header length");
        ReadOnlySpan<byte> headerBytes = fields.ReadBytes(headerLength, "the header");
        uint count = fields.ReadUInt32("the tensor count");
        if (count > fields.Remaining / ModelFileLayout.MinimumTensorBytes)
        {
            throw Refuse(source,
                $"is damaged: it declares {count} tensors, but the {fields.Remaining} bytes left before the checksum hold at most " +
                $"{fields.Remaining / ModelFileLayout.MinimumTensorBytes} (a tensor takes at least {ModelFileLayout.MinimumTensorBytes} bytes).");
        }

        var tensors = new List<NamedTensor>((int)count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            var tensor = ReadTensor(ref fields, i, source);
            if (!names.Add(tensor.Name))
            {
                throw Refuse(source, $"is damaged: it holds two tensors named '{tensor.Name}'.");
            }

            tensors.Add(tensor);
        }

        if (fields.Remaining != 0)
        {
            throw Refuse(source,
                $"is damaged: {fields.Remaining} bytes between its last tensor and its checksum belong to no field.");
        }

        return new ModelFile(ParseHeader(headerBytes, source), tensors, version, source);
    }

    private static NamedTensor ReadTensor(ref FieldCursor fields, int index, string source)
    {
        string what = $"tensor #{index}";
        uint nameLength = fields.ReadUInt32($"the name length of {what}");
        if (nameLength > NamedTensor.MaxNameBytes)
        {
            throw Refuse(source, $"is damaged: {what} declares a name of {nameLength} bytes, more than the {NamedTensor.MaxNameBytes} allowed.");
        }

        ReadOnlySpan<byte> nameBytes = fields.ReadBytes(nameLength, $"the name of {what}");
        string name;
        try
        {
            name = NamedTensor.StrictUtf8.GetString(nameBytes);
        }
        catch (DecoderFallbackException)
        {
            throw Refuse(source, $"is damaged: the name of {what} is not valid UTF-8.");
        }

        if (NamedTensor.ProblemWithName(name) is { } nameProblem)
        {
            throw Refuse(source, $"is damaged: the name of {what} {nameProblem}.");
        }

        what = $"tensor '{name}'";
        uint rank = fields.ReadUInt32($"the rank of {what}");
        if (rank is 0 or > NamedTensor.MaxRank)
        {
            throw Refuse(source, $"is damaged: {what} declares {rank} dimensions; a tensor has between 1 and {NamedTensor.MaxRank}.");
        }

        var shape = new int[rank];
        long elements = 1;
        for (int d = 0; d < shape.Length; d++)
        {
            uint size = fields.ReadUInt32($"the shape of {what}");
            if (size is 0 or > int.MaxValue)
            {
                throw Refuse(source, $"is damaged: {what} declares size {size} for dimension {d}; sizes are between 1 and {int.MaxValue}.");
            }

            shape[d] = (int)size;
            elements *= size; // Stays below 2^63: before this step it was at most the remaining bytes / 4, below 2^29.
            if (elements > fields.Remaining / sizeof(float))
            {
                string declared = d == shape.Length - 1 ? TensorShape.Format(shape) : $"{TensorShape.Format(shape.AsSpan(0, d + 1))[..^1]}, …]";
                throw Refuse(source,
                    $"is damaged: {what} declares shape {declared} of at least {elements} values ({elements * sizeof(float)} bytes), " +
                    $"but only {fields.Remaining} bytes are left before the checksum.");
            }
        }

        var values = new float[elements];
        ReadOnlySpan<byte> bytes = fields.ReadBytes((uint)(elements * sizeof(float)), $"the values of {what}");
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        }

        return NamedTensor.Adopt(name, shape, values);
    }

    private static JsonObject ParseHeader(ReadOnlySpan<byte> bytes, string source)
    {
        // The JSON parser checks the UTF-8 of strings only when they are read, so a bad byte inside a string would
        // otherwise load and fail later, wherever the string is used.
        if (!Utf8.IsValid(bytes))
        {
            throw Refuse(source, $"is damaged: its header is not valid UTF-8 (the byte at offset {FirstInvalidUtf8(bytes)} of the header).");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{source}' is damaged: its header is not valid JSON ({e.Message}).", e);
        }

        return node as JsonObject ?? throw Refuse(source,
            $"is damaged: its header is {(node is null ? "null" : $"a JSON {node.GetValueKind()}")}, not a JSON object.");
    }

    /// <summary>The offset of the first byte that is not part of valid UTF-8 in <paramref name="bytes"/>.</summary>
    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[256];
        int offset = 0;
        while (offset < bytes.Length)
        {
            var status = Utf8.ToUtf16(bytes[offset..], chars, out int read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            offset += read;
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                return offset;
            }

            if (status == System.Buffers.OperationStatus.Done)
            {
                break;
            }
        }

        return offset;
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => string.Join(' ', bytes.ToArray().Select(b => b.ToString("X2")));

    private static InvalidDataException Refuse(string source, string problem) => new($"'{source}' {problem}");

    /// <summary>Reads the fields one after the other, refusing any that would run past the checksum.</summary>
    private ref struct FieldCursor(ReadOnlySpan<byte> fields, int offset, string source)
    {
        private readonly ReadOnlySpan<byte> _fields = fields;
        private int _position;

        /// <summary>The bytes left before the checksum.</summary>
        public readonly int Remaining => _fields.Length - _position;

        public uint ReadUInt32(string field) => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(sizeof(uint), field));

        public ReadOnlySpan<byte> ReadBytes(uint count, string field)
        {
            if (count > (uint)Remaining)
            {
                throw Refuse(source,
                    $"is damaged: {field} at byte {offset + _position} needs {count} bytes, but only {Remaining} are left before the checksum.");
            }

            var bytes = _fields.Slice(_position, (int)count);
            _position += (int)count;
            return bytes;
        }
    }
}
