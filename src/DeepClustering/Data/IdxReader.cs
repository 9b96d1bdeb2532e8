using System.Buffers.Binary;
using System.IO.Compression;
using DeepClustering.Tensors;

namespace DeepClustering.Data;

/// <summary>
/// Parses IDX data, plain or gzip-compressed, refusing anything that is not exactly one well-formed IDX array:
/// every refusal is an <see cref="InvalidDataException"/> that names the source and what is wrong.
/// </summary>
/// <remarks>
/// Memory grows with the bytes actually read, never with a declared size alone: a plain stream that can seek is
/// checked against its length before the array is allocated; gzip data and streams that cannot seek fill a buffer
/// that doubles as the data arrives, up to the declared size. Trailing bytes are counted up to
/// <see cref="TrailingBytesCounted"/>, so a small gzip file that expands to gigabytes is refused quickly.
/// </remarks>
internal sealed class IdxReader
{
    private const int ChunkBytes = 1 << 20;
    private const int MagicBytes = 4;

    /// <summary>The buffer a stream of unknown length starts with; it doubles as data arrives.</summary>
    private const int InitialBufferBytes = 1 << 16;

    /// <summary>Trailing bytes beyond this many are not counted: the message says "more than".</summary>
    private const int TrailingBytesCounted = 1 << 20;

    private readonly Stream _stream;
    private readonly string _source;
    private readonly bool _gzip;
    private readonly DataReadLimits _limits;

    private IdxReader(Stream stream, string source, bool gzip, DataReadLimits limits)
    {
        _stream = stream;
        _source = source;
        _gzip = gzip;
        _limits = limits;
    }

    /// <summary>
    /// Reads one IDX array from the current position of <paramref name="stream"/> to its end. The stream is left open.
    /// </summary>
    /// <param name="stream">The bytes, plain IDX or gzip (recognised by its magic bytes 1F 8B).</param>
    /// <param name="source">The file name or description used in error messages.</param>
    /// <param name="limits">The most the data may hold.</param>
    public static IdxArray Read(Stream stream, string source, DataReadLimits limits)
    {
        var prefix = new byte[2];
        int prefixLength = stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        bool gzip = prefixLength == 2 && prefix[0] == 0x1F && prefix[1] == 0x8B;
        var replay = new PrefixReplayStream(prefix[..prefixLength], stream);
        if (!gzip)
        {
            long? length = stream.CanSeek ? prefixLength + stream.Length - stream.Position : null;
            return new IdxReader(replay, source, gzip: false, limits).ReadArray(length);
        }

        var compressed = new TailRecordingStream(replay);
        IdxArray array;
        using (var decompressed = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true))
        {
            array = new IdxReader(decompressed, source, gzip: true, limits).ReadArray(knownLength: null);
        }

