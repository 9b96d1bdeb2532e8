using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Methods;
using DeepClustering.Metrics;
using DeepClustering.Networks;
using DeepClustering.Pipeline;
using DeepClustering.Training;

namespace DeepClustering.Tests.Methods;

public sealed class DeepClusteringMethodTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "deepclustering-methods-" + Guid.NewGuid().ToString("N"));

    public DeepClusteringMethodTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Each method on small blobs, with the few epochs and steps that a test can afford.</summary>
    public static TheoryData<string> Methods => ["ae-kmeans", "dec", "idec", "dssec", "dekm"];

    [Theory]
    [MemberData(nameof(Methods))]
    public void Every_method_fits_the_blobs_and_its_model_predicts_saves_and_loads(string method)
    {
        var (data, truth) = SeparatedBlobs.Create(seed: 1);

        using var model = Create(method, seed: 0).Fit(data, monitoringLabels: truth);

        Assert.Equal(4, model.ClusterCount);
        Assert.Equal(data.Rows, model.Labels.Count);
        double acc = ClusteringAccuracy.Compute(truth, model.Predict(data));
        Assert.True(acc > 0.9, $"{method}: ACC {acc}");
        Assert.Equal(method, model.Info.Refiner ?? "ae-kmeans");
        string path = Path.Combine(_folder, method + ".dclm");
        model.Save(path);
        using var loaded = DeepClusteringModel.Load(path, threads: 1);
        Assert.Equal(model.Predict(data), loaded.Predict(data));
        Assert.Equal(model.Alpha, loaded.Alpha);
    }

    [Fact]
    public void The_same_seed_gives_the_same_model_and_another_seed_another()
    {
        var (data, _) = SeparatedBlobs.Create(seed: 2);

        using var first = Create("idec", seed: 5).Fit(data);
        using var second = Create("idec", seed: 5).Fit(data);
        using var other = Create("idec", seed: 6).Fit(data);

        Assert.Equal(first.Transform(data).Values, second.Transform(data).Values);
        Assert.Equal(first.Labels, second.Labels);
        Assert.NotEqual(first.Transform(data).Values, other.Transform(data).Values);
    }

    [Fact]
    public void Arrays_rectangular_arrays_and_matrices_give_the_same_model()
    {
        var (data, _) = SeparatedBlobs.Create(seed: 3);
        var rows = Enumerable.Range(0, data.Rows).Select(i => data.Row(i).ToArray()).ToArray();
        var grid = new float[data.Rows, data.Columns];
        for (int i = 0; i < data.Rows; i++)
        {
            for (int j = 0; j < data.Columns; j++)
            {
                grid[i, j] = rows[i][j];
            }
        }

        using var fromMatrix = Create("ae-kmeans", seed: 1).Fit(data);
        using var fromRows = Create("ae-kmeans", seed: 1).Fit(rows);
        using var fromGrid = Create("ae-kmeans", seed: 1).Fit(grid);

        Assert.Equal(fromMatrix.Labels, fromRows.Labels);
        Assert.Equal(fromMatrix.Labels, fromGrid.Labels);
    }

    [Fact]
    public void Dekm_fits_images_with_its_convolutional_autoencoder_and_rows_given_their_shape()
    {
        var (images, truth) = SeparatedBlobs.Images(seed: 4);
        var options = ConvolutionalDekm(seed: 0);

        using var fromImages = new Dekm(options).Fit(images);
        using var fromRows = new Dekm(options with { InputShape = [1, 8, 8] }).Fit(images.ToDataMatrix());

        Assert.Equal("conv", fromImages.Info.Encoder);
        Assert.True(ClusteringAccuracy.Compute(truth, fromImages.Predict(images)) > 0.9);
        Assert.Equal(fromImages.Labels, fromRows.Labels);
        Assert.Equal(fromImages.Predict(images), fromImages.Predict(images.ToDataMatrix()));
    }

    [Fact]
    public void A_convolutional_autoencoder_on_flat_rows_without_a_shape_is_refused_saying_what_to_do()
    {
        var (images, _) = SeparatedBlobs.Images(seed: 4);

        var error = Assert.Throws<ArgumentException>(() => new Dekm(ConvolutionalDekm(seed: 0)).Fit(images.ToDataMatrix()));

        Assert.Equal("data", error.ParamName);
        Assert.Contains("InputShape", error.Message);
        Assert.Contains("ImageSet", error.Message);
    }

    [Fact]
    public void An_estimator_is_a_clusterer()
    {
        var (data, truth) = SeparatedBlobs.Create(seed: 5);
        IClusterer clusterer = Create("dec", seed: 0);

        var model = clusterer.Fit(data);

        using var deep = Assert.IsType<DeepClusteringModel>(model);
        Assert.Equal("dec", clusterer.Name);
        Assert.True(ClusteringAccuracy.Compute(truth, model.Predict(data)) > 0.9);
    }

    [Fact]
    public void Bad_options_are_refused_when_the_estimator_is_made_naming_the_option()
    {
        Assert.Equal("ClusterCount", Assert.Throws<ArgumentOutOfRangeException>(() => new Dekm(new DekmOptions { ClusterCount = 1 })).ParamName);
        Assert.Equal("PretrainingEpochs", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new Dec(new DecOptions { ClusterCount = 3, PretrainingEpochs = -1 })).ParamName);
        Assert.Equal("PretrainingMomentum", Assert.Throws<ArgumentException>(() =>
            new Idec(new IdecOptions { ClusterCount = 3, PretrainingOptimizer = OptimizerKind.Adam, PretrainingMomentum = 0.5f })).ParamName);
        Assert.Equal("InputShape", Assert.Throws<ArgumentException>(() =>
            new Dekm(new DekmOptions { ClusterCount = 3, InputShape = [28, 28] })).ParamName);
        Assert.Equal("LayerwiseEpochs", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new Dssec(new DssecOptions { ClusterCount = 3, LayerwiseEpochs = -2 })).ParamName);
    }

    [Fact]
    public void The_defaults_are_the_reference_recipes()
    {
        var dekm = new DekmOptions { ClusterCount = 10 };
        Assert.Equal((AutoencoderKind.Convolutional, 200, OptimizerKind.Adam, 100, 40, 14_000, 0.005),
            (dekm.Autoencoder, dekm.PretrainingEpochs, dekm.PretrainingOptimizer, dekm.KMeansInitializationCount, dekm.UpdateInterval,
                dekm.MaxIterations, dekm.Tolerance));
        var dec = new DecOptions { ClusterCount = 10 };
        Assert.Equal((AutoencoderKind.Dense, 300, OptimizerKind.Sgd, 20, 140, 20_000, 1e-3, 1.0),
            (dec.Autoencoder, dec.PretrainingEpochs, dec.PretrainingOptimizer, dec.KMeansInitializationCount, dec.UpdateInterval,
                dec.MaxIterations, dec.Tolerance, dec.Alpha));
        var idec = new IdecOptions { ClusterCount = 10 };
        Assert.Equal((AutoencoderKind.Dense, 300, 0.1), (idec.Autoencoder, idec.PretrainingEpochs, idec.Gamma));
        var dssec = new DssecOptions { ClusterCount = 10 };
        Assert.Equal((AutoencoderKind.StackedSparse, HiddenActivation.Sigmoid, 200, OptimizerKind.Adam, 0.1),
            (dssec.Autoencoder, dssec.Activation, dssec.PretrainingEpochs, dssec.PretrainingOptimizer, dssec.Gamma));
        var baseline = new AutoencoderKMeansOptions { ClusterCount = 10 };
        Assert.Equal((AutoencoderKind.Convolutional, 200, 20), (baseline.Autoencoder, baseline.PretrainingEpochs, baseline.KMeansInitializationCount));
        Assert.All(new DeepClusteringMethodOptions[] { dekm, dec, idec, dssec, baseline }, o =>
            Assert.Equal((10, 256, 0L, ComputeDevice.Auto), (o.EmbeddingDimension, o.PretrainingBatchSize, o.Seed, o.Device)));
    }

    [Fact]
    public void The_soft_assignments_use_the_refiners_alpha_which_the_model_file_keeps()
    {
        var (data, _) = SeparatedBlobs.Create(seed: 6);
        using var model = new Dec((DecOptions)Options("dec", seed: 0) with { Alpha = 3 }).Fit(data);

        Assert.Equal(3, model.Alpha);
        var z = model.Transform(data);
        var centres = model.Centers;
        var q = model.PredictProba(data);
        for (int i = 0; i < 5; i++)
        {
            var kernel = Enumerable.Range(0, model.ClusterCount).Select(j =>
            {
                double d2 = 0;
                for (int c = 0; c < z.Columns; c++)
                {
                    double d = z.Row(i)[c] - centres.Row(j)[c];
                    d2 += d * d;
                }

                return Math.Pow(1 + d2 / 3, -(3 + 1) / 2.0);
            }).ToArray();
            for (int j = 0; j < model.ClusterCount; j++)
            {
                Assert.Equal(kernel[j] / kernel.Sum(), q[i, j], 5);
            }
        }

        string path = Path.Combine(_folder, "alpha.dclm");
        model.Save(path);
        using var loaded = DeepClusteringModel.Load(path, threads: 1);
        Assert.Equal(3, loaded.Alpha);
        Assert.Equal(q, loaded.PredictProba(data));
    }

    [Fact]
    public void Methods_without_a_soft_assignment_of_their_own_use_alpha_one()
    {
        var (data, _) = SeparatedBlobs.Create(seed: 7);
        using var model = Create("ae-kmeans", seed: 0).Fit(data);
        Assert.Equal(1.0, model.Alpha);
    }

    [Fact]
    public void Progress_reports_arrive_on_the_fitting_thread_before_fit_returns()
    {
        var (data, _) = SeparatedBlobs.Create(seed: 8);
        var reports = new List<DeepClusteringProgress>();
        int thread = Environment.CurrentManagedThreadId;
        var threads = new HashSet<int>();

        using var model = Create("dec", seed: 0).Fit(data, new SynchronousProgress<DeepClusteringProgress>(p =>
        {
            reports.Add(p);
            threads.Add(Environment.CurrentManagedThreadId);
        }));

        Assert.Equal([thread], threads);
        Assert.Equal([TrainingPhase.Pretraining, TrainingPhase.Clustering, TrainingPhase.Refinement], reports.Select(r => r.Phase).Distinct());

        // Pretraining: every batch of every epoch (160 rows, batches of 32), each with its fraction and a time estimate.
        var pretraining = reports.Where(r => r.Phase == TrainingPhase.Pretraining).ToList();
        Assert.Equal(5 * 5, pretraining.Count);
        Assert.Equal(pretraining.Select((_, i) => (i + 1) / 25.0), pretraining.Select(r => r.Fraction), new ToleranceComparer(1e-12));
        Assert.All(pretraining, r => Assert.NotNull(r.Remaining));
        Assert.Equal(TimeSpan.Zero, pretraining[^1].Remaining);
        Assert.True(pretraining.Zip(pretraining.Skip(1)).All(p => p.Second.Elapsed >= p.First.Elapsed));

        // The clustering: its start and its end; the refinement: every step against a cap it may stop before.
        Assert.Equal([(0, 1), (1, 1)], reports.Where(r => r.Phase == TrainingPhase.Clustering).Select(r => (r.Step, r.TotalSteps)));
        var refinement = reports.Where(r => r.Phase == TrainingPhase.Refinement).ToList();
        Assert.All(refinement, r => Assert.True(r.TotalIsUpperBound));
        Assert.Equal(Enumerable.Range(1, model.Info.RefinementIterations), refinement.Where(r => !r.IsRefresh).Select(r => r.Step));
    }

    internal static DeepClusteringMethod Create(string method, long seed) => method switch
    {
        "ae-kmeans" => new AutoencoderKMeans((AutoencoderKMeansOptions)Options(method, seed)),
        "dec" => new Dec((DecOptions)Options(method, seed)),
        "idec" => new Idec((IdecOptions)Options(method, seed)),
        "dssec" => new Dssec((DssecOptions)Options(method, seed)),
        "dekm" => new Dekm((DekmOptions)Options(method, seed)),
        _ => throw new ArgumentException(method),
    };

    /// <summary>Each method's options on the 12-dimensional blobs: a dense autoencoder, a few epochs and steps.</summary>
    internal static DeepClusteringMethodOptions Options(string method, long seed) => method switch
    {
        "ae-kmeans" => new AutoencoderKMeansOptions
        {
            ClusterCount = 4, EmbeddingDimension = 4, Autoencoder = AutoencoderKind.Dense, PretrainingEpochs = 5, PretrainingBatchSize = 32,
            PretrainingLearningRate = 3e-3f, KMeansInitializationCount = 5, Seed = seed, Threads = 1, Device = ComputeDevice.Cpu,
        },
        "dec" => new DecOptions
        {
            ClusterCount = 4, EmbeddingDimension = 4, PretrainingEpochs = 5, PretrainingBatchSize = 32, PretrainingOptimizer = OptimizerKind.Adam,
            PretrainingLearningRate = 3e-3f, KMeansInitializationCount = 5, MaxIterations = 60, UpdateInterval = 20, RefinementBatchSize = 32,
            Seed = seed, Threads = 1, Device = ComputeDevice.Cpu,
        },
        "idec" => new IdecOptions
        {
            ClusterCount = 4, EmbeddingDimension = 4, PretrainingEpochs = 5, PretrainingBatchSize = 32, PretrainingOptimizer = OptimizerKind.Adam,
            PretrainingLearningRate = 3e-3f, KMeansInitializationCount = 5, MaxIterations = 60, UpdateInterval = 20, RefinementBatchSize = 32,
            Seed = seed, Threads = 1, Device = ComputeDevice.Cpu,
        },
        "dssec" => new DssecOptions
        {
            ClusterCount = 4, EmbeddingDimension = 3, HiddenWidths = [16, 8], SparsityWeight = 1e-4, PretrainingEpochs = 30, LayerwiseEpochs = 20, PretrainingBatchSize = 32,
            PretrainingLearningRate = 1e-2f, KMeansInitializationCount = 5, MaxIterations = 60, UpdateInterval = 20, RefinementBatchSize = 32,
            Seed = seed, Threads = 1, Device = ComputeDevice.Cpu,
        },
        "dekm" => new DekmOptions
        {
            ClusterCount = 4, EmbeddingDimension = 4, Autoencoder = AutoencoderKind.Dense, PretrainingEpochs = 5, PretrainingBatchSize = 32,
            PretrainingLearningRate = 3e-3f, KMeansInitializationCount = 5, MaxIterations = 60, UpdateInterval = 20, RefinementBatchSize = 32,
            Seed = seed, Threads = 1, Device = ComputeDevice.Cpu,
        },
        _ => throw new ArgumentException(method),
    };

    private static DekmOptions ConvolutionalDekm(long seed) => new()
    {
        ClusterCount = 4, EmbeddingDimension = 4, PretrainingEpochs = 5, PretrainingBatchSize = 32, PretrainingLearningRate = 3e-3f,
        KMeansInitializationCount = 5, MaxIterations = 40, UpdateInterval = 20, RefinementBatchSize = 32, Seed = seed, Threads = 1,
        Device = ComputeDevice.Cpu,
    };

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double value) => 0;
    }
}
