using DeepClustering.Networks;
using DeepClustering.Tensors;
using DeepClustering.Tensors.NN.Layers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepClustering.Training;

/// <summary>
/// Greedy layer-wise pretraining of a <see cref="StackedSparseAutoencoder"/> (Bengio et al. 2007; DEC, Xie et al.
/// 2016; the stacked sparse autoencoders of DSSEC): each rung is trained as a one-hidden-layer sparse autoencoder
/// that reconstructs the codes of the rung before it (the data for the first), then the rungs, already in place in
/// the stacked network, are fine-tuned together end to end.
/// </summary>
/// <remarks>
/// Rung k's autoencoder is the stacked network's own layers: encoder Linear, sigmoid and sparsity penalty (the last
/// rung's encoder is the linear embedding layer), and the decoder Linear that mirrors it with its sigmoid (the first
/// rung's decoder is the linear output layer). Training it trains the stacked network's weights in place; nothing
/// is copied. Each stage is an <see cref="AutoencoderTrainer"/> run, so the reported losses include the penalties.
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

    /// <summary>Pretrains <paramref name="model"/> on <paramref name="data"/> [samples, input dimension].</summary>
    public GreedyLayerwisePretrainingResult Pretrain(StackedSparseAutoencoder model, Tensor data,
        IProgress<GreedyLayerwisePretrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Rank != 2 || data.Size(1) != model.InputDimension)
        {
            throw new ArgumentException(
                $"Expected data [samples, {model.InputDimension}], got {TensorShape.Format(data.Shape)}.", nameof(data));
        }

        if (!ReferenceEquals(data.Backend, model.Backend))
        {
            throw new ArgumentException("The data and the model live on different backends.", nameof(data));
        }

        var layers = model.Layers;
        int stages = layers.Count + (_options.FineTune ? 1 : 0);
        bool inputGradient = model.InputGradientRequired;
        var layerResults = new List<AutoencoderTrainingResult>(layers.Count);
        AutoencoderTrainingResult? fineTuning = null;
        try
        {
            var codes = data;
            for (int k = 0; k < layers.Count; k++)
            {
                var (shallow, encoder) = RungAutoencoder(model, layers[k], isOutermost: k == 0);
                var stageProgress = Forward(progress, k + 1, stages, isFineTuning: false);
                var result = new AutoencoderTrainer(_options.LayerTraining, _logger).Train(shallow, codes, stageProgress, cancellationToken);
                layerResults.Add(result);
                _logger.LogInformation("Greedy pretraining: rung {Rung}/{Rungs} ({In} → {Out}) reached loss {Loss:G6}",
                    k + 1, layers.Count, layers[k].EncoderLinear.InputFeatures, layers[k].EncoderLinear.OutputFeatures, result.EpochLosses[^1]);
                if (k + 1 < layers.Count)
                {
                    codes = Encode(encoder, codes, _options.LayerTraining.BatchSize, cancellationToken);
                }
            }

            if (_options.FineTune)
            {
                var stageProgress = Forward(progress, stages, stages, isFineTuning: true);
                fineTuning = new AutoencoderTrainer(_options.FineTuning, _logger).Train(model, data, stageProgress, cancellationToken);
                _logger.LogInformation("Greedy pretraining: fine-tuning reached loss {Loss:G6}", fineTuning.EpochLosses[^1]);
            }
        }
        finally
        {
            // The rungs' sequences reset the first layer's flag; give the stacked network its own back.
            model.InputGradientRequired = inputGradient;
            model.Train();
        }

        return new GreedyLayerwisePretrainingResult(layerResults, fineTuning);
    }

    /// <summary>
    /// The one-hidden-layer autoencoder of rung <paramref name="layer"/>, built from the stacked network's own
    /// modules. With binary cross-entropy, an inner rung's decoder stops at the logits, which the loss expects.
    /// </summary>
    private (Autoencoder Autoencoder, Sequential Encoder) RungAutoencoder(StackedSparseAutoencoder model, StackedSparseLayer layer, bool isOutermost)
    {
        var backend = model.Backend;
        var encoder = new Sequential(backend, layer.EncoderLinear);
        if (layer.EncoderActivation is not null)
        {
            encoder.Add(layer.EncoderActivation);
        }

        if (layer.Regularizer is not null)
        {
            encoder.Add(layer.Regularizer);
        }

        var decoder = new Sequential(backend, layer.DecoderLinear);
        bool logits = _options.LayerTraining.Loss == ReconstructionLossKind.BinaryCrossEntropy;
        if (layer.DecoderActivation is not null && !(logits && !isOutermost))
        {
            decoder.Add(layer.DecoderActivation);
        }

        return (new Autoencoder(encoder, decoder, [layer.EncoderLinear.InputFeatures], "sparse-layer", layer.EncoderLinear.OutputFeatures), encoder);
    }

    /// <summary>The codes of <paramref name="input"/> under <paramref name="encoder"/>, computed batch by batch.</summary>
    private static Tensor Encode(Sequential encoder, Tensor input, int batchSize, CancellationToken cancellationToken)
    {
        var backend = encoder.Backend;
        int samples = input.Size(0);
        int columns = input.Size(1);
        batchSize = Math.Min(batchSize, samples);
        var rows = new int[batchSize];
        var batch = new Tensor(backend, batchSize, columns);
        Tensor? codes = null;
        for (int start = 0; start < samples; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(batchSize, samples - start);
            for (int i = 0; i < count; i++)
            {
                rows[i] = start + i;
            }

            batch.Resize([count, columns]);
            backend.GatherRows(input, rows.AsSpan(0, count), batch);
            var output = encoder.Forward(batch);
            int width = output.Size(1);
            codes ??= new Tensor(backend, samples, width);
            output.AsSpan().CopyTo(codes.AsSpan().Slice(start * width, count * width));
        }

        return codes!;
    }

    private static IProgress<AutoencoderTrainingProgress>? Forward(IProgress<GreedyLayerwisePretrainingProgress>? progress, int stage, int stages, bool isFineTuning) =>
        progress is null ? null : new StageProgress(progress, stage, stages, isFineTuning);

    private sealed class StageProgress(IProgress<GreedyLayerwisePretrainingProgress> target, int stage, int stages, bool isFineTuning)
        : IProgress<AutoencoderTrainingProgress>
    {
        public void Report(AutoencoderTrainingProgress value) => target.Report(new GreedyLayerwisePretrainingProgress(stage, stages, isFineTuning, value));
    }
}
