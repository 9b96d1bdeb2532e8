using DeepClustering.Data;
using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Refiners.Dec;
using DeepClustering.Tensors;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Activations;
using DeepClustering.Tensors.NN.Losses;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Tests.Refiners.Dec;
using DeepClustering.Training;

namespace DeepClustering.Tests.Networks.Managed;

/// <summary>
/// One training step through the seam on the managed engine: the step it takes is −lr times the gradient of
/// w_r·MSE + w_h·(the head's loss), checked against central finite differences of that total (SGD with lr = 1 and no
/// momentum, so that the step is the gradient itself).
/// </summary>
public sealed class ManagedNetworkTrainerTests : IDisposable
{
    // The engine's layer tolerance (tests/DeepClustering.Tensors.Tests/TestSupport/GradientChecker.cs): float32 forward
    // passes with h = 1e-2 give about 5e-5 of noise on a derivative; tanh keeps the truncation term below 1e-4 relative.
    private const double Step = 1e-2;
    private const double Absolute = 3e-4;
    private const double Relative = 3e-3;

    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 1 });

    public void Dispose() => _backend.Dispose();

    [Theory]
    [InlineData(1f, 0.5f)]      // IDEC: MSE + γ·KL
    [InlineData(0f, 1f)]        // DEC: KL alone, the decoder untouched
    [InlineData(1f, 0f)]        // pretraining: MSE alone (no head)
    public void A_step_follows_the_gradient_of_the_weighted_loss(float reconstructionWeight, float headWeight)
    {
        var (autoencoder, head, inputs) = Problem();
        using var network = autoencoder.AsNetwork();
        int[] rows = [0, 1, 2, 3, 4, 5];
        var mse = new MeanSquaredErrorLoss(_backend);
        var tensor = new Tensor(_backend, inputs.Values, inputs.Rows, inputs.Columns);
        double Total()
        {
            var z = autoencoder.Encoder.Forward(tensor);
            double total = 0;
            if (reconstructionWeight > 0)
            {
                total += reconstructionWeight * mse.Forward(autoencoder.Decoder.Forward(z), tensor);
            }

            return headWeight > 0 ? total + headWeight * head.Value(z.AsSpan()) : total;
        }

        var before = autoencoder.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter.Value.ToArray());
        double expectedTotal = Total();
        NetworkStepLosses losses;
        using (var trainer = network.CreateTrainer(inputs, new NetworkTrainerOptions
        {
            Optimizer = OptimizerKind.Sgd, LearningRate = 1f, ReconstructionWeight = reconstructionWeight, HeadWeight = headWeight,
        }))
        {
            losses = trainer.Step(rows, headWeight > 0 ? head : null);
        }

        Assert.Equal(expectedTotal, losses.Total, 1e-6);
        Assert.Equal(reconstructionWeight * losses.Reconstruction + headWeight * losses.Head, losses.Total, 1e-12);
        Assert.Equal(0.0, losses.Regularization);
        var after = autoencoder.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter.Value.ToArray());

        foreach (var (name, parameter) in autoencoder.NamedParameters())
        {
            parameter.Value.CopyFrom(before[name]);                                              // differences around the starting point
        }

        foreach (var (name, parameter) in autoencoder.NamedParameters())
        {
            var taken = before[name].Zip(after[name], (b, a) => (float)(b - a)).ToArray();       // lr = 1: the step is the gradient
            bool isDecoder = name.StartsWith("decoder.", StringComparison.Ordinal);
            if (isDecoder && reconstructionWeight == 0)
            {
                Assert.All(taken, g => Assert.Equal(0f, g));                                    // DEC leaves the decoder alone
                continue;
            }

            var numeric = DecAssert.CentralDifferences(before[name], x =>
            {
                parameter.Value.CopyFrom(x);
                return Total();
            }, Step);
            parameter.Value.CopyFrom(before[name]);
            Assert.True(numeric.Max(Math.Abs) > 20 * Absolute, $"{name}: the gradient is too small for the check to see a wrong sign.");
            DecAssert.Close(numeric, taken, Absolute, Relative, name);
        }
    }

    [Fact]
    public void A_step_needs_a_term_and_rows_of_the_inputs()
    {
        var (autoencoder, head, inputs) = Problem();
        using var network = autoencoder.AsNetwork();
        using var trainer = network.CreateTrainer(inputs, new NetworkTrainerOptions { ReconstructionWeight = 0f });
        Assert.Throws<InvalidOperationException>(() => trainer.Step([0, 1]));
        Assert.Equal("rows", Assert.Throws<ArgumentException>(() => trainer.Step([0, 6], head)).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentException>(() => trainer.Step([], head)).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() =>
            network.CreateTrainer(new DataMatrix(new float[8], 2, 4), new NetworkTrainerOptions())).ParamName);
        Assert.Equal("LearningRate", Assert.Throws<ArgumentOutOfRangeException>(() =>
            network.CreateTrainer(inputs, new NetworkTrainerOptions { LearningRate = 0f })).ParamName);
        Assert.Equal("Momentum", Assert.Throws<ArgumentOutOfRangeException>(() =>
            network.CreateTrainer(inputs, new NetworkTrainerOptions { Momentum = 0.5f })).ParamName);
    }

    [Fact]
    public void Training_mode_is_restored_and_embedding_all_rows_matches_the_network()
    {
        var (autoencoder, _, inputs) = Problem();
        using var network = autoencoder.AsNetwork();
        autoencoder.Eval();
        using (var trainer = network.CreateTrainer(inputs, new NetworkTrainerOptions()))
        {
            Assert.True(autoencoder.Encoder.IsTraining);
            Assert.Equal(network.Embed(inputs), trainer.EmbedAll());
            Assert.True(autoencoder.Encoder.IsTraining);
        }

        Assert.False(autoencoder.Encoder.IsTraining);
        Assert.False(autoencoder.Decoder.IsTraining);
    }

    /// <summary>A 3-4-2 tanh autoencoder, six inputs, and KL(P‖Q) against three centres and a random P as the head.</summary>
    private (Autoencoder Autoencoder, FixedTargetKl Head, DataMatrix Inputs) Problem()
    {
        var random = new RandomGenerator(7);
        var autoencoder = DenseAutoencoder.Create(_backend, 3, [4], 2, random, activation: b => new Tanh(b));
        var centres = Enumerable.Range(0, 6).Select(_ => (float)random.NextGaussian()).ToArray();
        var inputs = new DataMatrix(Enumerable.Range(0, 18).Select(_ => (float)random.NextGaussian()).ToArray(), 6, 3);
        var targets = new float[18];
        for (int i = 0; i < 6; i++)
        {
            double a = 0.1 + random.NextDouble(), b = 0.1 + random.NextDouble(), c = 0.1 + random.NextDouble();
            targets[3 * i] = (float)(a / (a + b + c));
            targets[3 * i + 1] = (float)(b / (a + b + c));
            targets[3 * i + 2] = 1f - targets[3 * i] - targets[3 * i + 1];
        }

        return (autoencoder, new FixedTargetKl(centres, targets), inputs);
    }

    /// <summary>KL(P‖Q) of all six rows against a fixed P and fixed centres (the batch is always rows 0…5 here).</summary>
    private sealed class FixedTargetKl(float[] centres, float[] targets) : IEmbeddingHead
    {
        public double Value(ReadOnlySpan<float> embeddings) =>
            ClusteringLoss.ValueAndGradients(embeddings, centres, 2, 1.0, targets, new float[embeddings.Length], new float[centres.Length]);

        public double LossAndGradient(ReadOnlySpan<int> rows, ReadOnlySpan<float> embeddings, Span<float> embeddingGradient) =>
            ClusteringLoss.ValueAndGradients(embeddings, centres, 2, 1.0, targets, embeddingGradient, new float[centres.Length]);
    }
}
