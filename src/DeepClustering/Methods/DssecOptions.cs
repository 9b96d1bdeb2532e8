using DeepClustering.Networks;
using DeepClustering.Refiners.Dec;

namespace DeepClustering.Methods;

/// <summary>
/// Options of <see cref="Dssec"/> (deep stacked sparse embedded clustering; the summary in <c>shared/seeds/001_…</c>):
/// a stacked sparse autoencoder d-500-500-2000-10 of sigmoid layers with a KL sparsity penalty, pretrained greedily
/// layer by layer and then end to end, 200 epochs each with learning rate 0.001 (the summary's "pre-trained network
/// iterations: 200, learning rate: 0.001"), k-means with 20 initialisations, then IDEC's loss with γ = 0.1 and at most
/// 20,000 steps ("max iteration: 20,000").
/// </summary>
public sealed record DssecOptions : StudentTClusteringOptions
{
    /// <summary>The defaults of the DSSEC summary, as above.</summary>
    public DssecOptions()
    {
        Autoencoder = AutoencoderKind.StackedSparse;
        Activation = HiddenActivation.Sigmoid;
        PretrainingEpochs = 200;
        PretrainingOptimizer = OptimizerKind.Adam;
        KMeansInitializationCount = 20;
    }

    /// <summary>The weight γ of the clustering loss: 0.1 (DSSEC compares 0.1, 0.3 and 0.5).</summary>
    public double Gamma { get; init; } = DecRefinerOptions.Defaults.Gamma;

    internal DecRefinerOptions Refiner() => RefinerOptions(DecVariant.Dssec, Gamma);
}
