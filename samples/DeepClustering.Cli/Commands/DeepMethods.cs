using System.Text.Json.Nodes;
using DeepClustering.Data;
using DeepClustering.Methods;
using DeepClustering.Networks;
using DeepClustering.Pipeline;

namespace DeepClustering.Cli.Commands;

/// <summary>
/// The deep methods of <c>cluster</c>: each is the library's estimator (<see cref="DeepClustering.Methods"/>) with its
/// reference recipe, changed only where a flag was given.
/// </summary>
internal static class DeepMethods
{
    /// <summary>The deep values of <c>--method</c>.</summary>
    public static readonly string[] Names = ["ae-kmeans", "dec", "idec", "dssec", "dekm"];

    /// <summary>The values of <c>--encoder</c>.</summary>
    public static readonly string[] Encoders = ["conv", "conv-kwon-lee", "dense", "sparse"];

    /// <summary>Fits the method of <paramref name="s"/>, showing its progress.</summary>
    public static DeepClusteringModel Fit(DeepSettings s, DataMatrix data, int[] sampleShape, int[]? labels, CancellationToken cancellationToken,
        out DeepClusteringMethodOptions options)
    {
        if (s.PretrainedModel is not null && s.Encoder is not null)
        {
            throw new ArgumentException("--encoder cannot be combined with --pretrained-model: the encoder is the model's.");
        }

        // Read on the managed engine; the fit rebuilds its weights on its own backend and device.
        using var pretrained = s.PretrainedModel is null ? null : DeepClusteringModel.Load(s.PretrainedModel.FullName, threads: 1);
        options = Options(s, sampleShape, pretrained?.Network);
        var method = Create(options);
        try
        {
            return FitDisplay.Run(progress => method.Fit(data, progress, labels, cancellationToken));
        }
        catch (FitCanceledException stopped) when (stopped.PartialModel is not null)
        {
            // Ctrl-C during the refinement: the model as of the last completed step (its Info.Canceled is set).
            return stopped.PartialModel;
        }
    }

    /// <summary>The method's options: its defaults, then each flag that was given.</summary>
    public static DeepClusteringMethodOptions Options(DeepSettings s, int[] sampleShape, IAutoencoderNetwork? pretrained)
    {
        DeepClusteringMethodOptions defaults = s.Method switch
        {
            "ae-kmeans" => new AutoencoderKMeansOptions { ClusterCount = s.Clusters },
            "dec" => new DecOptions { ClusterCount = s.Clusters },
            "idec" => new IdecOptions { ClusterCount = s.Clusters },
            "dssec" => new DssecOptions { ClusterCount = s.Clusters },
            "dekm" => new DekmOptions { ClusterCount = s.Clusters },
            _ => throw new ArgumentException($"Unknown deep method '{s.Method}'."),
        };
        var kind = s.Encoder is { } encoder ? Kind(encoder) : defaults.Autoencoder;
        bool sparse = pretrained?.Architecture?.Kind == AutoencoderKind.StackedSparse || (pretrained is null && kind == AutoencoderKind.StackedSparse);
        if (!sparse && (s.SparsityTarget is not null || s.SparsityWeight is not null || s.LayerwiseEpochs is not null))
        {
            string flag = s.SparsityTarget is not null ? "--sparsity-target" : s.SparsityWeight is not null ? "--sparsity-weight" : "--layerwise-epochs";
            throw new ArgumentException($"{flag} applies to the sparse encoder, not to {s.Encoder ?? DefaultEncoder(defaults.Autoencoder)}.");
        }

        var optimizer = s.PretrainOptimizer ?? defaults.PretrainingOptimizer;
        if (optimizer != OptimizerKind.Sgd && s.PretrainMomentum is not null)
        {
            throw new ArgumentException($"--pretrain-momentum applies to --pretrain-optimizer sgd, not to {optimizer}.");
        }

        // A pretrained autoencoder is used as it is unless --pretrain-epochs asks for more.
        int epochs = s.PretrainEpochs ?? (pretrained is null ? defaults.PretrainingEpochs : 0);
        var options = defaults with
        {
            Autoencoder = kind,
            EmbeddingDimension = s.EmbeddingDimension,
            Activation = s.Activation ?? defaults.Activation,
            InputShape = sampleShape.Length == 3 ? sampleShape : null,
            PretrainingEpochs = epochs,
            PretrainingBatchSize = s.BatchSize,
            PretrainingOptimizer = optimizer,
            PretrainingLearningRate = s.PretrainLearningRate,
            PretrainingMomentum = s.PretrainMomentum,
            PretrainedAutoencoder = pretrained,
            LayerwiseEpochs = s.LayerwiseEpochs ?? (pretrained is null ? null : 0),
            SparsityTarget = s.SparsityTarget,
            SparsityWeight = s.SparsityWeight,
            Seed = s.Seed,
            Threads = s.Threads,
            Backend = BackendOptions.Create(s.Backend, s.Threads),
            Device = s.Device,
        };
        options = (options, s.MaxIterations) switch
        {
            (_, null) => options,
            (StudentTClusteringOptions t, int cap) => t with { MaxIterations = cap },
            (DekmOptions d, int cap) => d with { MaxIterations = cap },
            _ => throw new ArgumentException($"--max-iterations applies to a method with a refinement; {s.Method} has none."),
        };
        return (options, s.Tolerance) switch
        {
            (_, null) => options,
            (StudentTClusteringOptions t, double tolerance) => t with { Tolerance = tolerance },
            (DekmOptions d, double tolerance) => d with { Tolerance = tolerance },
            _ => throw new ArgumentException($"--tolerance applies to a method with a refinement; {s.Method} has none."),
        };
    }

