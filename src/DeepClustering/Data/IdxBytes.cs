using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DeepClustering.Data;

/// <summary>
/// The raw bytes of IDX element data: views of a typed array's memory, and conversion between the file's
/// big-endian byte order and this machine's.
/// </summary>
internal static class IdxBytes
{
    /// <summary>
    /// Reverses the byte order of every element in <paramref name="bytes"/> in place when this machine is
    /// little-endian; the same call converts in both directions. The span must hold whole elements.
    /// </summary>
    public static void SwapInPlace(Span<byte> bytes, IdxElementType type)
    {
        if (!BitConverter.IsLittleEndian)
        {
            return;
        }

        switch (IdxElementTypes.SizeInBytes(type))
        {
            case 2:
                Span<short> shorts = MemoryMarshal.Cast<byte, short>(bytes);
                BinaryPrimitives.ReverseEndianness(shorts, shorts);
                break;
            case 4:
                Span<int> ints = MemoryMarshal.Cast<byte, int>(bytes);
                BinaryPrimitives.ReverseEndianness(ints, ints);
                break;
            case 8:
                Span<long> longs = MemoryMarshal.Cast<byte, long>(bytes);
                BinaryPrimitives.ReverseEndianness(longs, longs);
                break;
        }
    }

    /// <summary>
    /// The bytes of <paramref name="values"/> from byte <paramref name="byteOffset"/> on, <paramref name="byteCount"/>
    /// long: a view of the array's own memory.
    /// </summary>
    public static Span<byte> ByteView(Array values, long byteOffset, int byteCount)
    {
        ref byte start = ref MemoryMarshal.GetArrayDataReference(values);
        return MemoryMarshal.CreateSpan(ref Unsafe.AddByteOffset(ref start, (nint)byteOffset), byteCount);
    }
}
