using System.Diagnostics;
using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Persistence;
using DeepClustering.Refiners;
using DeepClustering.Refiners.Dec;
using DeepClustering.Tensors.Backends;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepClustering.Pipeline;

/// <summary>
/// Composes a deep clustering method: an autoencoder, its reconstruction pretraining, an initial clusterer on the
/// embedding, and optionally a refiner that trains encoder and clusters together (DEC, IDEC, DSSEC, embedded
/// k-means). <see cref="Fit"/> runs the phases in order and returns the fitted model.
/// </summary>
/// <example>
/// <code>
/// using var model = new DeepClusteringBuilder()
///     .WithEncoder(new AutoencoderArchitecture(AutoencoderKind.Convolutional, [1, 28, 28], 10, [], HiddenActivation.ReLU))
///     .WithPretraining(new AutoencoderTrainingOptions { Epochs = 200 })
///     .WithClusterer(new KMeans(new KMeansOptions { ClusterCount = 10, InitializationCount = 100 }))
///     .WithRefiner(new EmbeddedKMeansRefiner())
///     .WithNetworkBackend(new ManagedNetworkBackend())   // or new TorchSharpNetworkBackend() from DeepClustering.TorchSharp
///     .OnDevice(ComputeDevice.Auto)
///     .WithSeed(0)
///     .Fit(data, cancellationToken: token);
/// int[] labels = model.Predict(newData);
/// </code>
/// </example>
public sealed class DeepClusteringBuilder
{
    private Func<INetworkBackend, ComputeDevice, long, IAutoencoderNetwork>? _encoder;
    private INetworkBackend? _backend;
    private AutoencoderTrainingOptions? _pretraining;
    private GreedyLayerwisePretrainingOptions? _layerwisePretraining;
    private IClusterer? _clusterer;
    private IClusterRefiner? _refiner;
    private ComputeDevice _device = ComputeDevice.Auto;
    private int _threads;
    private long _seed;
    private ILogger _logger = NullLogger.Instance;
    private IProgress<DeepClusteringProgress>? _progress;

    /// <summary>Uses a built-in autoencoder (models with one can be saved and loaded).</summary>
    public DeepClusteringBuilder WithEncoder(AutoencoderArchitecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        _encoder = (backend, device, seed) => backend.Create(architecture, device, seed);
        return this;
    }

    /// <summary>
    /// Uses an autoencoder composed by <paramref name="factory"/> from the managed engine's layers (models with one cannot
    /// be saved: a file could not rebuild it). Needs the managed backend.
    /// </summary>
    public DeepClusteringBuilder WithEncoder(Func<IComputeBackend, RandomGenerator, Autoencoder> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _encoder = (backend, device, seed) => backend is ManagedNetworkBackend managed
            ? managed.Create(factory, seed)
            : throw new InvalidOperationException(
                $"An encoder composed from the managed engine's layers runs on the managed backend, not on '{backend.Name}'.");
        return this;
    }

    /// <summary>
    /// Uses a network that <paramref name="factory"/> builds for the fit's backend, device and seed: the way to bring a
    /// network of one's own (TorchSharp modules, say) through the seam. The fit owns and disposes what it returns.
    /// </summary>
    public DeepClusteringBuilder WithNetwork(Func<ComputeDevice, long, IAutoencoderNetwork> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _encoder = (backend, device, seed) => factory(device, seed) ?? throw new InvalidOperationException("The network factory returned null.");
        return this;
    }

    /// <summary>
    /// The engine the networks run on: <see cref="ManagedNetworkBackend"/> (the default) or TorchSharp's backend from
    /// the DeepClustering.TorchSharp package.
    /// </summary>
    public DeepClusteringBuilder WithNetworkBackend(INetworkBackend backend)
    {
        _backend = backend ?? throw new ArgumentNullException(nameof(backend));
        return this;
    }

