using System.Diagnostics;
using DeepClustering.Networks;
using DeepClustering.Tensors;
using DeepClustering.Tensors.NN.Losses;
using DeepClustering.Tensors.NN.Regularization;
using DeepClustering.Tensors.Optimizers;
using DeepClustering.Tensors.Randomness;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepClustering.Training;

/// <summary>
/// Trains an autoencoder to reconstruct its input (the pretraining of DEC, IDEC, DCEC and DEKM): Adam or SGD with
/// momentum on shuffled mini-batches. Reports progress per batch and logs a line per epoch; can be cancelled between batches.
/// </summary>
/// <remarks>
/// The loss it reports is the reconstruction loss plus the penalties of the model's activity regularizers (such
/// as the sparsity penalties of a <see cref="StackedSparseAutoencoder"/>), which also add their gradients in the
/// backward pass: the objective that the optimizer actually descends.
/// </remarks>
public sealed class AutoencoderTrainer
{
    private readonly AutoencoderTrainingOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a trainer.</summary>
    public AutoencoderTrainer(AutoencoderTrainingOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Trains <paramref name="model"/> on <paramref name="data"/>, a tensor whose first dimension counts samples
    /// and whose other dimensions are the model's input shape.
    /// </summary>
    public AutoencoderTrainingResult Train(Autoencoder model, Tensor data, IProgress<AutoencoderTrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Rank < 2)
        {
            throw new ArgumentException($"Expected samples along the first dimension, got shape {TensorShape.Format(data.Shape)}.", nameof(data));
        }

        var backend = model.Backend;
        int samples = data.Size(0);
        int batchSize = Math.Min(_options.BatchSize, samples);
        int batchesPerEpoch = (samples + batchSize - 1) / batchSize;
        var batchShape = data.Shape.ToArray();
        batchShape[0] = batchSize;
        var batch = new Tensor(backend, batchShape);
        Loss loss = _options.Loss == ReconstructionLossKind.MeanSquaredError
            ? new MeanSquaredErrorLoss(backend)
            : new BinaryCrossEntropyWithLogitsLoss(backend);
        var optimizer = CreateOptimizer(model);
        var random = new RandomGenerator(_options.Seed);
        var order = Enumerable.Range(0, samples).ToArray();
        var epochLosses = new List<double>(_options.Epochs);
        var regularizers = ActivityRegularization.FindAll(model);

        model.Train();
        bool inputGradient = model.InputGradientRequired;
        model.InputGradientRequired = false;
        var clock = Stopwatch.StartNew();
        try
        {
            for (int epoch = 1; epoch <= _options.Epochs; epoch++)
            {
                if (_options.Shuffle)
                {
                    random.Shuffle<int>(order);
                }

                double weightedLoss = 0;
                for (int b = 0; b < batchesPerEpoch; b++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    int start = b * batchSize;
                    int count = Math.Min(batchSize, samples - start);
                    batchShape[0] = count;
                    batch.Resize(batchShape);
                    backend.GatherRows(data, order.AsSpan(start, count), batch);

                    optimizer.ZeroGradient();
                    var reconstruction = model.Forward(batch);
                    double value = loss.Forward(reconstruction, batch) + ActivityRegularization.TotalPenalty(regularizers);
                    if (!double.IsFinite(value))
                    {
                        throw new InvalidOperationException(
                            $"The training loss became {value} in epoch {epoch}, batch {b + 1}; lower the learning rate or check the data.");
                    }

                    model.Backward(loss.Backward());
                    optimizer.Step();
                    weightedLoss += value * count;
                    progress?.Report(new AutoencoderTrainingProgress(epoch, _options.Epochs, b + 1, batchesPerEpoch, weightedLoss / (start + count)));
                }

                epochLosses.Add(weightedLoss / samples);
                _logger.LogInformation("Autoencoder epoch {Epoch}/{Epochs}: loss {Loss:G6}", epoch, _options.Epochs, weightedLoss / samples);
            }
        }
        finally
        {
            model.InputGradientRequired = inputGradient;
        }

        double seconds = clock.Elapsed.TotalSeconds;
        return new AutoencoderTrainingResult(epochLosses, seconds, (double)samples * _options.Epochs / seconds);
    }

    private Optimizer CreateOptimizer(Autoencoder model) => _options.Optimizer switch
    {
        OptimizerKind.Adam => new Adam(model.Parameters(), new AdamOptions { LearningRate = _options.ResolvedLearningRate }),
        OptimizerKind.Sgd => new Sgd(model.Parameters(), new SgdOptions { LearningRate = _options.ResolvedLearningRate, Momentum = _options.ResolvedMomentum }),
        _ => throw new InvalidOperationException($"Unknown optimizer {_options.Optimizer}."),
    };
}
