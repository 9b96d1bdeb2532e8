using System.IO.Compression;
using DeepClustering.Data;

namespace DeepClustering.Tests.Data;

public class IdxRoundTripTests
{
    public static TheoryData<IdxArray, IdxCompression> Arrays()
    {
        var data = new TheoryData<IdxArray, IdxCompression>();
        IdxArray[] arrays =
        [
            IdxArray.Create(new byte[] { 0, 1, 127, 128, 254, 255 }, 2, 3),
            IdxArray.Create(new sbyte[] { sbyte.MinValue, -1, 0, 1, sbyte.MaxValue, 42 }, 3, 2),
            IdxArray.Create(new short[] { short.MinValue, -2, 0, 0x0102, short.MaxValue, 7 }, 1, 2, 3),
            IdxArray.Create(new[] { int.MinValue, -1, 0, 0x01020304, int.MaxValue, 99 }, 6),
            IdxArray.Create(new[] { float.MinValue, -1.5f, 0f, float.Epsilon, float.MaxValue, float.NaN }, 2, 1, 3),
            IdxArray.Create(new[] { double.MinValue, -0.25, 0d, double.Epsilon, double.MaxValue, double.PositiveInfinity }, 3, 2),
        ];
        foreach (IdxArray array in arrays)
        {
            data.Add(array, IdxCompression.None);
            data.Add(array, IdxCompression.Gzip);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Arrays))]
    public void Written_arrays_read_back_with_the_same_type_shape_and_values(IdxArray array, IdxCompression compression)
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("array.idx");

        IdxFile.Write(path, array, compression);
        IdxArray read = IdxFile.Read(path);

        Assert.Equal(array.ElementType, read.ElementType);
        Assert.Equal(array.Shape.ToArray(), read.Shape.ToArray());
        Assert.Equal(array.Values, read.Values);
    }

    [Theory]
    [MemberData(nameof(Arrays))]
    public void Arrays_read_back_from_a_stream_that_cannot_seek(IdxArray array, IdxCompression compression)
    {
        var buffer = new MemoryStream();
        IdxFile.Write(buffer, array, compression);
        buffer.Position = 0;

        IdxArray read = IdxFile.Read(new NonSeekableStream(buffer), "in-memory");

        Assert.Equal(array.Shape.ToArray(), read.Shape.ToArray());
        Assert.Equal(array.Values, read.Values);
    }

    [Fact]
    public void Plain_files_hold_the_magic_number_then_big_endian_sizes_and_values()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("shorts.idx");

        IdxFile.Write(path, IdxArray.Create(new short[] { 0x0102, -2 }, 1, 2));

        Assert.Equal(
            new byte[] { 0x00, 0x00, 0x0B, 0x02, 0, 0, 0, 1, 0, 0, 0, 2, 0x01, 0x02, 0xFF, 0xFE },
            File.ReadAllBytes(path));
    }

    [Fact]
    public void Gzip_is_recognised_by_its_magic_bytes_not_by_the_file_name()
    {
        using var folder = new TemporaryFolder();
        string gzipWithoutSuffix = folder.File("labels-idx1-ubyte");
        string plainWithGzSuffix = folder.File("labels-idx1-ubyte.gz");
        IdxArray labels = IdxArray.Create(new byte[] { 3, 1, 4, 1, 5 }, 5);

        IdxFile.Write(gzipWithoutSuffix, labels, IdxCompression.Gzip);
        IdxFile.Write(plainWithGzSuffix, labels, IdxCompression.None);

        Assert.Equal(new byte[] { 0x1F, 0x8B }, File.ReadAllBytes(gzipWithoutSuffix)[..2]);
        Assert.Equal(new byte[] { 0x00, 0x00 }, File.ReadAllBytes(plainWithGzSuffix)[..2]);
        Assert.Equal(labels.Values, IdxFile.Read(gzipWithoutSuffix).Values);
        Assert.Equal(labels.Values, IdxFile.Read(plainWithGzSuffix).Values);
    }

    [Fact]
    public void Gzip_files_decompress_with_a_standard_gzip_reader()
    {
        using var folder = new TemporaryFolder();
        string compressed = folder.File("a.gz");
        string plain = folder.File("a");
        IdxArray array = IdxArray.Create(new[] { 1.5f, -2f, 3.25f }, 3);

        IdxFile.Write(compressed, array, IdxCompression.Gzip);
        IdxFile.Write(plain, array);

        using var gzip = new GZipStream(File.OpenRead(compressed), CompressionMode.Decompress);
        var decompressed = new MemoryStream();
        gzip.CopyTo(decompressed);
        Assert.Equal(File.ReadAllBytes(plain), decompressed.ToArray());
    }

    [Theory]
    [InlineData(IdxCompression.None)]
    [InlineData(IdxCompression.Gzip)]
    public void Arrays_larger_than_one_read_chunk_round_trip(IdxCompression compression)
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("large.idx");
        var values = new double[300_000];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Sin(i) * i;
        }

        IdxFile.Write(path, IdxArray.Create(values, 300, 1000), compression);

        Assert.Equal(values, IdxFile.Read(path).GetValues<double>());
    }

    [Fact]
    public void Writing_replaces_an_existing_file_and_leaves_no_temporary_file()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("labels.idx");
        File.WriteAllText(path, "old content that is not IDX");

        IdxFile.Write(path, IdxArray.Create(new byte[] { 9 }, 1), IdxCompression.Gzip);

        Assert.Equal(new byte[] { 9 }, IdxFile.Read(path).Values);
        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Creating_an_array_whose_shape_does_not_match_its_values_is_refused()
    {
        var wrongCount = Assert.Throws<ArgumentException>(() => IdxArray.Create(new byte[5], 2, 3));
        Assert.Equal("values", wrongCount.ParamName);
        var zeroSize = Assert.Throws<ArgumentException>(() => IdxArray.Create(new byte[0], 2, 0));
        Assert.Equal("shape", zeroSize.ParamName);
        Assert.Contains("Dimension 1", zeroSize.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => IdxArray.Create(new long[1], 1));
        Assert.Throws<ArgumentException>(() => IdxArray.Create(new byte[1]));
    }

    [Fact]
    public void Values_are_given_only_as_the_stored_type()
    {
        IdxArray array = IdxArray.Create(new byte[] { 1, 2 }, 2);

        Assert.Equal(new byte[] { 1, 2 }, array.GetValues<byte>());
        var wrongType = Assert.Throws<InvalidOperationException>(() => array.GetValues<float>());
        Assert.Contains("unsigned bytes", wrongType.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { 1f, 2f }, array.ToSingleArray());
    }

    [Fact]
    public void Signed_bytes_are_not_given_as_unsigned_bytes()
    {
        IdxArray array = IdxArray.Create(new sbyte[] { -1, 2 }, 2);

        Assert.Throws<InvalidOperationException>(() => array.GetValues<byte>());
        Assert.Equal(new[] { -1f, 2f }, array.ToSingleArray());
    }
}
