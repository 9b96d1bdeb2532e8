namespace DeepClustering.Networks.Managed;

/// <summary>Puts an engine autoencoder behind the seam.</summary>
public static class AutoencoderNetworkExtensions
{
    /// <summary>
    /// The autoencoder as an <see cref="IAutoencoderNetwork"/> that trains and embeds it in place. The network does
    /// not own the engine: disposing it leaves the autoencoder usable.
    /// </summary>
    public static ManagedAutoencoderNetwork AsNetwork(this Autoencoder autoencoder) => ManagedAutoencoderNetwork.Wrap(autoencoder);
}
