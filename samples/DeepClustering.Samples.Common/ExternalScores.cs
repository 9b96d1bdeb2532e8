using DeepClustering.Metrics;

namespace DeepClustering.Samples;

/// <summary>ACC, NMI and ARI of a clustering against the true classes (used to report, never to choose).</summary>
public sealed record ExternalScores(double Accuracy, double Nmi, double Ari)
{
    /// <summary>The three scores of <paramref name="labels"/> against <paramref name="truth"/>.</summary>
    public static ExternalScores Compute(IReadOnlyList<int> truth, IReadOnlyList<int> labels) => new(
        ClusteringAccuracy.Compute(truth, labels),
        NormalizedMutualInformation.Compute(truth, labels),
        AdjustedRandIndex.Compute(truth, labels));
}
