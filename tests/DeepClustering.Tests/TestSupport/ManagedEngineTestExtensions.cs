using DeepClustering.Data;
using DeepClustering.Networks.Managed;
using DeepClustering.Tensors;
using DeepClustering.Training;

namespace DeepClustering.Tests;

/// <summary>
/// The tests of the managed engine's networks hold their data as engine tensors; these put such a network and its data
/// behind the seam (the same calls the library makes), so that each test reads as before.
/// </summary>
internal static class ManagedEngineTestExtensions
{
    /// <summary>Trains the autoencoder in place through the seam.</summary>
    public static AutoencoderTrainingResult Train(this AutoencoderTrainer trainer, Autoencoder autoencoder, Tensor data,
        IProgress<AutoencoderTrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var network = autoencoder.AsNetwork();
        return trainer.Train(network, DataMatrix.FromTensor(data), progress, cancellationToken);
    }

    /// <summary>Pretrains the stack in place through the seam.</summary>
    public static GreedyLayerwisePretrainingResult Pretrain(this GreedyLayerwisePretrainer pretrainer, StackedSparseAutoencoder autoencoder, Tensor data,
        IProgress<GreedyLayerwisePretrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var network = (DeepClustering.Networks.IStackedAutoencoderNetwork)autoencoder.AsNetwork();
        return pretrainer.Pretrain(network, DataMatrix.FromTensor(data), progress, cancellationToken);
    }

    /// <summary>The embeddings of every input, n × EmbeddingDimension, through the seam.</summary>
    public static float[] Embed(this Autoencoder autoencoder, Tensor inputs)
    {
        using var network = autoencoder.AsNetwork();
        return network.Embed(DataMatrix.FromTensor(inputs));
    }
}
