namespace DeepClustering.Networks;

/// <summary>The built-in autoencoder families, as an <see cref="AutoencoderArchitecture"/> names them.</summary>
public enum AutoencoderKind
{
    /// <summary>The DCEC/DEKM convolutional autoencoder (<see cref="Managed.ConvolutionalAutoencoder.Create(Tensors.Backends.IComputeBackend, int, int, int, int, Numerics.Randomness.RandomGenerator, HiddenActivation)"/>).</summary>
    Convolutional,

    /// <summary>The convolutional autoencoder of Table 1 of Kwon and Lee (<see cref="Managed.ConvolutionalAutoencoder.CreateKwonLee"/>).</summary>
    KwonLee,

    /// <summary>The fully connected autoencoder of DEC and IDEC (<see cref="Managed.DenseAutoencoder"/>).</summary>
    Dense,

    /// <summary>The stacked sparse autoencoder of DSSEC (<see cref="Managed.StackedSparseAutoencoder"/>).</summary>
    StackedSparse,
}