    /// <summary>The estimator of <paramref name="options"/>.</summary>
    public static DeepClusteringMethod Create(DeepClusteringMethodOptions options) => options switch
    {
        AutoencoderKMeansOptions o => new AutoencoderKMeans(o),
        DecOptions o => new Dec(o),
        IdecOptions o => new Idec(o),
        DssecOptions o => new Dssec(o),
        DekmOptions o => new Dekm(o),
        _ => throw new ArgumentException($"No estimator for {options.GetType().Name}."),
    };

    /// <summary>Adds the model's figures and history to results.json.</summary>
    public static void Describe(DeepClusteringModel model, DeepSettings s, DeepClusteringMethodOptions options, JsonObject results)
    {
        results["encoder"] = model.Info.Encoder;
        results["backend"] = model.Network.BackendName;
        results["device"] = model.Network.Device.ToString();
        if (s.PretrainedModel is not null)
        {
            results["pretrained_model"] = s.PretrainedModel.FullName;
        }

        if (options.PretrainingEpochs > 0)
        {
            var optimizer = options.PretrainingOptimizer;
            results["pretrain_epochs"] = options.PretrainingEpochs;
            results["pretrain_optimizer"] = optimizer.ToString().ToLowerInvariant();
            results["pretrain_learning_rate"] = options.PretrainingLearningRate ?? Training.AutoencoderTrainingOptions.Defaults.LearningRateFor(optimizer);
            results["pretrain_momentum"] = optimizer == OptimizerKind.Sgd ? options.PretrainingMomentum ?? Training.AutoencoderTrainingOptions.Defaults.SgdMomentum : null;
        }

        results["seconds"] = model.Info.Seconds;
        results["pretrain_seconds"] = model.Info.PretrainSeconds;
        results["refinement_iterations"] = model.Info.RefinementIterations;
        results["converged"] = model.Info.Converged;
        if (model.Info.Canceled)
        {
            results["cancelled"] = true;
        }

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

    private static AutoencoderKind Kind(string encoder) => encoder switch
    {
        "conv" => AutoencoderKind.Convolutional,
        "conv-kwon-lee" => AutoencoderKind.KwonLee,
        "dense" => AutoencoderKind.Dense,
        "sparse" => AutoencoderKind.StackedSparse,
        _ => throw new ArgumentException($"Unknown encoder '{encoder}'. Use one of: {string.Join(", ", Encoders)}."),
    };

    private static string DefaultEncoder(AutoencoderKind kind) => kind switch
    {
        AutoencoderKind.Convolutional => "conv",
        AutoencoderKind.KwonLee => "conv-kwon-lee",
        AutoencoderKind.Dense => "dense",
        _ => "sparse",
    };
}

/// <summary>The options of a deep method, as the flags gave them (null: the method's default).</summary>
internal sealed record DeepSettings(string Method, string? Encoder, int Clusters, int EmbeddingDimension, HiddenActivation? Activation,
    int? PretrainEpochs, int BatchSize, int? MaxIterations, string Backend, ComputeDevice Device, long Seed, int Threads, FileInfo? PretrainedModel,
    double? SparsityTarget, double? SparsityWeight, int? LayerwiseEpochs, OptimizerKind? PretrainOptimizer, float? PretrainLearningRate,
    float? PretrainMomentum, double? Tolerance = null);