        RequireGzipEndsWithItsData(compressed, array, source);
        return array;
    }

    /// <summary>
    /// Refuses bytes after the gzip data, which the decompressor skips silently: a gzip file ends with the
    /// uncompressed size modulo 2^32, so its last four bytes must match what was decompressed.
    /// </summary>
    private static void RequireGzipEndsWithItsData(TailRecordingStream compressed, IdxArray array, string source)
    {
        compressed.ReadToEnd();
        long decompressedBytes = MagicBytes + 4L * array.Rank + (long)array.Length * IdxElementTypes.SizeInBytes(array.ElementType);
        uint declared = BinaryPrimitives.ReadUInt32LittleEndian(compressed.LastFourBytes);
        if (declared != (uint)decompressedBytes)
        {
            throw new InvalidDataException(
                $"'{source}' (gzip) does not end where its gzip data ends: its last 4 bytes declare {declared} " +
                $"uncompressed bytes (modulo 2^32), but it decompressed to {decompressedBytes}. Bytes were appended " +
                "to it, or it holds several gzip members, which this reader does not accept.");
        }
    }

    private IdxArray ReadArray(long? knownLength)
    {
        Span<byte> magic = stackalloc byte[MagicBytes];
        int magicRead = ReadUpTo(magic);
        if (magicRead == 0)
        {
            throw Refuse("is empty; an IDX file starts with a 4-byte magic number.");
        }

        if (magicRead < MagicBytes)
        {
            throw Refuse($"is truncated: it ends after {magicRead} of the {MagicBytes} bytes of the magic number.");
        }

        if (magic[0] != 0 || magic[1] != 0)
        {
            throw Refuse($"is not an IDX file: its magic number starts with 0x{magic[0]:X2} 0x{magic[1]:X2}, not 0x00 0x00.");
        }

        if (!IdxElementTypes.IsSupported(magic[2]))
        {
            throw Refuse($"has unsupported element type 0x{magic[2]:X2} in its magic number; " +
                $"the supported types are {IdxElementTypes.SupportedList}.");
        }

        var elementType = (IdxElementType)magic[2];
        int rank = magic[3];
        if (rank == 0)
        {
            throw Refuse("declares 0 dimensions in its magic number; an IDX file has at least one.");
        }

        int[] shape = ReadShape(rank);
        long headerBytes = MagicBytes + 4L * rank;
        long count = 1;
        foreach (int size in shape)
        {
            count *= size;
            if (count > Array.MaxLength)
            {
                throw Refuse($"declares shape {TensorShape.Format(shape)}, more elements than one array can hold.");
            }
        }

        if (count > _limits.MaxValueCount)
        {
            throw Refuse($"declares shape {TensorShape.Format(shape)}, {count} elements, more than the limit of " +
                $"{_limits.MaxValueCount} ({nameof(DataReadLimits)}.{nameof(DataReadLimits.MaxValueCount)}).");
        }

        long dataBytes = count * IdxElementTypes.SizeInBytes(elementType);
        string needs = $"its shape {TensorShape.Format(shape)} of {IdxElementTypes.Describe(elementType)} needs {dataBytes} data bytes";
        Array values;
        if (knownLength is long length)
        {
            long available = length - headerBytes;
            if (available < dataBytes)
            {
                throw Refuse($"is truncated: {needs}, but only {available} follow the header.");
            }

            if (available > dataBytes)
            {
                throw Refuse($"has {available - dataBytes} trailing bytes: {needs}, but {available} follow the header.");
            }

            values = IdxElementTypes.Allocate(elementType, (int)count);
            FillFrom(values, 0, dataBytes, elementType, needs);
        }
        else
        {
            values = ReadGrowing(elementType, (int)count, needs);
        }

        long trailing = CountRemainingBytes();
        if (trailing > TrailingBytesCounted)
        {
            throw Refuse($"has more than {TrailingBytesCounted} trailing bytes: {needs}, but more than " +
                $"{dataBytes + TrailingBytesCounted} follow the header.");
        }

        if (trailing > 0)
        {
            throw Refuse($"has {trailing} trailing bytes: {needs}, but {dataBytes + trailing} follow the header.");
        }

        return new IdxArray(elementType, values, shape);
    }

    /// <summary>
    /// Reads <paramref name="count"/> elements from a source of unknown length into a buffer that starts small and
    /// doubles, up to <paramref name="count"/>, only once the data has filled it: a source that ends early is
    /// refused having allocated at most about twice what it held.
    /// </summary>
    private Array ReadGrowing(IdxElementType elementType, int count, string needs)
    {
        int elementSize = IdxElementTypes.SizeInBytes(elementType);
        int capacity = Math.Min(count, InitialBufferBytes / elementSize);
        Array values = IdxElementTypes.Allocate(elementType, capacity);
        long filledBytes = 0;
        while (true)
        {
            long capacityBytes = (long)capacity * elementSize;
            FillFrom(values, filledBytes, capacityBytes, elementType, needs);
            filledBytes = capacityBytes;
            if (capacity == count)
            {
                return values;
            }

            capacity = (int)Math.Min(count, 2L * capacity);
            Array larger = IdxElementTypes.Allocate(elementType, capacity);
            Array.Copy(values, larger, values.Length);
            values = larger;
        }
    }

    /// <summary>
    /// Reads the bytes from <paramref name="fromByte"/> up to <paramref name="toByte"/> of <paramref name="values"/>
    /// in chunks, converting each to this machine's byte order; refuses the data when it ends first.
    /// </summary>
    private void FillFrom(Array values, long fromByte, long toByte, IdxElementType elementType, string needs)
    {
        // Chunks hold whole elements: both ends and the chunk size are multiples of the element size.
        for (long offset = fromByte; offset < toByte; offset += ChunkBytes)
        {
            Span<byte> chunk = IdxBytes.ByteView(values, offset, (int)Math.Min(ChunkBytes, toByte - offset));
            int read = ReadUpTo(chunk);
            if (read < chunk.Length)
            {
                throw Refuse($"is truncated: {needs}, but only {offset + read} follow the header.");
            }

            IdxBytes.SwapInPlace(chunk, elementType);
        }
    }

    private int[] ReadShape(int rank)
    {
        var sizes = new byte[4 * rank];
        int read = ReadUpTo(sizes);
        if (read < sizes.Length)
        {
            throw Refuse($"is truncated: it declares {rank} dimensions, but its header ends after {read} of their {sizes.Length} size bytes.");
        }

        var shape = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            shape[i] = BinaryPrimitives.ReadInt32BigEndian(sizes.AsSpan(4 * i, 4));
        }

        for (int i = 0; i < rank; i++)
        {
            if (shape[i] <= 0)
            {
                throw Refuse($"declares size {shape[i]} for dimension {i} of shape {TensorShape.Format(shape)}; " +
                    "every dimension must be positive.");
            }
        }

        return shape;
    }

    /// <summary>Counts the bytes left, stopping once more than <see cref="TrailingBytesCounted"/> are found.</summary>
    private long CountRemainingBytes()
    {
        var buffer = new byte[4096];
        long total = 0;
        int read;
        while (total <= TrailingBytesCounted && (read = ReadUpTo(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    /// <summary>Fills <paramref name="buffer"/> unless the data ends first; returns the number of bytes read.</summary>
    private int ReadUpTo(Span<byte> buffer)
    {
        try
        {
            return _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e) when (_gzip)
        {
            throw new InvalidDataException($"'{_source}' is a damaged gzip file: {e.Message}", e);
        }
    }

    private InvalidDataException Refuse(string problem) =>
        new($"'{_source}' {(_gzip ? "(gzip) " : "")}{problem}");
}
