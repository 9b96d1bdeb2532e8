using System.IO.Compression;
using DeepClustering.Data;

namespace DeepClustering.Tests.Data;

public class IdxDamagedFileTests
{
    /// <summary>A valid file: three unsigned bytes in shape [3].</summary>
    private static readonly byte[] s_validFile = [0x00, 0x00, 0x08, 0x01, 0, 0, 0, 3, 10, 20, 30];

    public static TheoryData<string, byte[], string> DamagedFiles() => new()
    {
        { "empty file", [], "is empty" },
        { "cut inside the magic number", [0x00, 0x00, 0x08], "is truncated: it ends after 3 of the 4 bytes of the magic number" },
        { "wrong magic", [0x01, 0x02, 0x08, 0x01, 0, 0, 0, 1, 5], "is not an IDX file: its magic number starts with 0x01 0x02, not 0x00 0x00" },
        { "text file", "hello, world\n"u8.ToArray(), "is not an IDX file" },
        { "unsupported type", [0x00, 0x00, 0x0A, 0x01, 0, 0, 0, 1, 5], "has unsupported element type 0x0A" },
        { "no dimensions", [0x00, 0x00, 0x08, 0x00, 5], "declares 0 dimensions" },
        { "zero size", [0x00, 0x00, 0x08, 0x02, 0, 0, 0, 3, 0, 0, 0, 0], "declares size 0 for dimension 1 of shape [3, 0]" },
        { "negative size", [0x00, 0x00, 0x08, 0x01, 0xFF, 0xFF, 0xFF, 0xFE], "declares size -2 for dimension 0" },
        { "cut inside the sizes", [0x00, 0x00, 0x08, 0x02, 0, 0, 0, 3, 0, 0], "is truncated: it declares 2 dimensions, but its header ends after 6 of their 8 size bytes" },
        { "cut inside the data", s_validFile[..^1], "is truncated: its shape [3] of unsigned bytes (0x08) needs 3 data bytes, but only 2 follow the header" },
        { "trailing bytes", [.. s_validFile, 1, 2], "has 2 trailing bytes: its shape [3] of unsigned bytes (0x08) needs 3 data bytes, but 5 follow the header" },
        { "cut inside 32-bit data", [0x00, 0x00, 0x0C, 0x01, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0], "needs 8 data bytes, but only 6 follow the header" },
        { "too many elements", [0x00, 0x00, 0x08, 0x02, 0x7F, 0xFF, 0xFF, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF], "more elements than one array can hold" },
    };

    [Theory]
    [MemberData(nameof(DamagedFiles))]
    public void Damaged_plain_files_are_refused_with_the_file_and_the_problem(string damage, byte[] content, string problem)
    {
        using var folder = new TemporaryFolder();
        string path = folder.File(damage.Replace(' ', '-') + ".idx");
        File.WriteAllBytes(path, content);

        var refusal = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));

        Assert.Contains($"'{path}'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(problem, refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DamagedFiles))]
    public void Damaged_content_inside_a_gzip_file_is_refused_with_the_file_and_the_problem(string damage, byte[] content, string problem)
    {
        using var folder = new TemporaryFolder();
        string path = folder.File(damage.Replace(' ', '-') + ".gz");
        File.WriteAllBytes(path, Gzip(content));

        var refusal = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));

        Assert.Contains($"'{path}' (gzip)", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(problem, refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DamagedFiles))]
    public void Damaged_content_in_a_stream_that_cannot_seek_is_refused(string damage, byte[] content, string problem)
    {
        var refusal = Assert.Throws<InvalidDataException>(
            () => IdxFile.Read(new NonSeekableStream(new MemoryStream(content)), damage));

        Assert.Contains($"'{damage}'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(problem, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_file_cut_short_is_refused()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("cut.gz");
        byte[] compressed = Gzip(NoisyImagesFile());
        File.WriteAllBytes(path, compressed[..(compressed.Length / 2)]);

        var refusal = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));

        Assert.Contains($"'{path}'", refusal.Message, StringComparison.Ordinal);
        Assert.Matches("is truncated|is a damaged gzip file", refusal.Message);
    }

    [Fact]
    public void A_gzip_file_whose_checksum_does_not_match_is_refused()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("bad-crc.gz");
        byte[] compressed = Gzip(NoisyImagesFile());
        compressed[^8] ^= 0xFF;
        File.WriteAllBytes(path, compressed);

        var refusal = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));

        Assert.Contains($"'{path}' is a damaged gzip file", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_after_the_end_of_a_gzip_file_are_refused()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("garbage-after.gz");
        File.WriteAllBytes(path, [.. Gzip(s_validFile), 0x12, 0x34, 0x56]);

        var refusal = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));

        Assert.Contains($"'{path}' (gzip) does not end where its gzip data ends", refusal.Message, StringComparison.Ordinal);
    }

    private static byte[] Gzip(byte[] content)
    {
        if (content.Length == 0)
        {
            // GZipStream writes nothing at all for no input; this is what gzip(1) writes for an empty file.
            return [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03, 0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
        }

        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }

    /// <summary>An IDX file of 20 random 28×28 images, which compresses poorly, so that a cut lands inside the data.</summary>
    private static byte[] NoisyImagesFile()
    {
        var pixels = new byte[20 * 28 * 28];
        new Random(7).NextBytes(pixels);
        var buffer = new MemoryStream();
        IdxFile.Write(buffer, IdxArray.Create(pixels, 20, 28, 28));
        return buffer.ToArray();
    }
}
