using DeepClustering.Data;
using DeepClustering.Networks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepClustering.Training;

/// <summary>
/// Greedy layer-wise pretraining of a stacked autoencoder (<see cref="IStackedAutoencoderNetwork"/>; Bengio et al. 2007; DEC, Xie et al.
/// 2016; the stacked sparse autoencoders of DSSEC): each rung is trained as a one-hidden-layer sparse autoencoder
/// that reconstructs the codes of the rung before it (the data for the first), then the rungs, already in place in
/// the stacked network, are fine-tuned together end to end.
/// </summary>
/// <remarks>
/// Rung k's autoencoder is the stacked network's own layers (<see cref="IStackedAutoencoderNetwork.Rung"/>): encoder
/// Linear, sigmoid and sparsity penalty (the last rung's encoder is the linear embedding layer), and the decoder Linear
/// that mirrors it with its sigmoid (the first rung's decoder is the linear output layer). Training it trains the
/// stacked network's weights in place, on any backend; nothing is copied. Each stage is an <see cref="AutoencoderTrainer"/> run, so the reported losses include the penalties.
/// </remarks>
public sealed class GreedyLayerwisePretrainer
{
    private readonly GreedyLayerwisePretrainingOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a pretrainer.</summary>
    public GreedyLayerwisePretrainer(GreedyLayerwisePretrainingOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Pretrains <paramref name="network"/> on <paramref name="data"/> (one sample per row), on its own backend and device.</summary>
    public GreedyLayerwisePretrainingResult Pretrain(IStackedAutoencoderNetwork network, DataMatrix data,
        IProgress<GreedyLayerwisePretrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        NetworkInputs.Require(network, data, nameof(data));
        int rungs = network.RungCount;
        int stages = rungs + (_options.FineTune ? 1 : 0);
        bool logits = _options.LayerTraining.Loss == ReconstructionLossKind.BinaryCrossEntropy;
        var layerResults = new List<AutoencoderTrainingResult>(rungs);
        AutoencoderTrainingResult? fineTuning = null;
        var codes = data;
        for (int k = 0; k < rungs; k++)
        {
            using var rung = network.Rung(k, logitOutput: logits);
            var stageProgress = Forward(progress, k + 1, stages, isFineTuning: false);
            var result = new AutoencoderTrainer(_options.LayerTraining, _logger).Train(rung, codes, stageProgress, cancellationToken);
            layerResults.Add(result);
            _logger.LogInformation("Greedy pretraining: rung {Rung}/{Rungs} ({In} → {Out}) reached loss {Loss:G6}",
                k + 1, rungs, codes.Columns, rung.EmbeddingDimension, result.EpochLosses[^1]);
            if (k + 1 < rungs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                codes = new DataMatrix(rung.Embed(codes), codes.Rows, rung.EmbeddingDimension);
            }
        }

        if (_options.FineTune)
        {
            var stageProgress = Forward(progress, stages, stages, isFineTuning: true);
            fineTuning = new AutoencoderTrainer(_options.FineTuning, _logger).Train(network, data, stageProgress, cancellationToken);
            _logger.LogInformation("Greedy pretraining: fine-tuning reached loss {Loss:G6}", fineTuning.EpochLosses[^1]);
        }

        return new GreedyLayerwisePretrainingResult(layerResults, fineTuning);
    }

    private static IProgress<AutoencoderTrainingProgress>? Forward(IProgress<GreedyLayerwisePretrainingProgress>? progress, int stage, int stages, bool isFineTuning) =>
        progress is null ? null : new StageProgress(progress, stage, stages, isFineTuning);

    private sealed class StageProgress(IProgress<GreedyLayerwisePretrainingProgress> target, int stage, int stages, bool isFineTuning)
        : IProgress<AutoencoderTrainingProgress>
    {
        public void Report(AutoencoderTrainingProgress value) => target.Report(new GreedyLayerwisePretrainingProgress(stage, stages, isFineTuning, value));
    }
}
