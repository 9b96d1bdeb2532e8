using System.Text.Json.Nodes;
using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Persistence;
using DeepClustering.Tensors;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Tests.Data;

namespace DeepClustering.Tests.Persistence;

public class ModuleParametersTests
{
    private static readonly int[] s_widths = [7, 5];

    [Fact]
    public void Every_parameter_is_stored_under_the_prefix_with_its_shape_and_values()
    {
        using var backend = new CpuBackend(new CpuBackendOptions { Threads = 1 });
        var network = DenseAutoencoder.Create(backend, 6, s_widths, 3, new RandomGenerator(1));

        var tensors = ModuleParameters.ToTensors(network, "network.");

        var parameters = network.NamedParameters().ToList();
        Assert.Equal(parameters.Select(p => "network." + p.Name), tensors.Select(t => t.Name));
        Assert.Equal("network.encoder.0.weight", tensors[0].Name);
        for (int i = 0; i < parameters.Count; i++)
        {
            Assert.Equal(parameters[i].Parameter.Value.Shape.ToArray(), tensors[i].Shape.ToArray());
            Assert.Equal(parameters[i].Parameter.Value.ToArray(), tensors[i].ToArray());
        }
    }

    [Fact]
    public void A_convolutional_autoencoder_loaded_from_a_file_predicts_exactly_like_the_saved_one()
    {
        using var backend = new CpuBackend(new CpuBackendOptions { Threads = 2 });
        var saved = ConvolutionalAutoencoder.Create(backend, 1, 10, new RandomGenerator(1));
        var centres = new float[30];
        var random = new RandomGenerator(3);
        for (int i = 0; i < centres.Length; i++)
        {
            centres[i] = (float)random.NextGaussian();
        }

        using var folder = new TemporaryFolder();
        string path = folder.File("dcec.dclm");
        new ModelFile(new JsonObject { ["kind"] = "dcec" }, [.. ModuleParameters.ToTensors(saved, "network."), new NamedTensor("centres", centres, 3, 10)])
            .Write(path);
        var loaded = ConvolutionalAutoencoder.Create(backend, 1, 10, new RandomGenerator(2));
        var input = RandomImages(backend, 4, new RandomGenerator(4));
        saved.Eval();
        loaded.Eval();
        float[] expected = saved.Forward(input).ToArray();
        float[] expectedEmbedding = saved.Embedding!.ToArray();
        Assert.NotEqual(expected, loaded.Forward(input).ToArray());

        var file = ModelFile.Read(path);
        ModuleParameters.Load(loaded, file, "network.");

        Assert.Equal(Bits(expected), Bits(loaded.Forward(input).ToArray()));
        Assert.Equal(Bits(expectedEmbedding), Bits(loaded.Embedding!.ToArray()));
        Assert.Equal(Bits(centres), Bits(file.GetTensor("centres").ToArray()));
    }

    [Fact]
    public void A_module_saved_alone_loads_with_an_empty_prefix()
    {
        using var backend = new CpuBackend(new CpuBackendOptions { Threads = 1 });
        var saved = DenseAutoencoder.Create(backend, 6, s_widths, 3, new RandomGenerator(1));
        var file = Reread(new ModelFile([], ModuleParameters.ToTensors(saved)));
        var loaded = DenseAutoencoder.Create(backend, 6, s_widths, 3, new RandomGenerator(2));

        ModuleParameters.Load(loaded, file);

        Assert.Equal(Values(saved), Values(loaded));
    }

    [Fact]
    public void A_shape_mismatch_names_the_parameter_and_both_shapes_and_changes_nothing()
    {
        using var backend = new CpuBackend(new CpuBackendOptions { Threads = 1 });
        var saved = DenseAutoencoder.Create(backend, 6, [7, 4], 3, new RandomGenerator(1));
        var file = Reread(new ModelFile([], ModuleParameters.ToTensors(saved, "network.")));
        var other = DenseAutoencoder.Create(backend, 6, s_widths, 3, new RandomGenerator(2));
        var before = Values(other);

        var refusal = Assert.Throws<InvalidDataException>(() => ModuleParameters.Load(other, file, "network."));

        Assert.Equal(
            "'memory.dclm' does not fit the module: parameter 'encoder.2.weight' has shape [5, 7] in the module but tensor " +
            "'network.encoder.2.weight' has shape [4, 7] in the file.",
            refusal.Message);
        Assert.Equal(before, Values(other));
    }

    [Fact]
    public void A_missing_parameter_is_named_with_its_shape()
    {
        using var backend = new CpuBackend(new CpuBackendOptions { Threads = 1 });
        var network = DenseAutoencoder.Create(backend, 6, s_widths, 3, new RandomGenerator(1));
        var file = Reread(new ModelFile([], ModuleParameters.ToTensors(network, "network.").Where(t => t.Name != "network.decoder.0.bias")));

        var refusal = Assert.Throws<InvalidDataException>(() => ModuleParameters.Load(network, file, "network."));

        Assert.StartsWith("'memory.dclm' holds no tensor 'network.decoder.0.bias' for the module's parameter 'decoder.0.bias' of shape [5]",
            refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_the_module_does_not_have_is_refused()
    {
        using var backend = new CpuBackend(new CpuBackendOptions { Threads = 1 });
        var network = DenseAutoencoder.Create(backend, 6, s_widths, 3, new RandomGenerator(1));
        var file = Reread(new ModelFile([], [.. ModuleParameters.ToTensors(network, "network."), new NamedTensor("network.extra", [1f], 1), new NamedTensor("centres", [1f], 1)]));

        var refusal = Assert.Throws<InvalidDataException>(() => ModuleParameters.Load(network, file, "network."));
        Assert.Contains("its tensor 'network.extra' of shape [1] is under the prefix 'network.' but no parameter of the module", refusal.Message, StringComparison.Ordinal);

        var withoutPrefix = Reread(new ModelFile([], [.. ModuleParameters.ToTensors(network), new NamedTensor("centres", [1f], 1)]));
        refusal = Assert.Throws<InvalidDataException>(() => ModuleParameters.Load(network, withoutPrefix));
        Assert.Contains("its tensor 'centres' of shape [1] is no parameter of the module", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_created_in_memory_is_described_as_such()
    {
        using var backend = new CpuBackend(new CpuBackendOptions { Threads = 1 });
        var network = DenseAutoencoder.Create(backend, 6, s_widths, 3, new RandomGenerator(1));

        var refusal = Assert.Throws<InvalidDataException>(() => ModuleParameters.Load(network, new ModelFile([], [])));

        Assert.StartsWith("The model (not read from a file) holds no tensor 'encoder.0.weight'", refusal.Message, StringComparison.Ordinal);
    }

    private static ModelFile Reread(ModelFile file) => ModelFile.Read(new MemoryStream(ModelFileSamples.Bytes(file)), "memory.dclm");

    private static Dictionary<string, float[]> Values(Module module) => module.GetParameterValues().ToDictionary();

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();

    private static Tensor RandomImages(CpuBackend backend, int count, RandomGenerator random)
    {
        var images = new Tensor(backend, count, 1, 28, 28);
        var values = images.AsSpan();
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.NextSingle();
        }

        return images;
    }
}
