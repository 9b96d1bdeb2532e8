namespace DeepClustering.Networks;

/// <summary>The terms of one training step's loss.</summary>
/// <param name="Reconstruction">The reconstruction loss, unweighted (0 when it is not trained).</param>
/// <param name="Regularization">The network's own penalties, such as the sparsity of a stacked sparse autoencoder.</param>
/// <param name="Head">The head's loss, unweighted (0 without a head).</param>
/// <param name="Total">What the optimizer descended: ReconstructionWeight·Reconstruction + Regularization + HeadWeight·Head.</param>
public readonly record struct NetworkStepLosses(double Reconstruction, double Regularization, double Head, double Total);
