namespace DeepClustering.Networks;

/// <summary>
/// The activation between an autoencoder's hidden layers. Kwon and Lee (2023) compare ReLU and Sigmoid on their
/// convolutional autoencoder and find ReLU better on MNIST and Fashion-MNIST.
/// </summary>
public enum HiddenActivation
{
    /// <summary>max(x, 0): DEC, IDEC, DCEC and DEKM.</summary>
    ReLU,

    /// <summary>1 / (1 + exp(−x)).</summary>
    Sigmoid,

    /// <summary>x for x &gt; 0, else 0.01·x (PyTorch's default slope).</summary>
    LeakyReLU,

    /// <summary>tanh(x).</summary>
    Tanh,
}
