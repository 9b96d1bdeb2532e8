using System.Globalization;
using System.Text.Json.Nodes;
using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Pipeline;
using DeepClustering.Refiners;
using DeepClustering.Refiners.Dec;
using DeepClustering.Refiners.EmbeddedKMeans;
using DeepClustering.Training;

namespace DeepClustering.Cli.Commands;

/// <summary>The deep methods of <c>cluster</c>: an autoencoder, its pretraining, k-means on the embedding and a refiner.</summary>
internal static class DeepMethods
{
    /// <summary>The deep values of <c>--method</c>.</summary>
    public static readonly string[] Names = ["ae-kmeans", "dec", "idec", "dssec", "dekm"];

    /// <summary>The values of <c>--encoder</c>.</summary>
    public static readonly string[] Encoders = ["conv", "conv-kwon-lee", "dense", "sparse"];

    /// <summary>k-means initialisations on the embedding: 20 as DEC-keras and IDEC, 100 as DEKM.py.</summary>
    private const int DecKMeansInitializations = 20;

    public static DeepClusteringModel Fit(DeepSettings s, DataMatrix data, int[] sampleShape, int[]? labels, CancellationToken cancellationToken)
    {
        int initializations = s.Method == "dekm" ? EmbeddedKMeansRefinerOptions.Defaults.KMeansInitializationCount : DecKMeansInitializations;
        var kMeans = new KMeansOptions { ClusterCount = s.Clusters, InitializationCount = initializations, Seed = s.Seed, Threads = s.Threads };
        var builder = new DeepClusteringBuilder();
        if (s.PretrainedModel is not null)
        {
            if (s.Encoder is not null)
            {
                throw new ArgumentException("--encoder cannot be combined with --pretrained-model: the encoder is the model's.");
            }

            // Read on the managed engine; the builder rebuilds its weights on the fit's backend and device.
            using var pretrained = DeepClusteringModel.Load(s.PretrainedModel.FullName, threads: 1);
            builder.WithPretrainedEncoder(pretrained.Network);
        }
        else
        {
            string encoder = s.Encoder ?? DefaultEncoder(s.Method);
            if (encoder != "sparse" && (s.SparsityTarget is not null || s.SparsityWeight is not null))
            {
                throw new ArgumentException($"--sparsity-target and --sparsity-weight apply to the sparse encoder, not to {encoder}.");
            }

            builder.WithEncoder(Architecture(encoder, sampleShape, s.EmbeddingDimension, s.Activation) with
            {
                SparsityTarget = s.SparsityTarget,
                SparsityWeight = s.SparsityWeight,
            });
        }

        builder
            .WithClusterer(new KMeans(kMeans))
            .WithNetworkBackend(BackendOptions.Create(s.Backend, s.Threads))
            .OnDevice(s.Device, s.Threads)
            .WithSeed(s.Seed)
            .WithProgress(new Reporter());
        bool sparse = s.PretrainedModel is null && (s.Encoder ?? DefaultEncoder(s.Method)) == "sparse";
        if (s.LayerwiseEpochs is not null && !sparse)
        {
            throw new ArgumentException("--layerwise-epochs applies to the sparse encoder only (and not with --pretrained-model).");
        }

        int layerwiseEpochs = sparse ? s.LayerwiseEpochs ?? s.PretrainEpochs : 0;
        if (layerwiseEpochs > 0)
        {
            builder.WithLayerwisePretraining(new GreedyLayerwisePretrainingOptions
            {
                LayerTraining = PretrainingOptions(s) with { Epochs = layerwiseEpochs },
                FineTuning = PretrainingOptions(s) with { Epochs = s.PretrainEpochs },
                FineTune = s.PretrainEpochs > 0,
            });
        }
        else if (s.PretrainEpochs > 0)
        {
            builder.WithPretraining(PretrainingOptions(s) with { Epochs = s.PretrainEpochs });
        }

        var refiner = Refiner(s, kMeans);
        if (refiner is not null)
        {
            builder.WithRefiner(refiner);
        }

        return builder.Fit(data, labels, cancellationToken);
    }

    /// <summary>
    /// The optimizer settings of the pretraining (the epochs are set by the caller). Refuses <c>--pretrain-momentum</c>
    /// with Adam here, to name the flag; the options' own validation names only their property.
    /// </summary>
    private static AutoencoderTrainingOptions PretrainingOptions(DeepSettings s)
    {
        if (s.PretrainOptimizer != OptimizerKind.Sgd && s.PretrainMomentum is not null)
        {
            throw new ArgumentException($"--pretrain-momentum applies to --pretrain-optimizer sgd, not to {s.PretrainOptimizer}.");
        }

        return new AutoencoderTrainingOptions
        {
            BatchSize = s.BatchSize,
            Optimizer = s.PretrainOptimizer,
            LearningRate = s.PretrainLearningRate,
            Momentum = s.PretrainMomentum,
        };
    }

