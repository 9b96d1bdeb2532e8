namespace DeepClustering.Networks;

/// <summary>
/// An optimizer of the engine, for the options that let the user choose one: the pretraining of an autoencoder
/// (<see cref="Training.AutoencoderTrainingOptions.Optimizer"/>) and DEC, IDEC and DSSEC (<see cref="Refiners.Dec.DecRefinerOptions.Optimizer"/>).
/// </summary>
public enum OptimizerKind
{
    /// <summary>
    /// Stochastic gradient descent with momentum (<see cref="Tensors.Optimizers.Sgd"/>), as DEC-keras: <c>SGD(0.01, 0.9)</c>
    /// for DEC, <c>SGD(lr=1, momentum=0.9)</c> to pretrain its autoencoder on MNIST and Fashion-MNIST.
    /// </summary>
    Sgd,

    /// <summary>Adam (<see cref="Tensors.Optimizers.Adam"/>), as the IDEC code on MNIST (<c>optimizer='adam'</c>) and DCEC and DEKM's pretraining.</summary>
    Adam,
}
