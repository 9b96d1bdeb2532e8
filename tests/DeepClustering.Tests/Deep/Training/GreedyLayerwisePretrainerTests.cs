using DeepClustering.Networks.Managed;
using DeepClustering.Networks;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN.Activations;
using DeepClustering.Tensors.NN.Losses;
using DeepClustering.Tensors.NN.Regularization;
using DeepClustering.Tensors;
using DeepClustering.Tests.Networks;
using DeepClustering.Training;
using DeepClustering;

namespace DeepClustering.Tests.Training;

public sealed class GreedyLayerwisePretrainerTests : IDisposable
{
    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 2 });

    public void Dispose() => _backend.Dispose();

    /// <summary>
    /// A penalty light enough for 20 features: the engine's mean squared error averages over them, so β = 3 would
    /// drown the reconstruction of the inner rungs' low-variance codes and the stack would predict the mean.
    /// </summary>
    private static readonly KlSparsityOptions Sparsity = new() { TargetActivation = 0.3, Weight = 0.01 };

    private static AutoencoderTrainingOptions Training(int epochs, ReconstructionLossKind loss = ReconstructionLossKind.MeanSquaredError) =>
        new() { Epochs = epochs, BatchSize = 40, LearningRate = 2e-2f, Seed = 3, Loss = loss };

    [Fact]
    public void Each_rung_learns_then_the_stacked_network_is_fine_tuned_reporting_every_stage()
    {
        var data = StackedSparseAutoencoderTests.SmoothData(_backend, 240, 20, seed: 1);
        var model = StackedSparseAutoencoder.Create(_backend, 20, [16, 8], 4, new RandomGenerator(2), Sparsity);
        var reports = new List<GreedyLayerwisePretrainingProgress>();
        var pretrainer = new GreedyLayerwisePretrainer(new GreedyLayerwisePretrainingOptions { LayerTraining = Training(15), FineTuning = Training(15) });

        var result = pretrainer.Pretrain(model, data, new SynchronousProgress<GreedyLayerwisePretrainingProgress>(reports.Add));

        Assert.Equal(3, result.Layers.Count);
        Assert.All(result.Layers, r => Assert.True(r.EpochLosses[^1] < 0.7 * r.EpochLosses[0],
            $"a rung's loss went from {r.EpochLosses[0]} to {r.EpochLosses[^1]}"));
        var fineTuning = Assert.IsType<AutoencoderTrainingResult>(result.FineTuning);
        Assert.True(fineTuning.EpochLosses[^1] < fineTuning.EpochLosses[0],
            $"fine-tuning went from {fineTuning.EpochLosses[0]} to {fineTuning.EpochLosses[^1]}");
        Assert.Equal(4 * 15 * 6, reports.Count);   // 4 stages of 15 epochs of 6 batches
        Assert.Equal([1, 2, 3, 4], reports.Select(r => r.Stage).Distinct());
        Assert.All(reports, r => Assert.Equal(4, r.Stages));
        Assert.All(reports, r => Assert.Equal(r.Stage == 4, r.IsFineTuning));
    }

    [Fact]
    public void Stacking_the_pretrained_rungs_gives_a_working_autoencoder_before_any_fine_tuning()
    {
        var data = StackedSparseAutoencoderTests.SmoothData(_backend, 240, 20, seed: 4);
        var fresh = StackedSparseAutoencoder.Create(_backend, 20, [16, 8], 4, new RandomGenerator(5), Sparsity);
        double before = Reconstruction(fresh, data);
        var model = StackedSparseAutoencoder.Create(_backend, 20, [16, 8], 4, new RandomGenerator(5), Sparsity);
        var initial = model.Parameters().Select(p => p.Value.ToArray()).ToList();

        var result = new GreedyLayerwisePretrainer(new GreedyLayerwisePretrainingOptions { LayerTraining = Training(60), FineTune = false })
            .Pretrain(model, data);

        Assert.Null(result.FineTuning);
        // Every weight and bias of the stacked network was trained in place.
        Assert.All(model.Parameters().Zip(initial), p => Assert.NotEqual(p.Second, p.First.Value.ToArray()));
        double after = Reconstruction(model, data);
        // Measured: 0.0047 after, 0.39 untrained, 0.078 for the column means.
        double useless = MeanBaseline(data);
        Assert.True(after < 0.25 * useless, $"the stacked network reconstructs with error {after}; the column means reach {useless}");
        Assert.True(after < before, $"the stacked network reconstructs with error {after}, an untrained one {before}");
    }

    [Fact]
    public void Binary_cross_entropy_trains_inner_rungs_on_logits_and_keeps_the_network_whole()
    {
        var data = StackedSparseAutoencoderTests.SmoothData(_backend, 120, 12, seed: 6);
        var model = StackedSparseAutoencoder.Create(_backend, 12, [10, 6], 3, new RandomGenerator(7), Sparsity);
        var options = new GreedyLayerwisePretrainingOptions
        {
            LayerTraining = Training(10, ReconstructionLossKind.BinaryCrossEntropy),
            FineTuning = Training(10, ReconstructionLossKind.BinaryCrossEntropy),
        };

        var result = new GreedyLayerwisePretrainer(options).Pretrain(model, data);

        Assert.All(result.Layers, r => Assert.True(r.EpochLosses[^1] < r.EpochLosses[0]));
        Assert.Equal(2, model.Decoder.Modules.OfType<Sigmoid>().Count());
        Assert.Equal(5, model.Decoder.Count);
    }

    [Fact]
    public void The_networks_own_input_gradient_setting_survives()
    {
        var data = StackedSparseAutoencoderTests.SmoothData(_backend, 40, 6, seed: 8);
        var model = StackedSparseAutoencoder.Create(_backend, 6, [5], 2, new RandomGenerator(9));
        model.InputGradientRequired = false;
        new GreedyLayerwisePretrainer(new GreedyLayerwisePretrainingOptions { LayerTraining = Training(1), FineTuning = Training(1) }).Pretrain(model, data);
        Assert.False(model.InputGradientRequired);
        Assert.False(model.Encoder.Modules[0].InputGradientRequired);
    }

    [Fact]
    public void Data_of_the_wrong_width_and_bad_options_are_refused()
    {
        var model = StackedSparseAutoencoder.Create(_backend, 6, [5], 2, new RandomGenerator(9));
        var pretrainer = new GreedyLayerwisePretrainer(new GreedyLayerwisePretrainingOptions());
        Assert.Throws<ArgumentException>(() => pretrainer.Pretrain(model, new Tensor(_backend, 10, 7)));

        var missing = Assert.Throws<ArgumentNullException>(() => new GreedyLayerwisePretrainer(new GreedyLayerwisePretrainingOptions { LayerTraining = null! }));
        Assert.Equal("LayerTraining", missing.ParamName);
        var bad = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new GreedyLayerwisePretrainer(new GreedyLayerwisePretrainingOptions { FineTuning = new AutoencoderTrainingOptions { Epochs = 0 } }));
        Assert.Equal("Epochs", bad.ParamName);
    }

    [Fact]
    public void Cancellation_stops_pretraining()
    {
        var data = StackedSparseAutoencoderTests.SmoothData(_backend, 40, 6, seed: 8);
        var model = StackedSparseAutoencoder.Create(_backend, 6, [5], 2, new RandomGenerator(9));
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.Throws<OperationCanceledException>(() =>
            new GreedyLayerwisePretrainer(new GreedyLayerwisePretrainingOptions()).Pretrain(model, data, cancellationToken: cancellation.Token));
    }

    /// <summary>The mean squared error of predicting every row by the column means: what a useless autoencoder reaches.</summary>
    private static double MeanBaseline(Tensor data)
    {
        int rows = data.Size(0), columns = data.Size(1);
        var values = data.ToArray();
        double sum = 0;
        for (int j = 0; j < columns; j++)
        {
            double mean = 0;
            for (int i = 0; i < rows; i++)
            {
                mean += values[i * columns + j];
            }

            mean /= rows;
            for (int i = 0; i < rows; i++)
            {
                sum += (values[i * columns + j] - mean) * (values[i * columns + j] - mean);
            }
        }

        return sum / (rows * columns);
    }

    private double Reconstruction(StackedSparseAutoencoder model, Tensor data) =>
        new MeanSquaredErrorLoss(_backend).Forward(model.Forward(data), data);
}
