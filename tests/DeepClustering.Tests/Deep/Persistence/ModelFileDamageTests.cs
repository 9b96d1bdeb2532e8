using System.Text;
using DeepClustering.Persistence;
using DeepClustering.Tests.Data;

namespace DeepClustering.Tests.Persistence;

public class ModelFileDamageTests
{
    [Fact]
    public void An_empty_file_is_refused()
    {
        AssertRefused([], "is empty");
    }

    [Fact]
    public void A_file_with_another_magic_is_refused()
    {
        byte[] bytes = ModelFileSamples.SmallFileBytes();
        bytes[0] = (byte)'X';

        AssertRefused(bytes, "is not a DeepClustering model file: it starts with 58 43 4C 4D 0D 0A 1A 0A, not the magic 44 43 4C 4D 0D 0A 1A 0A");
    }

    [Fact]
    public void A_text_file_is_refused()
    {
        AssertRefused("{\"kind\": \"dec\"}\n"u8.ToArray(), "is not a DeepClustering model file");
    }

    [Fact]
    public void A_file_whose_line_endings_were_converted_is_refused_with_a_hint()
    {
        byte[] bytes = ModelFileSamples.SmallFileBytes();
        byte[] converted = [.. bytes[..4], .. bytes[5..]]; // CR LF became LF.

        AssertRefused(converted, "converts line endings");
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(0, 9)]
    [InlineData(0xFFFF, 0xFFFF)]
    public void A_file_of_another_major_version_is_refused_naming_both_versions(int major, int minor)
    {
        byte[] bytes = ModelFileSamples.SmallFileBytes();
        bytes[8] = (byte)major;
        bytes[9] = (byte)(major >> 8);
        bytes[10] = (byte)minor;
        bytes[11] = (byte)(minor >> 8);

        AssertRefused(bytes, $"has model-file format version {major}.{minor}, which this library cannot read: it reads major version 1 (it writes version 1.0)");
    }

