using DeepClustering.Networks.Managed;
using DeepClustering.Networks;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN.Losses;
using DeepClustering.Tensors.Optimizers;
using DeepClustering.Tensors;
using DeepClustering.Training;
using DeepClustering;

namespace DeepClustering.Tests.Training;

public sealed class AutoencoderTrainerTests : IDisposable
{
    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 2 });

    public void Dispose() => _backend.Dispose();

    [Fact]
    public void Training_lowers_the_reconstruction_loss_and_reports_every_batch()
    {
        var data = LowRankData(300, 20, seed: 3);
        var model = DenseAutoencoder.Create(_backend, 20, [32], 4, new RandomGenerator(1));
        var reports = new List<AutoencoderTrainingProgress>();
        var trainer = new AutoencoderTrainer(new AutoencoderTrainingOptions { Epochs = 15, BatchSize = 64, LearningRate = 3e-3f, Seed = 7 });

        var result = trainer.Train(model, data, new SynchronousProgress<AutoencoderTrainingProgress>(reports.Add));

        Assert.Equal(15, result.EpochLosses.Count);
        Assert.True(result.EpochLosses[^1] < 0.5 * result.EpochLosses[0],
            $"loss went from {result.EpochLosses[0]} to {result.EpochLosses[^1]}");
        Assert.Equal(15 * 5, reports.Count);
        Assert.Equal(new AutoencoderTrainingProgress(15, 15, 5, 5, result.EpochLosses[^1]), reports[^1]);
    }

    [Fact]
    public void The_same_seeds_give_bit_identical_weights_and_another_seed_does_not()
    {
        float[] Train(long shuffleSeed)
        {
            var model = ConvolutionalAutoencoder.Create(_backend, 1, 3, new RandomGenerator(11));
            var trainer = new AutoencoderTrainer(new AutoencoderTrainingOptions { Epochs = 2, BatchSize = 16, Seed = shuffleSeed });
            trainer.Train(model, RandomImages(40, seed: 5));
            return model.Parameters().SelectMany(p => p.Value.ToArray()).ToArray();
        }

        Assert.Equal(Train(1), Train(1));
        Assert.NotEqual(Train(1), Train(2));
    }

    [Fact]
    public void Cancellation_stops_training_between_batches()
    {
        var model = DenseAutoencoder.Create(_backend, 20, [8], 2, new RandomGenerator(1));
        using var cancellation = new CancellationTokenSource();
        var trainer = new AutoencoderTrainer(new AutoencoderTrainingOptions { Epochs = 100, BatchSize = 10 });
        int batches = 0;
        var progress = new SynchronousProgress<AutoencoderTrainingProgress>(_ =>
        {
            if (++batches == 3)
            {
                cancellation.Cancel();
            }
        });

        Assert.Throws<OperationCanceledException>(() => trainer.Train(model, LowRankData(50, 20, seed: 1), progress, cancellation.Token));
        Assert.Equal(3, batches);
    }

    [Theory]
    [InlineData(0, 256, 1e-3f, "Epochs")]
    [InlineData(1, 0, 1e-3f, "BatchSize")]
    [InlineData(1, 256, 0f, "LearningRate")]
    [InlineData(1, 256, float.NaN, "LearningRate")]
    public void Invalid_options_are_refused_naming_the_option(int epochs, int batchSize, float learningRate, string name)
    {
        var options = new AutoencoderTrainingOptions { Epochs = epochs, BatchSize = batchSize, LearningRate = learningRate };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AutoencoderTrainer(options));
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void Sgd_pretraining_takes_the_steps_of_the_engines_sgd_with_the_given_rate_and_momentum()
    {
        var data = LowRankData(48, 20, seed: 4);
        var trained = DenseAutoencoder.Create(_backend, 20, [16], 4, new RandomGenerator(1));
        var initial = Weights(trained);
        new AutoencoderTrainer(new AutoencoderTrainingOptions
        {
            Epochs = 3, BatchSize = 48, Shuffle = false, Optimizer = OptimizerKind.Sgd, LearningRate = 0.5f, Momentum = 0.8f,
        }).Train(trained, data);

        var byHand = DenseAutoencoder.Create(_backend, 20, [16], 4, new RandomGenerator(1));
        var sgd = new Sgd(byHand.Parameters(), new SgdOptions { LearningRate = 0.5f, Momentum = 0.8f });
        var loss = new MeanSquaredErrorLoss(_backend);
        byHand.Train();
        for (int step = 0; step < 3; step++)
        {
            sgd.ZeroGradient();
            loss.Forward(byHand.Forward(data), data);
            byHand.Backward(loss.Backward());
            sgd.Step();
        }

        Assert.NotEqual(initial, Weights(trained));
        Assert.Equal(Weights(byHand), Weights(trained));
    }

    [Fact]
    public void The_learning_rate_and_momentum_default_by_optimizer_to_dec_keras_sgd_and_keras_adam()
    {
        var sgd = new AutoencoderTrainingOptions { Optimizer = OptimizerKind.Sgd };
        var adam = new AutoencoderTrainingOptions();

        Assert.Equal((1f, 0.9f), (sgd.ResolvedLearningRate, sgd.ResolvedMomentum));
        Assert.Equal(OptimizerKind.Adam, adam.Optimizer);
        Assert.Equal(1e-3f, adam.ResolvedLearningRate);
    }

    [Fact]
    public void Momentum_is_refused_for_adam_and_outside_zero_to_one_naming_the_option()
    {
        var forAdam = Assert.Throws<ArgumentException>(() => new AutoencoderTrainer(new AutoencoderTrainingOptions { Momentum = 0.9f }));
        var tooLarge = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new AutoencoderTrainer(new AutoencoderTrainingOptions { Optimizer = OptimizerKind.Sgd, Momentum = 1f }));

        Assert.Equal("Momentum", forAdam.ParamName);
        Assert.Equal("Momentum", tooLarge.ParamName);
    }

    private static float[] Weights(Autoencoder model) => model.Parameters().SelectMany(p => p.Value.ToArray()).ToArray();

    /// <summary>Rows on a 3-dimensional subspace of R^d, so a 4-wide bottleneck can reconstruct them.</summary>
    private Tensor LowRankData(int rows, int columns, long seed)
    {
        var random = new RandomGenerator(seed);
        var basis = Enumerable.Range(0, 3 * columns).Select(_ => (float)random.NextGaussian()).ToArray();
        var values = new float[rows * columns];
        for (int i = 0; i < rows; i++)
        {
            for (int f = 0; f < 3; f++)
            {
                float coefficient = (float)random.NextGaussian();
                for (int j = 0; j < columns; j++)
                {
                    values[i * columns + j] += coefficient * basis[f * columns + j] * 0.3f;
                }
            }
        }

        return new Tensor(_backend, values, rows, columns);
    }

    private Tensor RandomImages(int count, long seed)
    {
        var random = new RandomGenerator(seed);
        var values = Enumerable.Range(0, count * 28 * 28).Select(_ => random.NextSingle()).ToArray();
        return new Tensor(_backend, values, count, 1, 28, 28);
    }
}
