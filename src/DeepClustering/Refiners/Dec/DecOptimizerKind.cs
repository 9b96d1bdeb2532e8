namespace DeepClustering.Refiners.Dec;

/// <summary>The optimizer that <see cref="DecRefiner"/> trains the encoder (with the decoder, for IDEC and DSSEC) and the centres with.</summary>
public enum DecOptimizerKind
{
    /// <summary>Stochastic gradient descent with momentum (<see cref="Tensors.Optimizers.Sgd"/>), as DEC-keras: <c>SGD(0.01, 0.9)</c>.</summary>
    Sgd,

    /// <summary>Adam (<see cref="Tensors.Optimizers.Adam"/>), as the IDEC code on MNIST: <c>optimizer='adam'</c>.</summary>
    Adam,
}
