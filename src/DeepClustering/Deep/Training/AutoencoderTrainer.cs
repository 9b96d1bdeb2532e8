using System.Diagnostics;
using DeepClustering.Data;
using DeepClustering.Networks;
using DeepClustering.Numerics.Randomness;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepClustering.Training;

/// <summary>
/// Trains an autoencoder to reconstruct its input (the pretraining of DEC, IDEC, DCEC and DEKM): Adam or SGD with
/// momentum on shuffled mini-batches. Reports progress per batch and logs a line per epoch; can be cancelled between batches.
/// </summary>
/// <remarks>
/// The loss it reports is the reconstruction loss plus the penalties of the model's activity regularizers (such
/// as the sparsity penalties of a stacked sparse autoencoder), which also add their gradients in the
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
    /// Trains <paramref name="network"/> to reconstruct the rows of <paramref name="data"/> (each row one sample,
    /// flattened to the network's input shape), on whatever backend and device the network runs.
    /// </summary>
    public AutoencoderTrainingResult Train(IAutoencoderNetwork network, DataMatrix data, IProgress<AutoencoderTrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        NetworkInputs.Require(network, data, nameof(data));
        int samples = data.Rows;
        int batchSize = Math.Min(_options.BatchSize, samples);
        int batchesPerEpoch = (samples + batchSize - 1) / batchSize;
        var random = new RandomGenerator(_options.Seed);
        var order = Enumerable.Range(0, samples).ToArray();
        var epochLosses = new List<double>(_options.Epochs);
        var trainerOptions = new NetworkTrainerOptions
        {
            Optimizer = _options.Optimizer,
            LearningRate = _options.ResolvedLearningRate,
            Momentum = _options.Optimizer == OptimizerKind.Sgd ? _options.ResolvedMomentum : 0f,
            ReconstructionLoss = _options.Loss,
        };

        var clock = Stopwatch.StartNew();
        using (var trainer = network.CreateTrainer(data, trainerOptions))
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
                    double value = trainer.Step(order.AsSpan(start, count)).Total;
                    if (!double.IsFinite(value))
                    {
                        throw new InvalidOperationException(
                            $"The training loss became {value} in epoch {epoch}, batch {b + 1}; lower the learning rate or check the data.");
                    }

                    weightedLoss += value * count;
                    progress?.Report(new AutoencoderTrainingProgress(epoch, _options.Epochs, b + 1, batchesPerEpoch, weightedLoss / (start + count)));
                }

                epochLosses.Add(weightedLoss / samples);
                _logger.LogInformation("Autoencoder epoch {Epoch}/{Epochs}: loss {Loss:G6}", epoch, _options.Epochs, weightedLoss / samples);
            }
        }

        double seconds = clock.Elapsed.TotalSeconds;
        return new AutoencoderTrainingResult(epochLosses, seconds, (double)samples * _options.Epochs / seconds);
    }
}
