using DeepClustering.Networks;
using DeepClustering.Refiners.Dec;

namespace DeepClustering.Methods;

/// <summary>
/// Options of <see cref="Idec"/> (Guo, Gao, Liu and Yin 2017): DEC's autoencoder and pretraining (the IDEC code starts
/// from DEC's pretrained weights, its <c>--ae_weights</c>), k-means with 20 initialisations, then the clustering loss
/// weighted by γ = 0.1 plus the reconstruction loss, with Adam (the IDEC code's <c>optimizer = 'adam'</c> for MNIST),
/// a target refreshed every 140 steps, tolerance 0.1% and at most 20,000 steps.
/// </summary>
public sealed record IdecOptions : StudentTClusteringOptions
{
    /// <summary>The defaults of the IDEC code, as above.</summary>
    public IdecOptions()
    {
        Autoencoder = AutoencoderKind.Dense;
        PretrainingEpochs = 300;
        PretrainingOptimizer = OptimizerKind.Sgd;
        KMeansInitializationCount = 20;
    }

    /// <summary>The weight γ of the clustering loss in L_r + γ·L_c: 0.1 (the IDEC code's <c>--gamma 0.1</c>).</summary>
    public double Gamma { get; init; } = DecRefinerOptions.Defaults.Gamma;

    internal DecRefinerOptions Refiner() => RefinerOptions(DecVariant.Idec, Gamma);
}
