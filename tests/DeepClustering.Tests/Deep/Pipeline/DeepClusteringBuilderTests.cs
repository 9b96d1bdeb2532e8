using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Metrics;
using DeepClustering.Networks.Managed;
using DeepClustering.Networks;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Pipeline;
using DeepClustering.Refiners.Dec;
using DeepClustering.Refiners.EmbeddedKMeans;
using DeepClustering.Training;
using DeepClustering;

namespace DeepClustering.Tests.Pipeline;

public sealed class DeepClusteringBuilderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "deepclustering-pipeline-" + Guid.NewGuid().ToString("N"));

    public DeepClusteringBuilderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly AutoencoderArchitecture SmallDense =
        new(AutoencoderKind.Dense, [12], 3, [24], HiddenActivation.ReLU);

    [Fact]
    public void Autoencoder_plus_kmeans_fits_predicts_its_own_labels_and_scores_the_blobs()
    {
        var (data, truth) = SeparatedBlobs.Create(seed: 1);

        using var model = Builder(seed: 3).Fit(data, truth);

        Assert.Equal(4, model.ClusterCount);
        Assert.Equal(model.Labels, model.Predict(data));
        Assert.True(ClusteringAccuracy.Compute(truth, model.Labels) > 0.95, $"ACC {ClusteringAccuracy.Compute(truth, model.Labels)}");
        Assert.Equal((data.Rows, 3), (model.Transform(data).Rows, model.Transform(data).Columns));
        Assert.Equal(5, model.History.Count(r => r.Phase == TrainingPhase.Pretraining));
        var clustering = Assert.Single(model.History, r => r.Phase == TrainingPhase.Clustering);
        Assert.NotNull(clustering.Accuracy);
        Assert.Null(model.Info.Refiner);
    }

    [Fact]
    public void Soft_assignments_are_probabilities_whose_argmax_is_the_prediction()
    {
        var (data, _) = SeparatedBlobs.Create(seed: 2);
        using var model = Builder(seed: 1).Fit(data);

        var q = model.PredictProba(data);
        var labels = model.Predict(data);
        for (int i = 0; i < data.Rows; i++)
        {
            var row = Enumerable.Range(0, model.ClusterCount).Select(j => q[i, j]).ToArray();
            Assert.Equal(1.0, row.Sum(), 5);
            Assert.Equal(labels[i], Array.IndexOf(row, row.Max()));
        }
    }

    [Fact]
    public void A_saved_and_loaded_model_predicts_the_same_labels_and_a_damaged_file_is_refused()
    {
        var (data, _) = SeparatedBlobs.Create(seed: 4);
        string path = Path.Combine(_folder, "model.dclm");
        int[] expected;
        float[] embeddings;
        using (var model = Builder(seed: 5).WithRefiner(new DecRefiner(new DecRefinerOptions { Variant = DecVariant.Idec, MaxIterations = 30, UpdateInterval = 10 })).Fit(data))
        {
            expected = model.Predict(data);
            embeddings = model.Transform(data).Values;
            model.Save(path);
        }

        using (var loaded = DeepClusteringModel.Load(path, threads: 1))
        {
            Assert.Equal(expected, loaded.Predict(data));
            Assert.Equal(embeddings, loaded.Transform(data).Values);
            Assert.Equal("idec", loaded.Info.Refiner);
        }

        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<InvalidDataException>(() => DeepClusteringModel.Load(path, threads: 1));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_gives_the_same_labels_and_weights()
    {
        var (data, _) = SeparatedBlobs.Create(seed: 6);
        float[] Weights(DeepClusteringModel m) => m.Network.GetParameters().SelectMany(p => p.ToArray()).ToArray();

        using var first = Builder(seed: 9).WithRefiner(new EmbeddedKMeansRefiner(new EmbeddedKMeansRefinerOptions { MaxIterations = 40 })).Fit(data);
        using var second = Builder(seed: 9).WithRefiner(new EmbeddedKMeansRefiner(new EmbeddedKMeansRefinerOptions { MaxIterations = 40 })).Fit(data);
        using var other = Builder(seed: 10).WithRefiner(new EmbeddedKMeansRefiner(new EmbeddedKMeansRefinerOptions { MaxIterations = 40 })).Fit(data);

        Assert.Equal(first.Labels, second.Labels);
        Assert.Equal(Weights(first), Weights(second));
        Assert.NotEqual(Weights(first), Weights(other));
        Assert.Contains(first.History, r => r.Phase == TrainingPhase.Refinement);
    }

    [Fact]
    public void A_pretrained_encoder_is_copied_so_the_fit_starts_from_its_weights_and_leaves_it_unchanged()
    {
        var (data, _) = SeparatedBlobs.Create(seed: 8);
        using var pretrained = Builder(seed: 2).Fit(data);
        var before = pretrained.Transform(data).Values;

        using var reused = new DeepClusteringBuilder()
            .WithPretrainedEncoder(pretrained.Network)
            .WithClusterer(new KMeans(new KMeansOptions { ClusterCount = 4, InitializationCount = 5, Threads = 1 }))
            .OnDevice(ComputeDevice.Cpu, threads: 1)
            .WithSeed(2)
            .Fit(data);
        Assert.Equal(before, reused.Transform(data).Values);
        Assert.Equal(pretrained.Labels, reused.Labels);
        Assert.Equal(0, reused.Info.PretrainSeconds);

        using var refined = new DeepClusteringBuilder()
            .WithPretrainedEncoder(pretrained.Network)
            .WithClusterer(new KMeans(new KMeansOptions { ClusterCount = 4, InitializationCount = 5, Threads = 1 }))
            .WithRefiner(new DecRefiner(new DecRefinerOptions { Variant = DecVariant.Idec, MaxIterations = 20, UpdateInterval = 10 }))
            .OnDevice(ComputeDevice.Cpu, threads: 1)
            .Fit(data);
        Assert.NotEqual(before, refined.Transform(data).Values);
        Assert.Equal(before, pretrained.Transform(data).Values);
    }

    [Fact]
    public void Layerwise_pretraining_trains_each_rung_then_the_stack_and_is_refused_for_a_dense_encoder()
    {
        var (data, truth) = SeparatedBlobs.Create(seed: 3);
        var sparse = new AutoencoderArchitecture(AutoencoderKind.StackedSparse, [12], 3, [16, 8], HiddenActivation.Sigmoid, SparsityWeight: 1e-4);
        var reports = new List<DeepClusteringProgress>();
        using var model = new DeepClusteringBuilder()
            .WithEncoder(sparse)
            .WithLayerwisePretraining(new GreedyLayerwisePretrainingOptions
            {
                LayerTraining = new AutoencoderTrainingOptions { Epochs = 4, BatchSize = 32, LearningRate = 1e-2f },
                FineTuning = new AutoencoderTrainingOptions { Epochs = 5, BatchSize = 32, LearningRate = 1e-2f },
            })
            .WithClusterer(new KMeans(new KMeansOptions { ClusterCount = 4, InitializationCount = 5, Threads = 1 }))
            .OnDevice(ComputeDevice.Cpu, threads: 1)
            .WithSeed(1)
            .WithProgress(new SynchronousProgress<DeepClusteringProgress>(reports.Add))
            .Fit(data, truth);

        // Three rungs (12→16, 16→8, 8→3) of 4 epochs, then 5 epochs of the whole stack.
        var pretraining = model.History.Where(r => r.Phase == TrainingPhase.Pretraining).ToList();
        Assert.Equal((3 * 4) + 5, pretraining.Count);
        Assert.Equal(Enumerable.Range(1, 17), pretraining.Select(r => r.Step));
        var epochEnds = reports.Where(r => r.Phase == TrainingPhase.Pretraining && r.Batch == r.BatchesPerStep).ToList();
        Assert.Equal(Enumerable.Range(1, 17), epochEnds.Select(r => r.Step));
        Assert.All(reports.Where(r => r.Phase == TrainingPhase.Pretraining), r => Assert.Equal((17, 5), (r.TotalSteps, r.BatchesPerStep)));
        Assert.Equal(17 * 5, reports.Count(r => r.Phase == TrainingPhase.Pretraining));  // 160 rows in batches of 32: every batch
        Assert.True(pretraining[^1].Loss < pretraining[12].Loss, $"fine-tuning {pretraining[12].Loss} → {pretraining[^1].Loss}");
        Assert.True(model.Info.PretrainSeconds > 0);

        var error = Assert.Throws<InvalidOperationException>(() => new DeepClusteringBuilder()
            .WithEncoder(SmallDense)
            .WithLayerwisePretraining(new GreedyLayerwisePretrainingOptions())
            .WithClusterer(new KMeans(new KMeansOptions { ClusterCount = 4, Threads = 1 }))
            .OnDevice(ComputeDevice.Cpu, threads: 1)
            .Fit(data));
        Assert.Contains("stacked sparse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hand_composed_pretrained_encoder_is_refused_by_name()
    {
        using var backend = new DeepClustering.Tensors.Backends.Cpu.CpuBackend(new DeepClustering.Tensors.Backends.Cpu.CpuBackendOptions { Threads = 1 });
        var built = SmallDense.Build(backend, new RandomGenerator(0));
        var handMade = new Autoencoder(built.Encoder, built.Decoder, [12]);
        var error = Assert.Throws<ArgumentException>(() => new DeepClusteringBuilder().WithPretrainedEncoder(handMade.AsNetwork()));
        Assert.Equal("pretrained", error.ParamName);
    }

    [Fact]
    public void Missing_parts_a_missing_device_wrong_widths_and_cancellation_are_refused()
    {
        var (data, _) = SeparatedBlobs.Create(seed: 7);
        Assert.Throws<InvalidOperationException>(() => new DeepClusteringBuilder().WithClusterer(new KMeans()).Fit(data));
        Assert.Throws<InvalidOperationException>(() => new DeepClusteringBuilder().WithEncoder(SmallDense).Fit(data));
        var cuda = Assert.Throws<DeviceNotAvailableException>(() => Builder(seed: 1).OnDevice(ComputeDevice.Cuda).Fit(data));
        Assert.Contains("DeepClustering.TorchSharp", cuda.Message);
        Assert.Equal("managed", cuda.Backend);

        var narrow = new DataMatrix(new float[20 * 5], 20, 5);
        var width = Assert.Throws<ArgumentException>(() => Builder(seed: 1).Fit(narrow));
        Assert.Equal("data", width.ParamName);

        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Builder(seed: 1).Fit(data, cancellationToken: cancellation.Token));
    }

    private static DeepClusteringBuilder Builder(long seed) => new DeepClusteringBuilder()
        .WithEncoder(SmallDense)
        .WithPretraining(new AutoencoderTrainingOptions { Epochs = 5, BatchSize = 32, LearningRate = 3e-3f })
        .WithClusterer(new KMeans(new KMeansOptions { ClusterCount = 4, InitializationCount = 5, Threads = 1 }))
        .OnDevice(ComputeDevice.Cpu, threads: 1)
        .WithSeed(seed);
}