    [Fact]
    public void A_file_cut_at_any_point_is_refused_as_truncated()
    {
        byte[] bytes = ModelFileSamples.SmallFileBytes();
        using var folder = new TemporaryFolder();
        for (int length = 1; length < bytes.Length; length++)
        {
            string path = folder.File($"cut-{length}.dclm");
            File.WriteAllBytes(path, bytes[..length]);

            var refusal = Assert.Throws<InvalidDataException>(() => ModelFile.Read(path));
            Assert.StartsWith($"'{path}' is truncated", refusal.Message, StringComparison.Ordinal);

            var streamRefusal = Assert.Throws<InvalidDataException>(
                () => ModelFile.Read(new NonSeekableStream(new MemoryStream(bytes[..length])), "pipe"));
            Assert.StartsWith("'pipe' is truncated", streamRefusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_file_cut_inside_its_tensors_says_how_many_bytes_it_declares_and_has()
    {
        byte[] bytes = ModelFileSamples.Bytes(ModelFileSamples.File());

        AssertRefused(bytes[..^40], $"is truncated: it declares {bytes.Length} bytes, but has only {bytes.Length - 40}.");
    }

    [Fact]
    public void Trailing_bytes_are_refused()
    {
        byte[] bytes = [.. ModelFileSamples.SmallFileBytes(), 0, 1, 2];

        AssertRefused(bytes, $"has 3 trailing bytes after the {bytes.Length - 3} bytes it declares.");
        var refusal = Assert.Throws<InvalidDataException>(() => ModelFile.Read(new NonSeekableStream(new MemoryStream(bytes)), "pipe"));
        Assert.Contains("'pipe' has trailing bytes", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flipped_bit_at_any_position_is_refused()
    {
        byte[] bytes = ModelFileSamples.SmallFileBytes();
        using var folder = new TemporaryFolder();
        string path = folder.File("flipped.dclm");
        int caughtByChecksum = 0;
        foreach (byte mask in new byte[] { 0x01, 0x80, 0xFF })
        {
            for (int position = 0; position < bytes.Length; position++)
            {
                byte[] damaged = (byte[])bytes.Clone();
                damaged[position] ^= mask;
                File.WriteAllBytes(path, damaged);

                var refusal = Assert.Throws<InvalidDataException>(() => ModelFile.Read(path));
                Assert.StartsWith($"'{path}' ", refusal.Message, StringComparison.Ordinal);
                if (refusal.Message.Contains("SHA-256 checksum", StringComparison.Ordinal))
                {
                    caughtByChecksum++;
                }
            }
        }

        // A changed magic, major version or length is refused before the checksum is computed; a changed minor
        // version (bytes 10 and 11) or any later byte is a checksum mismatch.
        Assert.Equal(3 * (2 + bytes.Length - 20), caughtByChecksum);
    }

    [Fact]
    public void A_damaged_length_field_is_refused()
    {
        byte[] bytes = ModelFileSamples.SmallFileBytes();
        ModelFileSamples.WriteUInt64(bytes, ModelFileSamples.LengthOffset, ulong.MaxValue);
        AssertRefused(bytes, $"is damaged: it declares a length of {ulong.MaxValue} bytes, more than the 2147483591 a model file may have.");

        ModelFileSamples.WriteUInt64(bytes, ModelFileSamples.LengthOffset, 3);
        AssertRefused(bytes, "is damaged: it declares a length of 3 bytes, less than the 62 of the smallest model file.");
    }

    [Fact]
    public void A_stream_declaring_a_huge_length_is_refused_without_allocating_it()
    {
        byte[] bytes = ModelFileSamples.SmallFileBytes();
        ModelFileSamples.WriteUInt64(bytes, ModelFileSamples.LengthOffset, 2_000_000_000);
        long before = GC.GetAllocatedBytesForCurrentThread();

        var refusal = Assert.Throws<InvalidDataException>(() => ModelFile.Read(new NonSeekableStream(new MemoryStream(bytes)), "pipe"));

        Assert.Contains("'pipe' is truncated: it declares 2000000000 bytes, but has only", refusal.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 << 20, "The reader allocated for the declared length.");
    }

    [Fact]
    public void A_tensor_claiming_an_absurd_size_is_refused_before_allocating_it()
    {
        byte[] bytes = ModelFileSamples.SmallFileBytes();
        int rank = ModelFileSamples.FirstRankOffset(bytes);
        ModelFileSamples.WriteUInt32(bytes, rank + 4, 0x7FFF_FFFF);
        long before = GC.GetAllocatedBytesForCurrentThread();

        AssertRefused(ModelFileSamples.Reseal(bytes),
            "is damaged: tensor 'a' declares shape [2147483647] of at least 2147483647 values (8589934588 bytes), but only");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 << 20, "The reader allocated for the declared size.");
    }

    [Fact]
    public void A_tensor_whose_shape_product_is_absurd_is_refused_at_the_dimension_that_overflows()
    {
        byte[] bytes = ModelFileSamples.Bytes(new ModelFile([], [new NamedTensor("a", new float[1000], 1000)]));
        int rank = ModelFileSamples.FirstRankOffset(bytes);
        byte[] eightDimensions = new byte[4 + 8 * 4];
        ModelFileSamples.WriteUInt32(eightDimensions, 0, 8);
        for (int d = 0; d < 8; d++)
        {
            ModelFileSamples.WriteUInt32(eightDimensions, 4 + 4 * d, 100);
        }

        // After two sizes of 100, 10000 values (40000 bytes) cannot fit in the 4000 value bytes and 6 sizes left.
        AssertRefused(ModelFileSamples.Splice(bytes, rank, rank + 8, eightDimensions),
            "is damaged: tensor 'a' declares shape [100, 100, …] of at least 10000 values (40000 bytes), but only 4024 bytes are left before the checksum.");
    }

    [Fact]
    public void A_tensor_size_of_zero_is_refused()
    {
        byte[] bytes = ModelFileSamples.SmallFileBytes();
        ModelFileSamples.WriteUInt32(bytes, ModelFileSamples.FirstRankOffset(bytes) + 4, 0);

        AssertRefused(ModelFileSamples.Reseal(bytes), "tensor 'a' declares size 0 for dimension 0");
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(9u)]
    [InlineData(uint.MaxValue)]
    public void A_tensor_rank_outside_the_limits_is_refused(uint rank)
    {
        byte[] bytes = ModelFileSamples.SmallFileBytes();
        ModelFileSamples.WriteUInt32(bytes, ModelFileSamples.FirstRankOffset(bytes), rank);

        AssertRefused(ModelFileSamples.Reseal(bytes), $"tensor 'a' declares {rank} dimensions; a tensor has between 1 and 8.");
    }

    [Fact]
    public void An_absurd_tensor_count_is_refused()
    {
        byte[] bytes = ModelFileSamples.SmallFileBytes();
        ModelFileSamples.WriteUInt32(bytes, ModelFileSamples.TensorCountOffset(bytes), uint.MaxValue);

        AssertRefused(ModelFileSamples.Reseal(bytes), $"is damaged: it declares {uint.MaxValue} tensors, but the");
    }

    [Fact]
    public void An_absurd_header_length_is_refused()
    {
        byte[] bytes = ModelFileSamples.SmallFileBytes();
        ModelFileSamples.WriteUInt32(bytes, ModelFileSamples.HeaderLengthOffset, 0x7FFF_FFFF);

        AssertRefused(ModelFileSamples.Reseal(bytes), "is damaged: the header at byte 24 needs 2147483647 bytes, but only");
    }

    [Fact]
    public void An_absurd_name_length_is_refused()
    {
        byte[] bytes = ModelFileSamples.SmallFileBytes();
        ModelFileSamples.WriteUInt32(bytes, ModelFileSamples.TensorCountOffset(bytes) + 4, 1 << 30);

        AssertRefused(ModelFileSamples.Reseal(bytes), "tensor #0 declares a name of 1073741824 bytes, more than the 1024 allowed.");
    }

    [Fact]
    public void Bytes_between_the_last_tensor_and_the_checksum_are_refused()
    {
        byte[] bytes = ModelFileSamples.SmallFileBytes();

        AssertRefused(ModelFileSamples.Splice(bytes, bytes.Length - 32, bytes.Length - 32, [1, 2, 3, 4, 5]),
            "is damaged: 5 bytes between its last tensor and its checksum belong to no field.");
    }

    [Fact]
    public void A_missing_tensor_is_refused_when_the_count_claims_more()
    {
        byte[] bytes = ModelFileSamples.SmallFileBytes();
        int count = ModelFileSamples.TensorCountOffset(bytes);
        ModelFileSamples.WriteUInt32(bytes, count, 3);

        AssertRefused(ModelFileSamples.Reseal(bytes), "is damaged: it declares 3 tensors, but the");
    }

    [Fact]
    public void Two_tensors_with_the_same_name_are_refused()
    {
        byte[] bytes = ModelFileSamples.Bytes(new ModelFile([], [new NamedTensor("ab", [1f], 1), new NamedTensor("ac", [2f], 1)]));
        // The first tensor takes 4 + 2 + 4 + 4 + 4 bytes; the second tensor's name starts 4 bytes into it.
        int secondName = ModelFileSamples.TensorCountOffset(bytes) + 4 + 18 + 4;
        Assert.Equal("ac"u8.ToArray(), bytes[secondName..(secondName + 2)]);
        bytes[secondName + 1] = (byte)'b';

        AssertRefused(ModelFileSamples.Reseal(bytes), "is damaged: it holds two tensors named 'ab'.");
    }

    [Fact]
    public void A_name_that_is_not_utf8_is_refused()
    {
        byte[] bytes = ModelFileSamples.SmallFileBytes();
        bytes[ModelFileSamples.TensorCountOffset(bytes) + 8] = 0xFF;

        AssertRefused(ModelFileSamples.Reseal(bytes), "is damaged: the name of tensor #0 is not valid UTF-8.");
    }

    [Fact]
    public void A_header_that_is_not_json_is_refused()
    {
        byte[] bytes = ModelFileSamples.SmallFileBytes();
        int headerLength = ModelFileSamples.TensorCountOffset(bytes) - 24;

        AssertRefused(ModelFileSamples.Splice(bytes, 20, 24 + headerLength, [3, 0, 0, 0, .. "{x}"u8]), "is damaged: its header is not valid JSON");
    }

    [Theory]
    [InlineData("[1, 2]", "its header is a JSON Array, not a JSON object.")]
    [InlineData("null", "its header is null, not a JSON object.")]
    [InlineData("{\"a\": 1, \"a\": 2}", "its header is not valid JSON")]
    public void A_header_that_is_not_one_json_object_is_refused(string header, string problem)
    {
        byte[] bytes = ModelFileSamples.SmallFileBytes();
        int headerLength = ModelFileSamples.TensorCountOffset(bytes) - 24;
        byte[] json = Encoding.UTF8.GetBytes(header);
        byte[] field = [.. BitConverter.GetBytes(json.Length), .. json];

        AssertRefused(ModelFileSamples.Splice(bytes, 20, 24 + headerLength, field), problem);
    }

    /// <summary>Asserts that reading <paramref name="bytes"/> from a file fails with a message naming the file and the problem.</summary>
    private static void AssertRefused(byte[] bytes, string problem)
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("damaged.dclm");
        File.WriteAllBytes(path, bytes);

        var refusal = Assert.Throws<InvalidDataException>(() => ModelFile.Read(path));

        Assert.StartsWith($"'{path}' ", refusal.Message, StringComparison.Ordinal);
        Assert.True(refusal.Message.Contains(problem, StringComparison.Ordinal), $"Expected \"{problem}\" in \"{refusal.Message}\".");
    }
}