    /// <summary>
    /// Starts from a copy of an already trained autoencoder (for example the one of a saved model, or one pretrained
    /// once and shared by several refiners, as DEC-keras' <c>--ae_weights</c>) instead of fresh weights. The
    /// architecture and the parameter values are copied now, so <paramref name="pretrained"/> may be changed or
    /// disposed afterwards; the fit trains its own copy on its own device. Combine with <see cref="WithPretraining"/>
    /// only to train it further.
    /// </summary>
    /// <exception cref="ArgumentException">The autoencoder was composed by hand and has no <see cref="Autoencoder.Architecture"/> to rebuild it from.</exception>
    public DeepClusteringBuilder WithPretrainedEncoder(IAutoencoderNetwork pretrained)
    {
        ArgumentNullException.ThrowIfNull(pretrained);
        var architecture = pretrained.Architecture ?? throw new ArgumentException(
            "The autoencoder was composed by hand, so it cannot be rebuilt on the fit's device; pass a factory to WithEncoder instead.", nameof(pretrained));
        var values = pretrained.GetParameters();
        _encoder = (backend, device, seed) =>
        {
            var network = backend.Create(architecture, device, seed);
            try
            {
                network.SetParameters(values);
                return network;
            }
            catch
            {
                network.Dispose();
                throw;
            }
        };
        return this;
    }

    /// <summary>
    /// Pretrains the autoencoder end to end to reconstruct the data first (with the builder's seed, unless the options set one).
    /// Replaces an earlier <see cref="WithLayerwisePretraining"/>.
    /// </summary>
    public DeepClusteringBuilder WithPretraining(AutoencoderTrainingOptions options)
    {
        _pretraining = options ?? throw new ArgumentNullException(nameof(options));
        _layerwisePretraining = null;
        return this;
    }

    /// <summary>
    /// Pretrains a <see cref="StackedSparseAutoencoder"/> greedily, one rung at a time, and then fine-tunes it end to
    /// end (<see cref="GreedyLayerwisePretrainer"/>): the "stacked" of stacked sparse autoencoders, and what makes a
    /// deep stack of sigmoid layers trainable at all (end to end from random weights it stays at the mean image;
    /// see docs/deep-clustering.md). The stages' options get the builder's seed unless they set one. Replaces an
    /// earlier <see cref="WithPretraining"/>; <see cref="Fit"/> refuses any other kind of autoencoder.
    /// </summary>
    public DeepClusteringBuilder WithLayerwisePretraining(GreedyLayerwisePretrainingOptions options)
    {
        _layerwisePretraining = options ?? throw new ArgumentNullException(nameof(options));
        _pretraining = null;
        return this;
    }

    /// <summary>The clusterer that makes the initial clustering of the embedding.</summary>
    public DeepClusteringBuilder WithClusterer(IClusterer clusterer)
    {
        _clusterer = clusterer ?? throw new ArgumentNullException(nameof(clusterer));
        return this;
    }

    /// <summary>Trains encoder and clusters together after the initial clustering; without one the initial clustering is kept.</summary>
    public DeepClusteringBuilder WithRefiner(IClusterRefiner refiner)
    {
        _refiner = refiner ?? throw new ArgumentNullException(nameof(refiner));
        return this;
    }

    /// <summary>
    /// Where to train: the CPU, a CUDA device, or <see cref="ComputeDevice.Auto"/> (CUDA when the backend reports it);
    /// <paramref name="threads"/> are the managed engine's CPU threads (0: every core) when the builder makes that backend.
    /// </summary>
    public DeepClusteringBuilder OnDevice(ComputeDevice device, int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        (_device, _threads) = (device, threads);
        return this;
    }

    /// <summary>
    /// The seed of every random choice of the fit: the initial weights, the pretraining's batch order, the initial
    /// clusterer (an <see cref="ISeededClusterer"/> gets this seed) and the refinement. A component's own seed is kept
    /// only where its options set one explicitly (<c>new KMeansOptions { Seed = 3 }</c>,
    /// <c>new AutoencoderTrainingOptions { Seed = 3 }</c>).
    /// </summary>
    public DeepClusteringBuilder WithSeed(long seed)
    {
        _seed = seed;
        return this;
    }

