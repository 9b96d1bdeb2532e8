using System.IO.Compression;
using DeepClustering.Data;
using Xunit.Abstractions;

namespace DeepClustering.Tests.Data;

/// <summary>
/// A file's header declares its shape, but only its bytes prove it: a short file declaring a huge shape is refused
/// after allocating about as much as it holds, whether it is plain, gzip or read from a stream that cannot seek.
/// </summary>
public class IdxDeclaredShapeTests(ITestOutputHelper output)
{
    /// <summary>Far less than any of the declared arrays (2.1 GB to 17 GB), far more than the reader's own buffers.</summary>
    private const long AllocationBound = 64L << 20;

    /// <summary>The element types of the finding: 1, 4 and 8 bytes each.</summary>
    public static TheoryData<byte> ElementTypes() => new() { 0x08, 0x0C, 0x0E };

    [Theory]
    [MemberData(nameof(ElementTypes))]
    public void A_28_byte_gzip_file_declaring_the_largest_array_is_refused_without_allocating_it(byte elementType)
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("huge.gz");
        byte[] compressed = Gzip(HeaderOnly(elementType, Array.MaxLength));
        Assert.Equal(28, compressed.Length);
        File.WriteAllBytes(path, compressed);

        (InvalidDataException refusal, long allocated) = ReadAndMeasure(() => IdxFile.Read(path));

        Assert.Contains($"'{path}' (gzip) is truncated", refusal.Message, StringComparison.Ordinal);
        Assert.Contains($"[{Array.MaxLength}]", refusal.Message, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Theory]
    [MemberData(nameof(ElementTypes))]
    public void A_gzip_stream_that_cannot_seek_declaring_the_largest_array_is_refused_without_allocating_it(byte elementType)
    {
        byte[] compressed = Gzip(HeaderOnly(elementType, Array.MaxLength));

        (InvalidDataException refusal, long allocated) = ReadAndMeasure(
            () => IdxFile.Read(new NonSeekableStream(new MemoryStream(compressed)), "upload"));

        Assert.Contains("'upload' (gzip) is truncated", refusal.Message, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Theory]
    [MemberData(nameof(ElementTypes))]
    public void A_plain_stream_that_cannot_seek_declaring_the_largest_array_is_refused_without_allocating_it(byte elementType)
    {
        byte[] plain = [.. HeaderOnly(elementType, Array.MaxLength), 1, 2, 3, 4, 5, 6, 7, 8];

        (InvalidDataException refusal, long allocated) = ReadAndMeasure(
            () => IdxFile.Read(new NonSeekableStream(new MemoryStream(plain)), "pipe"));

        Assert.Contains("'pipe' is truncated", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("but only 8 follow the header", refusal.Message, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Theory]
    [MemberData(nameof(ElementTypes))]
    public void A_short_plain_file_declaring_the_largest_array_is_refused_from_its_length(byte elementType)
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("huge.idx");
        File.WriteAllBytes(path, HeaderOnly(elementType, Array.MaxLength));

        (InvalidDataException refusal, long allocated) = ReadAndMeasure(() => IdxFile.Read(path));

        Assert.Contains($"'{path}' is truncated", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("but only 0 follow the header", refusal.Message, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Theory]
    [InlineData(IdxCompression.None)]
    [InlineData(IdxCompression.Gzip)]
    public void Data_that_arrives_in_small_reads_still_fills_an_array_of_several_megabytes(IdxCompression compression)
    {
        // 3 MB of 32-bit integers, not a power of two, read 7 bytes at a time: the buffer grows several times.
        int[] values = Enumerable.Range(0, 3 * 262_144 + 11).Select(i => unchecked(i * -1_640_531_535)).ToArray();
        var buffer = new MemoryStream();
        IdxFile.Write(buffer, IdxArray.Create(values, values.Length), compression);
        buffer.Position = 0;

        IdxArray read = IdxFile.Read(new NonSeekableStream(buffer), "in-memory");

        Assert.Equal([values.Length], read.Shape.ToArray());
        Assert.Equal(values, read.GetValues<int>());
    }

    [Fact]
    public void Megabytes_after_the_data_of_a_gzip_file_are_refused_without_decompressing_them_all()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("long-tail.gz");
        File.WriteAllBytes(path, Gzip([0x00, 0x00, 0x08, 0x01, 0, 0, 0, 2, 7, 9, .. new byte[50 << 20]]));

        (InvalidDataException refusal, long allocated) = ReadAndMeasure(() => IdxFile.Read(path));

        Assert.Contains($"'{path}' (gzip) has more than 1048576 trailing bytes", refusal.Message, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, AllocationBound);
    }

    /// <summary>An IDX header of one dimension of <paramref name="count"/> elements, with no data.</summary>
    internal static byte[] HeaderOnly(byte elementType, int count) =>
        [0x00, 0x00, elementType, 0x01, (byte)(count >> 24), (byte)(count >> 16), (byte)(count >> 8), (byte)count];

    internal static byte[] Gzip(byte[] content)
    {
        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }

    /// <summary>Runs <paramref name="read"/>, which must refuse, and measures the bytes this thread allocated meanwhile.</summary>
    private (InvalidDataException Refusal, long Allocated) ReadAndMeasure(Action read)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        InvalidDataException? refusal = null;
        try
        {
            read();
        }
        catch (InvalidDataException e)
        {
            refusal = e;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"allocated {allocated} bytes; {refusal?.Message}");
        return (refusal ?? throw new Xunit.Sdk.XunitException("The read was expected to refuse the data but succeeded."), allocated);
    }
}
