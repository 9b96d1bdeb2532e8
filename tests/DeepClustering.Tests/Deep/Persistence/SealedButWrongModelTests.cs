using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using DeepClustering.Persistence;

namespace DeepClustering.Tests.Persistence;

/// <summary>
/// Each finding of issue 16 about model files that are well sealed but wrong: every one is refused at load with an
/// <see cref="InvalidDataException"/> that names the file and what is wrong, before a network is built from it.
/// </summary>
public class SealedButWrongModelTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly byte[] Valid = SealedModelFiles.ValidModel();

    /// <summary>A header field (dotted path) set to a JSON value, and a fragment the refusal must contain.</summary>
    public static TheoryData<string, string, string> WrongFields => new()
    {
        // Wrong types.
        { "clusterCount", "\"4\"", "'clusterCount' is a string, not an integer" },
        { "clusterCount", "null", "'clusterCount' is null, not an integer" },
        { "clusterCount", "4.5", "'clusterCount' is 4.5, not an integer" },
        { "embeddingDimension", "[3]", "'embeddingDimension' is an array of 1, not an integer" },
        { "architecture", "\"Dense\"", "'architecture' is a string, not an object" },
        { "architecture.EmbeddingDimension", "\"3\"", "'architecture.EmbeddingDimension' is a string, not an integer" },
        { "architecture.HiddenWidths", "[[8]]", "'architecture.HiddenWidths[0]' is an array of 1, not an integer" },
        { "architecture.HiddenWidths", "8", "'architecture.HiddenWidths' is the number 8, not an array of integers" },
        { "architecture.HiddenWidths", "null", "'architecture.HiddenWidths' is null, not an array of integers" },
        { "architecture.InputShape", "[[12]]", "'architecture.InputShape[0]' is an array of 1, not an integer" },
        { "architecture.InputShape", "{}", "'architecture.InputShape' is an object, not an array of integers" },
        { "architecture.Kind", "2", "'architecture.Kind' is the number 2, not a string" },
        { "architecture.Kind", "\"Dens\"", "'architecture.Kind' is 'Dens', not one of Convolutional, KwonLee, Dense, StackedSparse" },
        { "architecture.Activation", "null", "'architecture.Activation' is null, not a string" },
        { "architecture.SparsityTarget", "\"0.05\"", "'architecture.SparsityTarget' is a string, not a number" },
        { "info", "null", "'info' is null, not an object" },
        { "info.Encoder", "null", "'info.Encoder' is null, not a string" },
        { "info.Seed", "1.5", "'info.Seed' is 1.5, not an integer" },
        { "info.Seed", "\"7\"", "'info.Seed' is a string, not an integer" },
        { "info.RefinementIterations", "-1", "'info.RefinementIterations' is -1; it must be between 0 and" },
        { "info.Converged", "\"yes\"", "'info.Converged' is a string, not true or false" },
        { "info.Canceled", "1", "'info.Canceled' is the number 1, not true or false" },
        { "preprocessing.inputShape", "[13]", "'preprocessing.inputShape' is [13], but its architecture's InputShape is [12]" },
        { "preprocessing.transform", "\"zscore\"", "'preprocessing.transform' is 'zscore'" },
        { "alpha", "\"1\"", "'alpha' is a string, not a number" },
        { "alpha", "null", "'alpha' is null, not a number" },

        // Out of range, or disagreeing with another field or with the tensors.
        { "architecture.HiddenWidths", "[-5]", "'architecture.HiddenWidths[0]' is -5; it must be between 1 and" },
        { "architecture.HiddenWidths", "[0]", "'architecture.HiddenWidths[0]' is 0; it must be between 1 and" },
        { "architecture.HiddenWidths", "[2147483647]", "'architecture.HiddenWidths[0]' is 2147483647; it must be between 1 and" },
        { "architecture.HiddenWidths", "[9]", "the parameter 'encoder.0.weight' the shape [9, 12], but the tensor 'autoencoder.encoder.0.weight' has the shape [8, 12]" },
        { "architecture.HiddenWidths", "[]", "the parameter 'encoder.0.weight' the shape [3, 12]" },
        { "architecture.HiddenWidths", "[8, 8]", "the parameter 'encoder.2.weight' the shape [8, 8]" },
        { "architecture.InputShape", "[0]", "'architecture.InputShape[0]' is 0; it must be between 1 and" },
        { "architecture.InputShape", "[1, 3, 4]", "'preprocessing.inputShape' is [12], but its architecture's InputShape is [1, 3, 4]" },
        { "architecture.InputShape", "[1, 2, 3, 4]", "'architecture.InputShape' has 4 elements; at most 3 are allowed" },
        { "architecture.EmbeddingDimension", "0", "'architecture.EmbeddingDimension' is 0; it must be between 1 and" },
        { "embeddingDimension", "0", "'embeddingDimension' is 0; it must be between 1 and" },
        { "embeddingDimension", "4", "its header says embeddingDimension 4, but its architecture's EmbeddingDimension is 3" },
        { "clusterCount", "0", "'clusterCount' is 0; it must be between 1 and" },
        { "clusterCount", "5", "its centres have the shape [4, 3], but its header says 5 clusters" },
        { "clusterCount", "-4", "'clusterCount' is -4; it must be between 1 and" },
        { "architecture.Kind", "\"StackedSparse\"", "the parameter 'encoder.3.weight'" },
        { "architecture.Kind", "\"Convolutional\"", "takes [channels, height, width], not an input shape of 1 dimensions" },
        { "architecture.SparsityTarget", "0.05", "its Dense architecture has a sparsity target or weight" },
        { "alpha", "0", "'alpha' (the Student's t α) is 0; it must be positive and finite" },
        { "alpha", "-1", "'alpha' (the Student's t α) is -1; it must be positive and finite" },
        { "kind", "\"DeepClustering.Other\"", "holds a 'DeepClustering.Other', not a DeepClustering.DeepClusteringModel" },
        { "kind", "7", "'kind' is the number 7, not a string" },
    };

    [Theory]
    [MemberData(nameof(WrongFields))]
    public void A_header_field_of_the_wrong_type_or_out_of_range_is_refused_naming_the_field(string path, string json, string fragment)
    {
        var bytes = SealedModelFiles.WithHeader(Valid, header => Set(header, path, JsonNode.Parse(json)));

        SealedModelFiles.AssertRefused(bytes, fragment);
    }

    [Theory]
    [InlineData("architecture")]
    [InlineData("architecture.Kind")]
    [InlineData("architecture.HiddenWidths")]
    [InlineData("clusterCount")]
    [InlineData("info")]
    [InlineData("info.Seed")]
    [InlineData("preprocessing")]
    public void A_missing_header_field_is_refused_naming_it(string path)
    {
        var bytes = SealedModelFiles.WithHeader(Valid, header => Remove(header, path));

        SealedModelFiles.AssertRefused(bytes, $"its header has no field '{path}'");
    }

    [Fact]
    public void An_input_shape_of_the_wrong_rank_for_the_kind_is_refused()
    {
        var bytes = SealedModelFiles.WithHeader(Valid, header =>
        {
            Set(header, "architecture.InputShape", new JsonArray(1, 3, 4));
            Set(header, "preprocessing.inputShape", new JsonArray(1, 3, 4));
        });

        SealedModelFiles.AssertRefused(bytes, "its architecture cannot be built: A Dense autoencoder takes [features], not an input shape of 3 dimensions");
    }

    [Fact]
    public void A_header_number_written_as_NaN_text_or_beyond_double_is_refused()
    {
        SealedModelFiles.AssertRefused(SealedModelFiles.WithHeaderText(Valid, t => t.Replace("\"alpha\": 1", "\"alpha\": 1e400", StringComparison.Ordinal)),
            "'alpha' is 1e400, not a finite number");
        SealedModelFiles.AssertRefused(SealedModelFiles.WithHeaderText(Valid, t => t.Replace("\"alpha\": 1", "\"alpha\": NaN", StringComparison.Ordinal)),
            "its header is not valid JSON");
    }

    [Theory]
    [InlineData(12000)]
    [InlineData(46000)]
    public void Huge_hidden_widths_in_a_small_file_are_refused_quickly_without_allocating_the_network(int width)
    {
        var bytes = SealedModelFiles.WithHeader(Valid, header => Set(header, "architecture.HiddenWidths", new JsonArray(width, width)));
        Assert.True(bytes.Length < 4096, $"{bytes.Length} bytes");
        SealedModelFiles.AssertRefused(bytes); // Warm up the code paths, so that the measurement below counts the load only.

        var clock = Stopwatch.StartNew();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = SealedModelFiles.AssertRefused(bytes, $"the parameter 'encoder.0.weight' the shape [{width}, 12]");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"HiddenWidths [{width}, {width}] in a {bytes.Length}-byte file: refused after allocating {allocated} bytes in {clock.Elapsed.TotalMilliseconds:F1} ms");
        Assert.True(allocated < 64L << 20, $"loading allocated {allocated} bytes: {error.Message}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"loading took {clock.Elapsed}");
    }

    [Fact]
    public void An_invalid_UTF8_byte_in_a_header_string_is_refused_at_load()
    {
        byte[] header = SealedModelFiles.HeaderBytes(Valid);
        int at = Encoding.UTF8.GetString(header).IndexOf("\"kmeans\"", StringComparison.Ordinal) + 1;
        header[at] = 0xFF;

        SealedModelFiles.AssertRefused(SealedModelFiles.WithHeaderBytes(Valid, header), "its header is not valid UTF-8");
    }

    [Theory]
    [InlineData("centers", 0, float.NaN)]
    [InlineData("centers", 11, float.PositiveInfinity)]
    [InlineData("autoencoder.encoder.0.weight", 5, float.NaN)]
    [InlineData("autoencoder.encoder.0.bias", 0, float.NegativeInfinity)]
    [InlineData("autoencoder.decoder.2.weight", 3, float.NaN)]
    public void A_NaN_or_infinite_parameter_or_centre_is_refused_at_load(string tensor, int index, float value)
    {
        var bytes = SealedModelFiles.WithValue(Valid, tensor, index, value);

        SealedModelFiles.AssertRefused(bytes, $"its tensor '{tensor}' holds {value} at position {index}");
    }

    [Fact]
    public void A_finite_weight_that_overflows_on_the_data_is_reported_as_the_models_fault_not_the_callers()
    {
        var bytes = SealedModelFiles.WithTensors(Valid, ts => ts.Select(t =>
            t.Name == "autoencoder.encoder.0.weight" ? new NamedTensor(t.Name, Enumerable.Repeat(float.MaxValue / 4, t.Length).ToArray(), t.Shape.ToArray()) : t));
        using var model = SealedModelFiles.Load(bytes);
        var data = new DeepClustering.Data.DataMatrix(Enumerable.Repeat(10f, 2 * 12).ToArray(), 2, 12);

        var error = Assert.Throws<InvalidOperationException>(() => model.Predict(data));

        Assert.Contains("its parameters overflow single precision on these data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_parameter_is_refused_naming_it()
    {
        var bytes = SealedModelFiles.WithTensors(Valid, ts => ts.Where(t => t.Name != "autoencoder.encoder.0.bias"));

        SealedModelFiles.AssertRefused(bytes, "has the parameter 'encoder.0.bias' [8], but the file holds no tensor 'autoencoder.encoder.0.bias'");
    }

    [Fact]
    public void Missing_centres_are_refused()
    {
        var bytes = SealedModelFiles.WithTensors(Valid, ts => ts.Where(t => t.Name != "centers"));

        SealedModelFiles.AssertRefused(bytes, "it holds no tensor 'centers'");
    }

    [Fact]
    public void Centres_of_the_wrong_rank_or_width_are_refused()
    {
        SealedModelFiles.AssertRefused(
            SealedModelFiles.WithTensors(Valid, ts => ts.Select(t => t.Name == "centers" ? new NamedTensor("centers", t.Values, 12) : t)),
            "its centres have the shape [12]");
        SealedModelFiles.AssertRefused(
            SealedModelFiles.WithTensors(Valid, ts => ts.Select(t => t.Name == "centers" ? new NamedTensor("centers", t.Values, 3, 4) : t)),
            "its centres have the shape [3, 4]");
    }

    [Fact]
    public void A_parameter_of_another_shape_or_size_is_refused_naming_both_shapes()
    {
        SealedModelFiles.AssertRefused(
            SealedModelFiles.WithTensors(Valid, ts => ts.Select(t => t.Name == "autoencoder.encoder.0.weight" ? new NamedTensor(t.Name, t.Values, 12, 8) : t)),
            "gives the parameter 'encoder.0.weight' the shape [8, 12], but the tensor 'autoencoder.encoder.0.weight' has the shape [12, 8]");
        SealedModelFiles.AssertRefused(
            SealedModelFiles.WithTensors(Valid, ts => ts.Select(t => t.Name == "autoencoder.encoder.0.bias" ? new NamedTensor(t.Name, new float[9], 9) : t)),
            "gives the parameter 'encoder.0.bias' the shape [8], but the tensor 'autoencoder.encoder.0.bias' has the shape [9]");
    }

    [Fact]
    public void A_renamed_parameter_is_refused()
    {
        var bytes = SealedModelFiles.WithTensors(Valid, ts => ts.Select(t => t.Name == "autoencoder.decoder.0.weight" ? t.WithName("autoencoder.decoder.1.weight") : t));

        SealedModelFiles.AssertRefused(bytes, "the file holds no tensor 'autoencoder.decoder.0.weight'");
    }

    [Theory]
    [InlineData("autoencoder.encoder.9.weight", "is no parameter of its Dense architecture")]
    [InlineData("notes", "is neither a parameter of its autoencoder nor its centres")]
    public void An_extra_tensor_is_refused(string name, string fragment)
    {
        var bytes = SealedModelFiles.WithTensors(Valid, ts => [.. ts, new NamedTensor(name, [1f, 2f], 2)]);

        SealedModelFiles.AssertRefused(bytes, $"its tensor '{name}' [2] {fragment}");
    }

    [Fact]
    public void An_unchanged_file_resealed_by_the_helper_still_loads()
    {
        using var model = SealedModelFiles.Load(SealedModelFiles.WithHeader(Valid, _ => { }));
        Assert.Equal(SealedModelFiles.ClusterCount, model.ClusterCount);
    }

    internal static void Set(JsonObject header, string path, JsonNode? value)
    {
        var (parent, name) = Parent(header, path);
        parent[name] = value;
    }

    internal static void Remove(JsonObject header, string path)
    {
        var (parent, name) = Parent(header, path);
        Assert.True(parent.Remove(name), path);
    }

    private static (JsonObject Parent, string Name) Parent(JsonObject header, string path)
    {
        string[] parts = path.Split('.');
        var parent = header;
        foreach (string part in parts[..^1])
        {
            parent = parent[part]!.AsObject();
        }

        return (parent, parts[^1]);
    }
}
