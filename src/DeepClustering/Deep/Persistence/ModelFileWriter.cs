using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DeepClustering.Persistence;

/// <summary>
/// Writes a <see cref="ModelFile"/> in the layout of <see cref="ModelFileLayout"/>, hashing every byte on its way
/// out so that the checksum costs no second pass.
/// </summary>
internal sealed class ModelFileWriter
{
    private const int BufferBytes = 1 << 16;

    private readonly Stream _stream;
    private readonly IncrementalHash _hash;
    private readonly byte[] _buffer = new byte[BufferBytes];
    private int _buffered;

    private ModelFileWriter(Stream stream, IncrementalHash hash)
    {
        _stream = stream;
        _hash = hash;
    }

    /// <summary>Writes the whole file to <paramref name="stream"/>, which is left open.</summary>
    /// <param name="stream">Where to write.</param>
    /// <param name="header">The header object.</param>
    /// <param name="tensors">The tensors, with unique names.</param>
    /// <param name="afterEachTensor">Called after each tensor is written; tests use it to fail part-way.</param>
    /// <exception cref="InvalidOperationException">The model does not fit in the largest file the format allows.</exception>
    public static void Write(Stream stream, JsonObject header, IReadOnlyList<NamedTensor> tensors, Action<NamedTensor>? afterEachTensor)
    {
        byte[] headerBytes = HeaderBytes(header);
        var names = tensors.Select(t => NamedTensor.StrictUtf8.GetBytes(t.Name)).ToArray();
        long length = FileLength(headerBytes.Length, tensors, names);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var writer = new ModelFileWriter(stream, hash);
        writer.WriteBytes(ModelFileLayout.Magic);
        writer.WriteUInt16(ModelFormatVersion.Current.Major);
        writer.WriteUInt16(ModelFormatVersion.Current.Minor);
        writer.WriteUInt64((ulong)length);
        writer.WriteUInt32((uint)headerBytes.Length);
        writer.WriteBytes(headerBytes);
        writer.WriteUInt32((uint)tensors.Count);
        for (int i = 0; i < tensors.Count; i++)
        {
            writer.WriteTensor(names[i], tensors[i]);
            afterEachTensor?.Invoke(tensors[i]);
        }

        writer.Flush();
        Span<byte> checksum = stackalloc byte[ModelFileLayout.ChecksumBytes];
        hash.GetHashAndReset(checksum);
        stream.Write(checksum);
    }

    /// <summary>The header as indented UTF-8 JSON without a byte-order mark, readable with a text viewer.</summary>
    private static byte[] HeaderBytes(JsonObject header)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            header.WriteTo(json);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static long FileLength(int headerBytes, IReadOnlyList<NamedTensor> tensors, byte[][] names)
    {
        long length = ModelFileLayout.PreambleBytes + sizeof(uint) + (long)headerBytes + sizeof(uint) + ModelFileLayout.ChecksumBytes;
        for (int i = 0; i < tensors.Count; i++)
        {
            length += ModelFileLayout.TensorBytes(names[i].Length, tensors[i]);
        }

        if (length > ModelFileLayout.MaximumFileBytes)
        {
            throw new InvalidOperationException(
                $"The model takes {length} bytes, more than the {ModelFileLayout.MaximumFileBytes} a model file may hold.");
        }

        return length;
    }

    private void WriteTensor(byte[] name, NamedTensor tensor)
    {
        WriteUInt32((uint)name.Length);
        WriteBytes(name);
        WriteUInt32((uint)tensor.Rank);
        foreach (int size in tensor.Shape)
        {
            WriteUInt32((uint)size);
        }

        ReadOnlySpan<float> values = tensor.Values;
        while (!values.IsEmpty)
        {
            if (_buffered > BufferBytes - sizeof(float))
            {
                Flush();
            }

            int count = Math.Min(values.Length, (BufferBytes - _buffered) / sizeof(float));
            Span<byte> target = _buffer.AsSpan(_buffered, count * sizeof(float));
            for (int i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(target[(i * sizeof(float))..], values[i]);
            }

            _buffered += target.Length;
            values = values[count..];
        }
    }

    private void WriteUInt16(ushort value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(ushort)];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        WriteBytes(bytes);
    }

    private void WriteUInt32(uint value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(uint)];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        WriteBytes(bytes);
    }

    private void WriteUInt64(ulong value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        WriteBytes(bytes);
    }

    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_buffered == BufferBytes)
            {
                Flush();
            }

            int count = Math.Min(bytes.Length, BufferBytes - _buffered);
            bytes[..count].CopyTo(_buffer.AsSpan(_buffered));
            _buffered += count;
            bytes = bytes[count..];
        }
    }

    private void Flush()
    {
        ReadOnlySpan<byte> pending = _buffer.AsSpan(0, _buffered);
        _hash.AppendData(pending);
        _stream.Write(pending);
        _buffered = 0;
    }
}
