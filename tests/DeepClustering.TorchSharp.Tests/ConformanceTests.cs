using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Metrics;
using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Pipeline;
using DeepClustering.Refiners;
using DeepClustering.Refiners.Dec;
using DeepClustering.Refiners.EmbeddedKMeans;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Training;

namespace DeepClustering.TorchSharp.Tests;

/// <summary>
/// One suite for every backend and device present (CPU in CI): the same seed gives the same network, the same weights
/// give the same embeddings, losses and steps, the methods reach the same accuracy, and models move between backends.
/// </summary>
/// <remarks>
/// Tolerances, and why: both backends compute in float32 but sum in different orders (the managed engine's packed GEMM
/// and im2row convolutions against oneDNN's kernels), so one forward pass agrees to a few ulps of its largest terms:
/// 1e-5 relative to the embedding's scale. Training amplifies such differences step by step; after the short runs here
/// the parameters agree to 1e-3 and the labels of whole methods agree to the ACC bound of the issue, 0.02.
/// </remarks>
public sealed class ConformanceTests
{
    private const double EmbeddingTolerance = 1e-5;

    public static TheoryData<string> Backends() => NetworkBackends.Present();

    public static TheoryData<string> TorchSharpBackends() => NetworkBackends.TorchSharpPresent();

    public static TheoryData<string, string> ArchitecturesOnTorchSharp()
    {
        var data = new TheoryData<string, string>();
        foreach (var backend in NetworkBackends.TorchSharpPresent())
        {
            foreach (var architecture in Architectures.Names())
            {
                data.Add(backend, architecture);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ArchitecturesOnTorchSharp))]
    public void The_same_seed_gives_the_same_parameters_and_the_same_embeddings(string backendName, string architectureName)
    {
        var architecture = Architectures.Get(architectureName);
        var (backend, device) = NetworkBackends.Resolve(backendName);
        using var managed = new ManagedNetworkBackend(threads: 1).Create(architecture, ComputeDevice.Cpu, seed: 3);
        using var other = backend.Create(architecture, device, seed: 3);

        var expected = managed.GetParameters();
        var actual = other.GetParameters();
        Assert.Equal(expected.Select(p => (p.Name, p.ShapeText)), actual.Select(p => (p.Name, p.ShapeText)));
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].ToArray(), actual[i].ToArray());
        }

        var inputs = Architectures.Inputs(architecture, rows: 37, seed: 4);         // not a multiple of the embedding batch
        AssertClose(managed.Embed(inputs), other.Embed(inputs), EmbeddingTolerance, "embeddings");
        Assert.Equal(other.BackendName, backend.Name);
        Assert.Equal(device, other.Device);
    }

    [Theory]
    [MemberData(nameof(ArchitecturesOnTorchSharp))]
    public void The_same_weights_take_the_same_training_steps(string backendName, string architectureName)
    {
        var architecture = Architectures.Get(architectureName);
        var (backend, device) = NetworkBackends.Resolve(backendName);
        using var managed = new ManagedNetworkBackend(threads: 1).Create(architecture, ComputeDevice.Cpu, seed: 5);
        using var other = backend.Create(architecture, device, seed: 5);
        var inputs = Architectures.Inputs(architecture, rows: 24, seed: 6);
        var options = new NetworkTrainerOptions { LearningRate = 1e-3f, ReconstructionWeight = 1f, HeadWeight = 0.1f };
        var head = new PullToOrigin();
        var managedLosses = new List<NetworkStepLosses>();
        var otherLosses = new List<NetworkStepLosses>();
        using (var a = managed.CreateTrainer(inputs, options))
        using (var b = other.CreateTrainer(inputs, options))
        {
            int[][] batches = [[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14, 15], [23, 16, 2, 9]];
            foreach (var batch in batches)
            {
                managedLosses.Add(a.Step(batch, head));
                otherLosses.Add(b.Step(batch, head));
            }

            AssertClose(a.EmbedAll(), b.EmbedAll(), 1e-3, "embeddings after three steps");
        }

        for (int s = 0; s < managedLosses.Count; s++)
        {
            Assert.Equal(managedLosses[s].Reconstruction, otherLosses[s].Reconstruction, 1e-5);
            Assert.Equal(managedLosses[s].Regularization, otherLosses[s].Regularization, 1e-5);
            Assert.Equal(managedLosses[s].Head, otherLosses[s].Head, 1e-4);
        }

        if (architectureName == "sparse")
        {
            Assert.True(otherLosses[0].Regularization > 0, "the sparsity penalty is part of the loss on both backends");
        }

        var expected = managed.GetParameters();
        var actual = other.GetParameters();
        for (int i = 0; i < expected.Count; i++)
        {
            AssertClose(expected[i].ToArray(), actual[i].ToArray(), 1e-3, expected[i].Name);
        }
    }

    [Theory]
    [MemberData(nameof(TorchSharpBackends))]
    public void Greedy_layerwise_pretraining_trains_the_same_stack_through_its_rungs(string backendName)
    {
        var architecture = Architectures.Get("sparse");
        var (backend, device) = NetworkBackends.Resolve(backendName);
        using var managed = Assert.IsAssignableFrom<IStackedAutoencoderNetwork>(new ManagedNetworkBackend(threads: 1).Create(architecture, ComputeDevice.Cpu, seed: 8));
        using var other = Assert.IsAssignableFrom<IStackedAutoencoderNetwork>(backend.Create(architecture, device, seed: 8));
        Assert.Equal(managed.RungCount, other.RungCount);
        var initial = other.GetParameters();
        var inputs = Architectures.Inputs(architecture, rows: 48, seed: 9);
        var stage = new AutoencoderTrainingOptions { Epochs = 2, BatchSize = 16, LearningRate = 1e-3f, Seed = 2 };
        var options = new GreedyLayerwisePretrainingOptions { LayerTraining = stage, FineTuning = stage, FineTune = true };
        var managedResult = new GreedyLayerwisePretrainer(options).Pretrain(managed, inputs);
        var otherResult = new GreedyLayerwisePretrainer(options).Pretrain(other, inputs);

        Assert.Equal(managedResult.Layers.Count, otherResult.Layers.Count);
        for (int k = 0; k < managedResult.Layers.Count; k++)
        {
            Assert.Equal(managedResult.Layers[k].EpochLosses[^1], otherResult.Layers[k].EpochLosses[^1], 1e-4);
        }

        // The rungs were the stack's own modules: every parameter moved, and the rungs' wrappers, once collected, took nothing with them.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var trained = other.GetParameters();
        Assert.All(trained.Zip(initial), pair => Assert.NotEqual(pair.Second.ToArray(), pair.First.ToArray()));
        var expected = managed.GetParameters();
        for (int i = 0; i < expected.Count; i++)
        {
            AssertClose(expected[i].ToArray(), trained[i].ToArray(), 1e-3, expected[i].Name);
        }

        AssertClose(managed.Embed(inputs), other.Embed(inputs), 1e-3, "embeddings after layer-wise pretraining");
    }

    public static TheoryData<string, string> MethodsOnTorchSharp()
    {
        var data = new TheoryData<string, string>();
        foreach (var backend in NetworkBackends.TorchSharpPresent())
        {
            foreach (var method in new[] { "dec", "idec", "dssec", "dekm" })
            {
                data.Add(backend, method);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MethodsOnTorchSharp))]
    public void Each_method_reaches_the_same_accuracy_on_both_backends(string backendName, string method)
    {
        var (data, truth) = Blobs(seed: 11);
        var (backend, device) = NetworkBackends.Resolve(backendName);
        using var onManaged = Fit(method, new ManagedNetworkBackend(threads: 1), ComputeDevice.Cpu, data, truth);
        using var onOther = Fit(method, backend, device, data, truth);
        double managedAccuracy = ClusteringAccuracy.Compute(truth, onManaged.Labels);
        double otherAccuracy = ClusteringAccuracy.Compute(truth, onOther.Labels);
        Assert.True(Math.Abs(managedAccuracy - otherAccuracy) <= 0.02,
            $"{method}: ACC {managedAccuracy:F4} on the managed engine, {otherAccuracy:F4} on {backendName}");
        Assert.True(managedAccuracy > 0.5, $"{method} learnt something: ACC {managedAccuracy:F4}");
        Assert.Equal(backend.Name, onOther.Info.Backend);
        Assert.Equal(device.ToString(), onOther.Info.Device);
    }

    [Theory]
    [MemberData(nameof(TorchSharpBackends))]
    public void A_model_saved_on_one_backend_loads_on_the_other_and_predicts_the_same_labels(string backendName)
    {
        var (data, truth) = Blobs(seed: 12);
        var (backend, device) = NetworkBackends.Resolve(backendName);
        var folder = Directory.CreateTempSubdirectory("dc-conformance-");
        try
        {
            string trainedElsewhere = Path.Combine(folder.FullName, "torchsharp.dclm");
            using (var model = Fit("idec", backend, device, data, truth))
            {
                model.Save(trainedElsewhere);
                using var onManaged = DeepClusteringModel.Load(trainedElsewhere, threads: 1);
                Assert.Equal(model.Predict(data), onManaged.Predict(data));
                AssertClose(model.Transform(data).Values, onManaged.Transform(data).Values, EmbeddingTolerance, "embeddings");
                Assert.Equal("managed", onManaged.Network.BackendName);
            }

            string trainedManaged = Path.Combine(folder.FullName, "managed.dclm");
            using (var model = Fit("dekm", new ManagedNetworkBackend(threads: 1), ComputeDevice.Cpu, data, truth))
            {
                model.Save(trainedManaged);
                using var onOther = DeepClusteringModel.Load(trainedManaged, backend, device);
                Assert.Equal(model.Predict(data), onOther.Predict(data));
                Assert.Equal(backend.Name, onOther.Network.BackendName);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Cuda_where_libtorch_has_none_is_refused_naming_the_package_to_add()
    {
        var backend = new TorchSharpNetworkBackend();
        if (TorchSharpNetworkBackend.IsCudaAvailable())
        {
            var error = Assert.Throws<DeviceNotAvailableException>(() => backend.Resolve(ComputeDevice.CudaDevice(64)));
            Assert.Contains("CUDA device(s)", error.Message);
            return;
        }

        var refused = Assert.Throws<DeviceNotAvailableException>(() => backend.Resolve(ComputeDevice.Cuda));
        Assert.Contains("TorchSharp-cuda-linux", refused.Message);
        Assert.Equal(ComputeDevice.Cuda, refused.Device);
        Assert.Equal(ComputeDevice.Cpu, backend.Resolve(ComputeDevice.Auto));
        Assert.Throws<DeviceNotAvailableException>(() => new DeepClusteringBuilder()
            .WithEncoder(Architectures.Get("dense"))
            .WithClusterer(new KMeans(new KMeansOptions { ClusterCount = 2 }))
            .WithNetworkBackend(backend)
            .OnDevice(ComputeDevice.Cuda)
            .Fit(Architectures.Inputs(Architectures.Get("dense"), 10, 1)));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Bad_parameters_are_refused_by_name_before_anything_changes(string backendName)
    {
        var (backend, device) = NetworkBackends.Resolve(backendName);
        using var network = backend.Create(Architectures.Get("dense"), device, seed: 1);
        var before = network.GetParameters();
        var wrongShape = before.Select((p, i) => i == 2 ? new Persistence.NamedTensor(p.Name, new float[p.Length + 1], p.Length + 1) : p).ToList();
        Assert.Contains(before[2].Name, Assert.Throws<ArgumentException>(() => network.SetParameters(wrongShape)).Message);
        Assert.Contains("encoder.0.bias", Assert.Throws<ArgumentException>(() => network.SetParameters(before.Where(p => p.Name != "encoder.0.bias").ToList())).Message);
        Assert.Equal(before.Select(p => p.ToArray()), network.GetParameters().Select(p => p.ToArray()));
    }

    [Fact]
    public void A_network_of_ones_own_torchsharp_modules_trains_through_the_seam()
    {
        using var network = new TorchSharpNetworkBackend().FromModules(
            global::TorchSharp.torch.nn.Sequential(("0", global::TorchSharp.torch.nn.Linear(6, 4)), ("1", global::TorchSharp.torch.nn.Tanh()), ("2", global::TorchSharp.torch.nn.Linear(4, 2))),
            global::TorchSharp.torch.nn.Sequential(("0", global::TorchSharp.torch.nn.Linear(2, 6))),
            [6], 2, ComputeDevice.Cpu, name: "mine");
        var (data, truth) = Blobs(seed: 13, dimension: 6);
        using var model = new DeepClusteringBuilder()
            .WithNetwork((_, _) => network)
            .WithPretraining(new AutoencoderTrainingOptions { Epochs = 20, BatchSize = 16, LearningRate = 1e-2f })
            .WithClusterer(new KMeans(new KMeansOptions { ClusterCount = 3, Threads = 1 }))
            .WithRefiner(new DecRefiner(new DecRefinerOptions { MaxIterations = 30, UpdateInterval = 10 }))
            .WithSeed(1)
            .Fit(data);
        Assert.Equal("mine", model.Info.Encoder);
        Assert.Equal(data.Rows, model.Predict(data).Length);
        Assert.Equal(["decoder.0.bias", "decoder.0.weight", "encoder.0.bias", "encoder.0.weight", "encoder.2.bias", "encoder.2.weight"],
            model.Network.GetParameters().Select(p => p.Name).Order());
        Assert.Throws<InvalidOperationException>(() => model.Save(Path.Combine(Path.GetTempPath(), "never-written.dclm")));
    }

    private static DeepClusteringModel Fit(string method, INetworkBackend backend, ComputeDevice device, DataMatrix data, int[] truth)
    {
        var architecture = method == "dssec"
            ? new AutoencoderArchitecture(AutoencoderKind.StackedSparse, [data.Columns], 3, [16], HiddenActivation.Sigmoid, 0.1, 1e-3)
            : new AutoencoderArchitecture(AutoencoderKind.Dense, [data.Columns], 3, [16], HiddenActivation.ReLU);
        IClusterRefiner refiner = method switch
        {
            "dec" => new DecRefiner(new DecRefinerOptions { MaxIterations = 60, UpdateInterval = 20, BatchSize = 32 }),
            "idec" => new DecRefiner(new DecRefinerOptions { Variant = DecVariant.Idec, MaxIterations = 60, UpdateInterval = 20, BatchSize = 32 }),
            "dssec" => new DecRefiner(new DecRefinerOptions { Variant = DecVariant.Dssec, MaxIterations = 60, UpdateInterval = 20, BatchSize = 32 }),
            _ => new EmbeddedKMeansRefiner(new EmbeddedKMeansRefinerOptions { MaxIterations = 60, UpdateInterval = 20, BatchSize = 32 }),
        };
        var pretraining = new AutoencoderTrainingOptions { Epochs = 20, BatchSize = 32, LearningRate = 3e-3f };
        var builder = new DeepClusteringBuilder().WithEncoder(architecture);
        builder = method == "dssec"
            ? builder.WithLayerwisePretraining(new GreedyLayerwisePretrainingOptions { LayerTraining = pretraining, FineTuning = pretraining })
            : builder.WithPretraining(pretraining);
        return builder
            .WithClusterer(new KMeans(new KMeansOptions { ClusterCount = 4, InitializationCount = 5, Threads = 1 }))
            .WithRefiner(refiner)
            .WithNetworkBackend(backend)
            .OnDevice(device)
            .WithSeed(7)
            .Fit(data, monitoringLabels: truth);
    }

    /// <summary>Gaussian blobs, 60 rows each, in a random order.</summary>
    private static (DataMatrix Data, int[] Truth) Blobs(long seed, int clusters = 4, int dimension = 10)
    {
        if (dimension == 6)
        {
            clusters = 3;
        }

        var random = new RandomGenerator(seed);
        var centres = Enumerable.Range(0, clusters).Select(_ => Enumerable.Range(0, dimension).Select(_ => 4 * random.NextGaussian()).ToArray()).ToArray();
        int rows = 60 * clusters;
        var order = random.Permutation(rows);
        var values = new float[rows * dimension];
        var truth = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            int row = order[r], cluster = r % clusters;
            truth[row] = cluster;
            for (int t = 0; t < dimension; t++)
            {
                values[row * dimension + t] = (float)((centres[cluster][t] + random.NextGaussian()) / 4);
            }
        }

        return (new DataMatrix(values, rows, dimension), truth);
    }

    private static void AssertClose(float[] expected, float[] actual, double relative, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = Math.Max(1e-3, expected.Max(v => Math.Abs((double)v)));
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= relative * scale,
                $"{what}[{i}]: {expected[i]:R} against {actual[i]:R} (tolerance {relative * scale:G3})");
        }
    }

    /// <summary>A head whose loss is ½‖z‖² per batch: ∂L/∂z = z, simple and the same on every backend.</summary>
    private sealed class PullToOrigin : IEmbeddingHead
    {
        public double LossAndGradient(ReadOnlySpan<int> rows, ReadOnlySpan<float> embeddings, Span<float> embeddingGradient)
        {
            double loss = 0;
            for (int i = 0; i < embeddings.Length; i++)
            {
                loss += 0.5 * embeddings[i] * embeddings[i];
                embeddingGradient[i] = embeddings[i];
            }

            return loss;
        }
    }
}
