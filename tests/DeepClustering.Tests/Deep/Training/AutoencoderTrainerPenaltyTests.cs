using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN.Losses;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Tests.Networks;
using DeepClustering.Training;

namespace DeepClustering.Tests.Training;

public sealed class AutoencoderTrainerPenaltyTests : IDisposable
{
    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 2 });

    public void Dispose() => _backend.Dispose();

    [Fact]
    public void The_reported_loss_is_the_reconstruction_loss_plus_the_sparsity_penalties()
    {
        var data = StackedSparseAutoencoderTests.SmoothData(_backend, 30, 8, seed: 1);
        var probe = StackedSparseAutoencoder.Create(_backend, 8, [6, 5], 2, new RandomGenerator(2));
        double reconstruction = new MeanSquaredErrorLoss(_backend).Forward(probe.Forward(data), data);
        double expected = reconstruction + probe.SparsityPenalty;

        // One batch holding every sample in order: the epoch's loss is the loss before the only step.
        var model = StackedSparseAutoencoder.Create(_backend, 8, [6, 5], 2, new RandomGenerator(2));
        var result = new AutoencoderTrainer(new AutoencoderTrainingOptions { Epochs = 1, BatchSize = 30, Shuffle = false }).Train(model, data);

        Assert.True(probe.SparsityPenalty > reconstruction, "the penalty should matter in this check");
        Assert.Equal(expected, result.EpochLosses[0], 1e-9 * expected);
    }
}
