using DeepClustering.Networks;
using DeepClustering.Refiners.Dec;

namespace DeepClustering.Methods;

/// <summary>
/// Options of <see cref="Dec"/> (Xie, Girshick and Farhadi 2016), defaulting to DEC-keras' recipe for MNIST: the dense
/// d-500-500-2000-10 autoencoder (ReLU), pretrained end to end for 300 epochs with <c>SGD(lr=1, momentum=0.9)</c> on
/// mini-batches of 256 (<c>DEC.py</c>, <c>run_exp.py</c>), k-means with 20 initialisations on the embedding
/// (<c>KMeans(n_clusters, n_init=20)</c>), then the clustering loss with <c>SGD(0.01, 0.9)</c>, a target refreshed
/// every 140 steps, tolerance 0.1% and at most 20,000 steps.
/// </summary>
public sealed record DecOptions : StudentTClusteringOptions
{
    /// <summary>The defaults of DEC-keras, as above.</summary>
    public DecOptions()
    {
        Autoencoder = AutoencoderKind.Dense;
        PretrainingEpochs = 300;
        PretrainingOptimizer = OptimizerKind.Sgd;
        KMeansInitializationCount = 20;
    }

    internal DecRefinerOptions Refiner() => RefinerOptions(DecVariant.Dec, DecRefinerOptions.Defaults.Gamma);
}
