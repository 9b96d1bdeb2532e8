using DeepClustering.Networks;

namespace DeepClustering.Methods;

/// <summary>
/// Options of <see cref="AutoencoderKMeans"/>, the baseline of every deep clustering paper: an autoencoder pretrained to
/// reconstruct, then k-means on its embedding, with no joint refinement. Defaults to DCEC's pretraining of the
/// convolutional autoencoder (200 epochs of Adam on mini-batches of 256) and DCEC's and DEC-keras' k-means with 20
/// initialisations.
/// </summary>
public sealed record AutoencoderKMeansOptions : DeepClusteringMethodOptions
{
    /// <summary>The defaults above.</summary>
    public AutoencoderKMeansOptions()
    {
        Autoencoder = AutoencoderKind.Convolutional;
        PretrainingEpochs = 200;
        KMeansInitializationCount = 20;
    }
}
