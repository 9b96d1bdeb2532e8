using System.Text;
using System.Text.Json.Nodes;
using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Persistence;
using DeepClustering.Pipeline;

namespace DeepClustering.Tests.Persistence;

/// <summary>
/// Model files that are well sealed but wrong: a valid saved <see cref="DeepClusteringModel"/> whose header or
/// tensors are edited and whose length and SHA-256 are then recomputed exactly as the writer computes them, as a
/// writer with a bug or a hand edit makes. Only the loader's own checks can catch what is wrong with them.
/// </summary>
internal static class SealedModelFiles
{
    /// <summary>The architecture of the small model: 12 features, one hidden layer of 8, an embedding of 3.</summary>
    public static AutoencoderArchitecture SmallDense { get; } = new(AutoencoderKind.Dense, [12], 3, [8], HiddenActivation.ReLU);

    /// <summary>A small stacked sparse architecture, whose parameters are named differently.</summary>
    public static AutoencoderArchitecture SmallSparse { get; } =
        new(AutoencoderKind.StackedSparse, [12], 3, [6, 5], HiddenActivation.Sigmoid, 0.05, 1e-5);

    /// <summary>The clusters of the small models.</summary>
    public const int ClusterCount = 4;

    /// <summary>The bytes of a valid model of <paramref name="architecture"/> (seeded weights, fixed centres), as <see cref="DeepClusteringModel.Save"/> writes them.</summary>
    public static byte[] ValidModel(AutoencoderArchitecture? architecture = null, double alpha = 1.0)
    {
        architecture ??= SmallDense;
        var network = new ManagedNetworkBackend(threads: 1).Create(architecture, ComputeDevice.Cpu, seed: 7);
        var centers = Enumerable.Range(0, ClusterCount * architecture.EmbeddingDimension).Select(i => MathF.Cos(i) * 0.5f).ToArray();
        var info = new DeepClusteringModelInfo("dense", "kmeans", "idec", Seed: 7, PretrainSeconds: 1.25, Seconds: 2.5,
            RefinementIterations: 30, Converged: true, Backend: "managed", Device: "cpu");
        using var model = new DeepClusteringModel(network, centers, [], [], info, alpha);
        using var folder = new Data.TemporaryFolder();
        string path = folder.File("valid.dclm");
        model.Save(path);
        return File.ReadAllBytes(path);
    }

    /// <summary>The file's content, read without the model's checks.</summary>
    public static ModelFile Content(byte[] bytes) => ModelFile.Read(new MemoryStream(bytes), "sample");

    /// <summary>The model with its header edited by <paramref name="edit"/>, written and sealed by the writer.</summary>
    public static byte[] WithHeader(byte[] bytes, Action<JsonObject> edit)
    {
        var content = Content(bytes);
        edit(content.Header);
        return ModelFileSamples.Bytes(content);
    }

    /// <summary>The model with its tensors replaced by what <paramref name="edit"/> makes of them, written and sealed by the writer.</summary>
    public static byte[] WithTensors(byte[] bytes, Func<IReadOnlyList<NamedTensor>, IEnumerable<NamedTensor>> edit)
    {
        var content = Content(bytes);
        return ModelFileSamples.Bytes(new ModelFile(content.Header, edit(content.Tensors)));
    }

    /// <summary>The model with one value of the tensor <paramref name="name"/> replaced.</summary>
    public static byte[] WithValue(byte[] bytes, string name, int index, float value) => WithTensors(bytes, tensors => tensors.Select(t =>
    {
        if (t.Name != name)
        {
            return t;
        }

        var values = t.ToArray();
        values[index] = value;
        return new NamedTensor(t.Name, values, t.Shape.ToArray());
    }));

    /// <summary>The model with its header bytes replaced by <paramref name="header"/> as they are, then resealed.</summary>
    public static byte[] WithHeaderBytes(byte[] bytes, ReadOnlySpan<byte> header)
    {
        int end = ModelFileSamples.TensorCountOffset(bytes);
        byte[] spliced = [.. bytes.AsSpan(0, ModelFileSamples.HeaderLengthOffset), .. new byte[4], .. header, .. bytes.AsSpan(end)];
        ModelFileSamples.WriteUInt32(spliced, ModelFileSamples.HeaderLengthOffset, (uint)header.Length);
        return ModelFileSamples.Reseal(spliced);
    }

    /// <summary>The header bytes of a model file, as stored.</summary>
    public static byte[] HeaderBytes(byte[] bytes) =>
        bytes[(ModelFileSamples.HeaderLengthOffset + sizeof(uint))..ModelFileSamples.TensorCountOffset(bytes)];

    /// <summary>The model with the header's text edited.</summary>
    public static byte[] WithHeaderText(byte[] bytes, Func<string, string> edit) =>
        WithHeaderBytes(bytes, Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(HeaderBytes(bytes)))));

    /// <summary>Writes <paramref name="bytes"/> to a file and returns what loading it throws, asserting it is an <see cref="InvalidDataException"/> naming the file.</summary>
    public static InvalidDataException AssertRefused(byte[] bytes, params string[] fragments)
    {
        using var folder = new Data.TemporaryFolder();
        string path = folder.File("edited.dclm");
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<InvalidDataException>(() => DeepClusteringModel.Load(path, threads: 1).Dispose());
        Assert.Contains($"'{path}'", error.Message, StringComparison.Ordinal);
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        }

        return error;
    }

    /// <summary>Writes <paramref name="bytes"/> to a file and loads it.</summary>
    public static DeepClusteringModel Load(byte[] bytes)
    {
        using var folder = new Data.TemporaryFolder();
        string path = folder.File("model.dclm");
        File.WriteAllBytes(path, bytes);
        return DeepClusteringModel.Load(path, threads: 1);
    }
}
