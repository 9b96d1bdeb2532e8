using System.Text;
using System.Text.Json.Nodes;
using DeepClustering.Persistence;
using DeepClustering.Tests.Data;

namespace DeepClustering.Tests.Persistence;

public class ModelFileRoundTripTests
{
    [Fact]
    public void A_file_read_back_has_the_same_header_and_the_same_bits_in_every_tensor()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("model.dclm");
        var written = ModelFileSamples.File();

        written.Write(path);
        var read = ModelFile.Read(path);

        AssertSameContent(written, read);
        Assert.Equal(ModelFormatVersion.Current, read.Version);
        Assert.Equal(path, read.Source);
        Assert.Null(written.Source);
    }

    [Fact]
    public void A_stream_that_cannot_seek_reads_the_same_content()
    {
        var written = ModelFileSamples.File();

        var read = ModelFile.Read(new NonSeekableStream(new MemoryStream(ModelFileSamples.Bytes(written))), "pipe");

        AssertSameContent(written, read);
        Assert.Equal("pipe", read.Source);
    }

    [Fact]
    public void Writing_the_same_content_twice_gives_the_same_bytes()
    {
        Assert.Equal(ModelFileSamples.Bytes(ModelFileSamples.File()), ModelFileSamples.Bytes(ModelFileSamples.File()));
    }

    [Fact]
    public void A_file_without_tensors_and_with_an_empty_header_round_trips()
    {
        byte[] bytes = ModelFileSamples.Bytes(new ModelFile([], []));

        var read = ModelFile.Read(new MemoryStream(bytes), "empty");

        Assert.Empty(read.Header);
        Assert.Empty(read.Tensors);
    }

    [Fact]
    public void The_file_starts_with_the_magic_and_the_version_and_ends_with_the_sha256_of_the_rest()
    {
        byte[] bytes = ModelFileSamples.Bytes(ModelFileSamples.File());

        Assert.Equal([0x44, 0x43, 0x4C, 0x4D, 0x0D, 0x0A, 0x1A, 0x0A, 1, 0, 0, 0], bytes[..12]);
        Assert.Equal((ulong)bytes.Length, BitConverter.ToUInt64(bytes, ModelFileSamples.LengthOffset));
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)), bytes[^32..]);
        string header = Encoding.UTF8.GetString(bytes, 24, BitConverter.ToInt32(bytes, ModelFileSamples.HeaderLengthOffset));
        Assert.Contains("\"kind\": \"dec\"", header, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_a_later_minor_version_is_read()
    {
        byte[] bytes = ModelFileSamples.Bytes(ModelFileSamples.File());
        bytes[10] = 7;

        var read = ModelFile.Read(new MemoryStream(ModelFileSamples.Reseal(bytes)), "newer");

        Assert.Equal(new ModelFormatVersion(1, 7), read.Version);
        AssertSameContent(ModelFileSamples.File(), read);
    }

    [Fact]
    public void The_file_keeps_its_own_copy_of_the_header_and_the_values()
    {
        var header = new JsonObject { ["kind"] = "dec" };
        float[] values = [1f, 2f];
        var file = new ModelFile(header, [new NamedTensor("v", values, 2)]);

        header["kind"] = "changed";
        values[0] = 99f;

        Assert.Equal("dec", (string?)file.Header["kind"]);
        Assert.Equal([1f, 2f], file.GetTensor("v").ToArray());
    }

    [Fact]
    public void Tensors_are_found_by_name_and_a_missing_one_is_named_with_the_file()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("model.dclm");
        ModelFileSamples.File().Write(path);
        var read = ModelFile.Read(path);

        Assert.Equal([2, 3], read.GetTensor("centres").Shape.ToArray());
        Assert.True(read.TryGetTensor("s", out var s));
        Assert.Equal([42f], s.ToArray());
        Assert.False(read.TryGetTensor("missing", out _));
        var refusal = Assert.Throws<InvalidDataException>(() => read.GetTensor("missing"));
        Assert.Contains($"'{path}' holds no tensor named 'missing'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_tensors_with_the_same_name_are_refused()
    {
        var refusal = Assert.Throws<ArgumentException>(
            () => new ModelFile([], [new NamedTensor("x", [1f], 1), new NamedTensor("x", [2f], 1)]));
        Assert.Contains("'x'", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("a\nb", "control character U+000A")]
    public void Bad_tensor_names_are_refused(string name, string problem)
    {
        var refusal = Assert.Throws<ArgumentException>(() => new NamedTensor(name, [1f], 1));
        Assert.Contains(problem, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_with_an_unpaired_surrogate_is_refused()
    {
        var refusal = Assert.Throws<ArgumentException>(() => new NamedTensor("a" + (char)0xD800, [1f], 1));
        Assert.Contains("contains an unpaired surrogate", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_refused()
    {
        var refusal = Assert.Throws<ArgumentException>(() => new NamedTensor(new string('é', 513), [1f], 1));
        Assert.Contains("1026 UTF-8 bytes, more than the 1024 allowed", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_shapes_are_refused()
    {
        Assert.Contains("has 0 dimensions", Assert.Throws<ArgumentException>(() => new NamedTensor("x", [], [])).Message, StringComparison.Ordinal);
        Assert.Contains("has 9 dimensions", Assert.Throws<ArgumentException>(() => new NamedTensor("x", [1f], 1, 1, 1, 1, 1, 1, 1, 1, 1)).Message, StringComparison.Ordinal);
        Assert.Contains("must be positive", Assert.Throws<ArgumentException>(() => new NamedTensor("x", [], 0)).Message, StringComparison.Ordinal);
        Assert.Contains("3 values do not fill tensor 'x' of shape [2, 2]", Assert.Throws<ArgumentException>(() => new NamedTensor("x", [1f, 2f, 3f], 2, 2)).Message, StringComparison.Ordinal);
    }

    internal static void AssertSameContent(ModelFile expected, ModelFile actual)
    {
        Assert.True(JsonNode.DeepEquals(expected.Header, actual.Header), $"Headers differ:\n{expected.Header}\n{actual.Header}");
        Assert.Equal(expected.Tensors.Select(t => t.Name), actual.Tensors.Select(t => t.Name));
        for (int i = 0; i < expected.Tensors.Count; i++)
        {
            Assert.Equal(expected.Tensors[i].Shape.ToArray(), actual.Tensors[i].Shape.ToArray());
            Assert.Equal(Bits(expected.Tensors[i]), Bits(actual.Tensors[i]));
        }
    }

    private static int[] Bits(NamedTensor tensor) => tensor.ToArray().Select(BitConverter.SingleToInt32Bits).ToArray();
}
