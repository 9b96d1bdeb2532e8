using System.Buffers.Binary;

namespace DeepClustering.Data;

/// <summary>Writes an <see cref="IdxArray"/> in the IDX format: magic number, big-endian sizes, big-endian data.</summary>
internal static class IdxWriter
{
    private const int ChunkBytes = 1 << 20;

    /// <summary>Writes the plain IDX bytes of <paramref name="array"/> to <paramref name="destination"/>.</summary>
    public static void Write(Stream destination, IdxArray array)
    {
        var header = new byte[4 + 4 * array.Rank];
        header[2] = (byte)array.ElementType;
        header[3] = (byte)array.Rank;
        for (int i = 0; i < array.Rank; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * i, 4), array.Shape[i]);
        }

        destination.Write(header);

        int elementSize = IdxElementTypes.SizeInBytes(array.ElementType);
        long dataBytes = (long)array.Length * elementSize;
        byte[]? swapBuffer = elementSize > 1 ? new byte[(int)Math.Min(ChunkBytes, dataBytes)] : null;
        for (long offset = 0; offset < dataBytes; offset += ChunkBytes)
        {
            int length = (int)Math.Min(ChunkBytes, dataBytes - offset);
            Span<byte> chunk = IdxBytes.ByteView(array.Values, offset, length);
            if (swapBuffer is null)
            {
                destination.Write(chunk);
                continue;
            }

            Span<byte> swapped = swapBuffer.AsSpan(0, length);
            chunk.CopyTo(swapped);
            IdxBytes.SwapInPlace(swapped, array.ElementType);
            destination.Write(swapped);
        }
    }
}