    /// <summary>Adds the model's figures and history to results.json.</summary>
    public static void Describe(DeepClusteringModel model, DeepSettings s, JsonObject results)
    {
        results["encoder"] = model.Info.Encoder;
        results["backend"] = model.Network.BackendName;
        results["device"] = model.Network.Device.ToString();
        if (s.PretrainedModel is not null)
        {
            results["pretrained_model"] = s.PretrainedModel.FullName;
        }

        if (s.PretrainEpochs > 0)
        {
            var options = PretrainingOptions(s);
            results["pretrain_epochs"] = s.PretrainEpochs;
            results["pretrain_optimizer"] = options.Optimizer.ToString().ToLowerInvariant();
            results["pretrain_learning_rate"] = options.LearningRate ?? AutoencoderTrainingOptions.Defaults.LearningRateFor(options.Optimizer);
            results["pretrain_momentum"] = options.Optimizer == OptimizerKind.Sgd ? options.Momentum ?? AutoencoderTrainingOptions.Defaults.SgdMomentum : null;
        }

        results["seconds"] = model.Info.Seconds;
        results["pretrain_seconds"] = model.Info.PretrainSeconds;
        results["refinement_iterations"] = model.Info.RefinementIterations;
        results["converged"] = model.Info.Converged;
        var history = new JsonArray();
        foreach (var r in model.History)
        {
            history.Add(new JsonObject
            {
                ["phase"] = r.Phase.ToString().ToLowerInvariant(),
                ["step"] = r.Step,
                ["loss"] = r.Loss,
                ["labels_changed"] = r.LabelsChanged,
                ["acc"] = r.Accuracy,
                ["nmi"] = r.NormalizedMutualInformation,
                ["ari"] = r.AdjustedRandIndex,
            });
        }

        results["history"] = history;
    }

    private static string DefaultEncoder(string method) => method == "dssec" ? "sparse" : method is "dec" or "idec" ? "dense" : "conv";

    private static AutoencoderArchitecture Architecture(string encoder, int[] sampleShape, int embedding, HiddenActivation activation)
    {
        int features = sampleShape.Aggregate(1, (a, b) => a * b);
        return encoder switch
        {
            "conv" or "conv-kwon-lee" when sampleShape.Length != 3 =>
                throw new ArgumentException($"The {encoder} encoder needs images; the data have rows of {features} values with no image shape."),
            "conv" => new AutoencoderArchitecture(AutoencoderKind.Convolutional, sampleShape, embedding, [], activation),
            "conv-kwon-lee" => new AutoencoderArchitecture(AutoencoderKind.KwonLee, sampleShape, embedding, [], activation),
            "dense" => new AutoencoderArchitecture(AutoencoderKind.Dense, [features], embedding, [.. DenseAutoencoder.DecHiddenWidths], activation),
            "sparse" => new AutoencoderArchitecture(AutoencoderKind.StackedSparse, [features], embedding, [.. DenseAutoencoder.DecHiddenWidths], HiddenActivation.Sigmoid),
            _ => throw new ArgumentException($"Unknown encoder '{encoder}'. Use one of: {string.Join(", ", Encoders)}."),
        };
    }

    private static IClusterRefiner? Refiner(DeepSettings s, KMeansOptions kMeans) => s.Method switch
    {
        "ae-kmeans" => null,
        "dec" => new DecRefiner(new DecRefinerOptions { Variant = DecVariant.Dec, MaxIterations = s.MaxIterations ?? DecRefinerOptions.Defaults.MaxIterations }),
        "idec" => new DecRefiner(new DecRefinerOptions { Variant = DecVariant.Idec, MaxIterations = s.MaxIterations ?? DecRefinerOptions.Defaults.MaxIterations }),
        "dssec" => new DecRefiner(new DecRefinerOptions { Variant = DecVariant.Dssec, MaxIterations = s.MaxIterations ?? DecRefinerOptions.Defaults.MaxIterations }),
        "dekm" => new EmbeddedKMeansRefiner(new EmbeddedKMeansRefinerOptions
        {
            MaxIterations = s.MaxIterations ?? EmbeddedKMeansRefinerOptions.Defaults.MaxIterations,
            Reclustering = kMeans,
        }),
        _ => throw new ArgumentException($"Unknown deep method '{s.Method}'."),
    };

    /// <summary>Prints one line per pretraining epoch and per refinement refresh.</summary>
    private sealed class Reporter : IProgress<DeepClusteringProgress>
    {
        public void Report(DeepClusteringProgress p)
        {
            string changed = p.LabelsChanged is { } c ? $", labels changed {c.ToString("P2", CultureInfo.InvariantCulture)}" : "";
            Console.WriteLine($"{p.Phase.ToString().ToLowerInvariant()} {p.Step}/{p.TotalSteps}: loss {p.Loss.ToString("G6", CultureInfo.InvariantCulture)}{changed}");
        }
    }
}

/// <summary>The options of a deep method.</summary>
internal sealed record DeepSettings(string Method, string? Encoder, int Clusters, int EmbeddingDimension, HiddenActivation Activation,
    int PretrainEpochs, int BatchSize, int? MaxIterations, string Backend, ComputeDevice Device, long Seed, int Threads, FileInfo? PretrainedModel,
    double? SparsityTarget, double? SparsityWeight, int? LayerwiseEpochs, OptimizerKind PretrainOptimizer, float? PretrainLearningRate,
    float? PretrainMomentum);