    /// <summary>Where the phases log.</summary>
    public DeepClusteringBuilder WithLogger(ILogger logger)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        return this;
    }

    /// <summary>Receives progress per pretraining epoch and per refinement refresh.</summary>
    public DeepClusteringBuilder WithProgress(IProgress<DeepClusteringProgress> progress)
    {
        _progress = progress ?? throw new ArgumentNullException(nameof(progress));
        return this;
    }

    /// <summary>
    /// Fits the model on the rows of <paramref name="data"/> (each row one sample, flattened to the encoder's input
    /// shape). <paramref name="monitoringLabels"/>, when given, only add ACC, NMI and ARI to the history.
    /// </summary>
    /// <exception cref="FitCanceledException">
    /// <paramref name="cancellationToken"/> was cancelled; checked between steps. During the refinement its
    /// <see cref="FitCanceledException.PartialModel"/> is the model as of the last completed step; before it, null.
    /// </exception>
    public DeepClusteringModel Fit(DataMatrix data, int[]? monitoringLabels = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var encoderFactory = _encoder ?? throw new InvalidOperationException("No encoder: call WithEncoder first.");
        var clusterer = _clusterer ?? throw new InvalidOperationException("No clusterer: call WithClusterer first.");
        if (clusterer is ISeededClusterer { HasExplicitSeed: false } seeded)
        {
            clusterer = seeded.WithSeed(_seed);
        }

        // Checked before any training: a wrong k must not cost the whole pretraining.
        if (clusterer is IFixedClusterCount { ClusterCount: var k } && k > data.Rows)
        {
            throw new ArgumentException(
                $"{clusterer.Name} is asked for {k} clusters (ClusterCount), but the data have only {data.Rows} rows.", nameof(data));
        }

        if (monitoringLabels is not null && monitoringLabels.Length != data.Rows)
        {
            throw new ArgumentException($"There are {monitoringLabels.Length} monitoring labels for {data.Rows} rows.", nameof(monitoringLabels));
        }

        var progress = _progress is null ? null : new TimedProgress(_progress);
        var backend = _backend ?? new ManagedNetworkBackend(_threads);
        var device = backend.Resolve(_device);
        var clock = Stopwatch.StartNew();
        var random = new RandomGenerator(_seed);
        var network = encoderFactory(backend, device, random.Fork().Seed);
        var phase = TrainingPhase.Pretraining;
        try
        {
            NetworkInputs.Require(network, data, nameof(data));
            var history = new TrainingHistory(monitoringLabels);
            _logger.LogInformation("Fitting {Encoder} on the {Backend} backend, {Device}", network.Name, network.BackendName, network.Device);

            double pretrainSeconds = Pretrain(network, data, history, progress, cancellationToken);

            phase = TrainingPhase.Clustering;
            _logger.LogInformation("Clustering the embedding with {Clusterer}", clusterer.Name);
            progress?.Report(new DeepClusteringProgress(TrainingPhase.Clustering, 0, 1, 0, null));
            var embeddings = new DataMatrix(network.Embed(data), data.Rows, network.EmbeddingDimension);
            var initial = clusterer.Fit(embeddings, cancellationToken);
            var (centers, labels) = InitialClusteringCenters.From(initial, embeddings);
            var clustered = history.Add(TrainingPhase.Clustering, 0, null, null, labels);
            progress?.Report(new DeepClusteringProgress(TrainingPhase.Clustering, 1, 1, 0, null) { Accuracy = clustered.Accuracy });

            int iterations = 0;
            bool? converged = null;
            double alpha = StudentTAssignment.DefaultAlpha;
            if (_refiner is not null)
            {
                var context = new RefinementContext
                {
                    Network = network,
                    Inputs = data,
                    Clusterer = clusterer,
                    InitialCenters = centers,
                    InitialLabels = labels,
                    MonitoringLabels = monitoringLabels,
                    Seed = random.Fork().Seed,
                    Logger = _logger,
                    Progress = progress,
                    History = history,
                };
                phase = TrainingPhase.Refinement;
                RefinementResult result;
                try
                {
                    result = _refiner.Refine(context, cancellationToken);
                }
                catch (RefinementCanceledException stopped)
                {
                    var partial = stopped.PartialResult;
                    _logger.LogInformation("Cancelled after {Iterations} refinement steps; keeping the model as of the last completed step", partial.Iterations);
                    var kept = Model(network, clusterer, partial.Centers, partial.Labels, history, pretrainSeconds, clock, partial.Iterations, false,
                        partial.StudentTAlpha ?? alpha, canceled: true);
                    throw new FitCanceledException(TrainingPhase.Refinement, kept, stopped);
                }

                (centers, labels, iterations, converged) = (result.Centers, result.Labels, result.Iterations, result.Converged);
                alpha = result.StudentTAlpha ?? alpha;
            }

            return Model(network, clusterer, centers, labels, history, pretrainSeconds, clock, iterations, converged, alpha, canceled: false);
        }
        catch (OperationCanceledException stopped) when (stopped is not FitCanceledException)
        {
            network.Dispose();
            _logger.LogInformation("Cancelled during {Phase}; there is no model yet", phase);
            throw new FitCanceledException(phase, null, stopped);
        }
        catch (Exception e) when (e is not FitCanceledException { PartialModel: not null })
        {
            network.Dispose();
            throw;
        }
    }

    private DeepClusteringModel Model(IAutoencoderNetwork network, IClusterer clusterer, float[] centers, int[] labels, TrainingHistory history,
        double pretrainSeconds, Stopwatch clock, int iterations, bool? converged, double alpha, bool canceled)
    {
        var info = new DeepClusteringModelInfo(network.Name, clusterer.Name, _refiner?.Name, _seed, pretrainSeconds,
            clock.Elapsed.TotalSeconds, iterations, converged, network.BackendName, network.Device.ToString(), canceled);
        return new DeepClusteringModel(network, centers, labels, history.Records, info, alpha);
    }

    private double Pretrain(IAutoencoderNetwork network, DataMatrix inputs, TrainingHistory history, IProgress<DeepClusteringProgress>? fitProgress,
        CancellationToken cancellationToken)
    {
        if (_layerwisePretraining is not null)
        {
            return PretrainLayerwise(network, inputs, history, fitProgress, cancellationToken);
        }

        if (_pretraining is null)
        {
            return 0;
        }

        var options = Seeded(_pretraining);
        var progress = fitProgress is null
            ? null
            : new SynchronousProgress<AutoencoderTrainingProgress>(p => fitProgress.Report(
                new DeepClusteringProgress(TrainingPhase.Pretraining, p.Epoch, p.Epochs, p.Loss, null) { Batch = p.Batch, BatchesPerStep = p.BatchesPerEpoch }));
        var result = new AutoencoderTrainer(options, _logger).Train(network, inputs, progress, cancellationToken);
        for (int epoch = 0; epoch < result.EpochLosses.Count; epoch++)
        {
            history.Add(TrainingPhase.Pretraining, epoch + 1, result.EpochLosses[epoch], null, null);
        }

        return result.Seconds;
    }

    private double PretrainLayerwise(IAutoencoderNetwork network, DataMatrix inputs, TrainingHistory history,
        IProgress<DeepClusteringProgress>? fitProgress, CancellationToken cancellationToken)
    {
        if (network is not IStackedAutoencoderNetwork stacked)
        {
            throw new InvalidOperationException(
                $"Layer-wise pretraining needs a stacked sparse autoencoder (AutoencoderKind.StackedSparse, on either backend); the encoder is '{network.Name}' on the {network.BackendName} backend. Use WithPretraining for it instead.");
        }

        var options = new GreedyLayerwisePretrainingOptions
        {
            LayerTraining = Seeded(_layerwisePretraining!.LayerTraining),
            FineTuning = Seeded(_layerwisePretraining.FineTuning),
            FineTune = _layerwisePretraining.FineTune,
        };
        int layerEpochs = options.LayerTraining.Epochs;
        int totalEpochs = stacked.RungCount * layerEpochs + (options.FineTune ? options.FineTuning.Epochs : 0);
        var progress = fitProgress is null
            ? null
            : new SynchronousProgress<GreedyLayerwisePretrainingProgress>(p => fitProgress.Report(new DeepClusteringProgress(
                TrainingPhase.Pretraining, (p.Stage - 1) * layerEpochs + p.Training.Epoch, totalEpochs, p.Training.Loss, null)
            {
                Batch = p.Training.Batch,
                BatchesPerStep = p.Training.BatchesPerEpoch,
            }));
        var clock = Stopwatch.StartNew();
        var result = new GreedyLayerwisePretrainer(options, _logger).Pretrain(stacked, inputs, progress, cancellationToken);
        int step = 0;
        foreach (var stage in result.Layers.Append(result.FineTuning).OfType<AutoencoderTrainingResult>())
        {
            foreach (double loss in stage.EpochLosses)
            {
                history.Add(TrainingPhase.Pretraining, ++step, loss, null, null);
            }
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary><paramref name="options"/> with the builder's seed, unless they set one explicitly.</summary>
    private AutoencoderTrainingOptions Seeded(AutoencoderTrainingOptions options) =>
        options.HasExplicitSeed ? options : options with { Seed = _seed };
}
