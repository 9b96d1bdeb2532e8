using DeepClustering.Networks;

namespace DeepClustering.Training;

/// <summary>Options of <see cref="GreedyLayerwisePretrainer"/>: how each rung is trained, and the fine-tuning after stacking.</summary>
public sealed class GreedyLayerwisePretrainingOptions
{
    /// <summary>The default values.</summary>
    public static class Defaults
    {
        /// <summary>
        /// Fine-tune the stacked network end to end after the layer-wise stage, as DEC does ("after greedy
        /// layer-wise training, we concatenate all encoder layers followed by all decoder layers … and then
        /// fine-tune", Xie, Girshick and Farhadi 2016, §3.2).
        /// </summary>
        public const bool FineTune = true;
    }

    /// <summary>
    /// The training of each one-hidden-layer sparse autoencoder. Its defaults (200 epochs, batches of 256, Adam at
    /// 1e-3; see <see cref="AutoencoderTrainingOptions.Defaults"/>) match DSSEC's pretraining, 200 iterations at
    /// learning rate 0.001 (the summary of Cai, Wang and Guo 2021). <see cref="ReconstructionLossKind.BinaryCrossEntropy"/>
    /// trains the inner rungs on the logits of their sigmoid reconstructions of the codes.
    /// </summary>
    public AutoencoderTrainingOptions LayerTraining { get; init; } = new();

    /// <summary>The end-to-end training of the stacked network; the same defaults as <see cref="LayerTraining"/>.</summary>
    public AutoencoderTrainingOptions FineTuning { get; init; } = new();

    /// <summary>Whether to fine-tune the stacked network after the layer-wise stage.</summary>
    public bool FineTune { get; init; } = Defaults.FineTune;

    internal void Validate()
    {
        if (LayerTraining is null)
        {
            throw new ArgumentNullException(nameof(LayerTraining), "The layer-wise training options are missing.");
        }

        if (FineTuning is null)
        {
            throw new ArgumentNullException(nameof(FineTuning), "The fine-tuning options are missing.");
        }

        LayerTraining.Validate();
        FineTuning.Validate();
    }
}
