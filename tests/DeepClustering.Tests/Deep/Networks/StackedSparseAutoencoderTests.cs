using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Tensors;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Activations;
using DeepClustering.Tensors.NN.Layers;
using DeepClustering.Tensors.NN.Regularization;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Tensors.Tests.TestSupport;
using DeepClustering.Training;

namespace DeepClustering.Tests.Networks;

public sealed class StackedSparseAutoencoderTests : IDisposable
{
    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 2 });

    public void Dispose() => _backend.Dispose();

    [Fact]
    public void Hidden_layers_are_sigmoid_then_penalty_and_the_ends_are_linear()
    {
        var model = StackedSparseAutoencoder.Create(_backend, 20, [16, 8], 4, new RandomGenerator(1));
        Assert.Equal([typeof(Linear), typeof(Sigmoid), typeof(KlSparsityRegularizer), typeof(Linear), typeof(Sigmoid), typeof(KlSparsityRegularizer), typeof(Linear)],
            model.Encoder.Modules.Select(m => m.GetType()));
        Assert.Equal([typeof(Linear), typeof(Sigmoid), typeof(Linear), typeof(Sigmoid), typeof(Linear)],
            model.Decoder.Modules.Select(m => m.GetType()));
        Assert.Equal(model.Encoder.Modules.OfType<KlSparsityRegularizer>(), model.SparsityRegularizers);
        Assert.Equal((20, 4), (model.InputDimension, model.EmbeddingDimension));
        var widths = model.NamedParameters().Where(p => p.Name.EndsWith(".weight", StringComparison.Ordinal))
            .Select(p => $"{p.Name}:{p.Parameter.Value.Size(1)}->{p.Parameter.Value.Size(0)}");
        Assert.Equal(["encoder.0.weight:20->16", "encoder.3.weight:16->8", "encoder.6.weight:8->4",
            "decoder.0.weight:4->8", "decoder.2.weight:8->16", "decoder.4.weight:16->20"], widths);
        // 20·16+16 + 16·8+8 + 8·4+4 + 4·8+8 + 8·16+16 + 16·20+20 = 336 + 136 + 36 + 40 + 144 + 340.
        Assert.Equal(1032, model.Parameters().Sum(p => p.Value.Length));
    }

    [Fact]
    public void Dssec_autoencoder_has_the_dec_widths()
    {
        var model = StackedSparseAutoencoder.CreateDssec(_backend, 784, new RandomGenerator(1));
        Assert.Equal(3, model.SparsityRegularizers.Count);
        // 784·500+500 + 500·500+500 + 500·2000+2000 + 2000·10+10 + 10·2000+2000 + 2000·500+500 + 500·500+500
        // + 500·784+784 = 392,500 + 250,500 + 1,002,000 + 20,010 + 22,000 + 1,000,500 + 250,500 + 392,784.
        Assert.Equal(3_330_794, model.Parameters().Sum(p => p.Value.Length));
        Assert.Equal([2, 10], model.Encoder.Forward(new Tensor(_backend, 2, 784)).Shape.ToArray());
        Assert.All(model.SparsityRegularizers, r => Assert.Equal(StackedSparseAutoencoder.DssecSparsityWeight, r.Weight));
        Assert.Equal(StackedSparseAutoencoder.DssecSparsityWeight, model.Architecture!.SparsityWeight);
    }

    [Fact]
    public void Every_hidden_layer_gets_the_given_sparsity_options()
    {
        var options = new KlSparsityOptions { TargetActivation = 0.1, Weight = 0.5, Epsilon = 1e-4 };
        var model = StackedSparseAutoencoder.Create(_backend, 6, [5, 4], 2, new RandomGenerator(1), options);
        Assert.All(model.SparsityRegularizers, r => Assert.Equal((0.1, 0.5, 1e-4), (r.TargetActivation, r.Weight, r.Epsilon)));
    }

    [Fact]
    public void Sparsity_penalty_is_the_sum_of_the_hidden_layers_penalties()
    {
        var random = new RandomGenerator(2);
        var model = StackedSparseAutoencoder.Create(_backend, 6, [5, 4], 2, random);
        Assert.Equal(0, model.SparsityPenalty);
        model.Forward(TestData.Uniform(_backend, random, 0, 1, 8, 6));
        Assert.True(model.SparsityPenalty > 0);
        Assert.Equal(model.SparsityRegularizers.Sum(r => r.LastPenalty), model.SparsityPenalty, 12);
        Assert.Equal(ActivityRegularization.TotalPenalty(ActivityRegularization.FindAll(model)), model.SparsityPenalty, 12);
    }

    [Fact]
    public void Gradients_of_reconstruction_and_penalties_match_finite_differences()
    {
        var random = new RandomGenerator(3);
        var model = StackedSparseAutoencoder.Create(_backend, 6, [5, 4], 3, random,
            new KlSparsityOptions { TargetActivation = 0.1, Weight = 1 });
        var x = TestData.Uniform(_backend, random, -1, 1, 5, 6);
        var result = RegularizedGradientChecker.Check(model, x, GradientTolerance.Layers, upstreamScale: 4);
        result.AssertWithin(GradientTolerance.Layers);
        Assert.Equal(13, result.TensorNames.Count());   // the input and 6 weights and 6 biases
    }

    [Fact]
    public void Training_drives_the_hidden_units_mean_activations_toward_the_target()
    {
        var data = SmoothData(_backend, 200, 12, seed: 4);
        double Distance(StackedSparseAutoencoder model)
        {
            model.Forward(data);
            return model.SparsityRegularizers.Average(r => r.MeanActivations.ToArray().Average(m => Math.Abs(m - 0.05)));
        }

        StackedSparseAutoencoder Trained(double weight)
        {
            var model = StackedSparseAutoencoder.Create(_backend, 12, [16, 8], 3, new RandomGenerator(5), new KlSparsityOptions { Weight = weight });
            new AutoencoderTrainer(new AutoencoderTrainingOptions { Epochs = 100, BatchSize = 50, LearningRate = 2e-2f, Seed = 1 }).Train(model, data);
            return model;
        }

        double untrained = Distance(StackedSparseAutoencoder.Create(_backend, 12, [16, 8], 3, new RandomGenerator(5)));
        double withoutPenalty = Distance(Trained(0));
        double withPenalty = Distance(Trained(3));
        Assert.True(untrained > 0.3, $"untrained units average {untrained} from ρ");
        Assert.True(withPenalty < 0.01, $"with the penalty the units end {withPenalty} from ρ = 0.05 on average");
        Assert.True(withoutPenalty > 0.2, $"without the penalty {withoutPenalty}, with it {withPenalty}");
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        var random = new RandomGenerator(1);
        Assert.Throws<ArgumentException>(() => StackedSparseAutoencoder.Create(_backend, 6, [], 2, random));
        Assert.Throws<ArgumentOutOfRangeException>(() => StackedSparseAutoencoder.Create(_backend, 6, [4, 0], 2, random));
        Assert.Throws<ArgumentOutOfRangeException>(() => StackedSparseAutoencoder.Create(_backend, 0, [4], 2, random));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            StackedSparseAutoencoder.Create(_backend, 6, [4], 2, random, new KlSparsityOptions { TargetActivation = 1.5 }));
        Assert.Equal("TargetActivation", error.ParamName);
    }

    /// <summary>Rows in (0, 1): a sigmoid of a random 3-dimensional structure, so a small autoencoder can learn them.</summary>
    internal static Tensor SmoothData(CpuBackend backend, int rows, int columns, long seed)
    {
        var random = new RandomGenerator(seed);
        var basis = Enumerable.Range(0, 3 * columns).Select(_ => random.NextGaussian()).ToArray();
        var values = new float[rows * columns];
        for (int i = 0; i < rows; i++)
        {
            var coefficients = Enumerable.Range(0, 3).Select(_ => random.NextGaussian()).ToArray();
            for (int j = 0; j < columns; j++)
            {
                double z = coefficients[0] * basis[j] + coefficients[1] * basis[columns + j] + coefficients[2] * basis[2 * columns + j];
                values[i * columns + j] = (float)(1 / (1 + Math.Exp(-z)));
            }
        }

        return new Tensor(backend, values, rows, columns);
    }
}
