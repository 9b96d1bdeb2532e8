using System.Buffers.Binary;
using System.Text.Json.Nodes;
using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.NN;

namespace DeepClustering.Tensors.Tests.Parity;

/// <summary>
/// The PyTorch reference values of the layers: Golden/layers.json (cases, their generated inputs and scalar
/// results) and Golden/layers.bin (float32 little-endian tensor results), written by make_torch_reference.py.
/// </summary>
internal sealed class LayerGolden
{
    private static readonly Lazy<LayerGolden> s_instance = new(Load);

    private readonly Dictionary<string, GoldenCase> _cases;

    private LayerGolden(JsonNode root, float[] blob)
    {
        Root = root;
        _cases = root["cases"]!.AsArray()
            .Select(c => new GoldenCase(c!, blob))
            .ToDictionary(c => c.Name);
    }

    public static LayerGolden Instance => s_instance.Value;

    public JsonNode Root { get; }

    public IReadOnlyCollection<GoldenCase> Cases => _cases.Values;

    public static GoldenCase Case(string name) => Instance._cases[name];

    /// <summary>The names of the cases of one kind, for a theory.</summary>
    public static TheoryData<string> Names(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var c in Instance._cases.Values.Where(c => c.Kind == kind))
        {
            data.Add(c.Name);
        }

        return data;
    }

    private static LayerGolden Load()
    {
        string directory = Path.Combine(AppContext.BaseDirectory, "Parity", "Golden");
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "layers.json")))!;
        byte[] bytes = File.ReadAllBytes(Path.Combine(directory, root["binary_file"]!.GetValue<string>()));
        var blob = new float[bytes.Length / 4];
        for (int i = 0; i < blob.Length; i++)
        {
            blob[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(4 * i, 4));
        }

        return new LayerGolden(root, blob);
    }
}

/// <summary>One case of layers.json.</summary>
internal sealed class GoldenCase(JsonNode node, float[] blob)
{
    public string Name { get; } = node["name"]!.GetValue<string>();

    public string Kind { get; } = node["kind"]!.GetValue<string>();

    public JsonNode Config { get; } = node["config"]!;

    public IEnumerable<string> OutputNames => node["outputs"]!.AsObject().Select(o => o.Key);

    public int ConfigInt(string key) => Config[key]!.GetValue<int>();

    public float ConfigFloat(string key) => (float)Config[key]!.GetValue<double>();

    public bool ConfigBool(string key) => Config[key]!.GetValue<bool>();

    public bool HasInput(string key) => node["inputs"]![key] is not null;

    public GeneratedTensor Input(string key) =>
        GeneratedTensor.Parse(node["inputs"]![key] ?? throw new KeyNotFoundException($"{Name} has no input '{key}'."));

    public Tensor InputTensor(IComputeBackend backend, string key) => Input(key).ToTensor(backend);

    /// <summary>Copies a generated input into a parameter, checking its shape.</summary>
    public void LoadParameter(Parameter parameter, string key)
    {
        var input = Input(key);
        Assert.Equal(input.Shape, parameter.Value.Shape.ToArray());
        input.Values().CopyTo(parameter.Value.AsSpan());
    }

    public int[] OutputShape(string key) => Output(key).AsObject()["shape"]!.AsArray().Select(d => d!.GetValue<int>()).ToArray();

    public float[] OutputValues(string key)
    {
        var output = Output(key);
        int offset = output["offset"]!.GetValue<int>();
        int length = OutputShape(key).Aggregate(1, (a, b) => a * b);
        return blob.AsSpan(offset, length).ToArray();
    }

    public double Scalar(string key) => node["scalars"]![key]!.GetValue<double>();

    /// <summary>Asserts that <paramref name="actual"/> has the reference's shape and values.</summary>
    public void AssertOutput(string key, Tensor actual, float factor = 1f)
    {
        var shape = OutputShape(key);
        Assert.True(shape.AsSpan().SequenceEqual(actual.Shape),
            $"{Name} {key}: shape {TensorShape.Format(actual.Shape)}, torch {TensorShape.Format(shape)}");
        var expected = OutputValues(key);
        if (factor != 1f)
        {
            for (int i = 0; i < expected.Length; i++)
            {
                expected[i] *= factor;
            }
        }

        ParityAssert.Close($"{Name} {key}", actual.AsSpan(), expected, shape);
    }

    public override string ToString() => Name;

    private JsonNode Output(string key) =>
        node["outputs"]![key] ?? throw new KeyNotFoundException($"{Name} has no output '{key}'.");
}
