namespace DeepClustering.Clustering;

/// <summary>The scores of every k of a <see cref="ClusterCountSweep"/> and the best k by each score.</summary>
public sealed class ClusterCountSweepResult
{
    internal ClusterCountSweepResult(IReadOnlyList<ClusterCountScore> scores)
    {
        Scores = scores;
        BestBySilhouette = Best(scores, s => s.Silhouette, higherIsBetter: true);
        BestByCalinskiHarabasz = Best(scores, s => s.CalinskiHarabasz, higherIsBetter: true);
        BestByDaviesBouldin = Best(scores, s => s.DaviesBouldin, higherIsBetter: false);
        BestByBic = Best(scores, s => s.Bic ?? double.NaN, higherIsBetter: false);
        BestByAic = Best(scores, s => s.Aic ?? double.NaN, higherIsBetter: false);
    }

    /// <summary>One entry per k, in increasing k.</summary>
    public IReadOnlyList<ClusterCountScore> Scores { get; }

    /// <summary>The k with the highest silhouette (the smallest such k on ties); null when no k has a score.</summary>
    public int? BestBySilhouette { get; }

    /// <summary>The k with the highest Calinski-Harabasz index.</summary>
    public int? BestByCalinskiHarabasz { get; }

    /// <summary>The k with the lowest Davies-Bouldin index.</summary>
    public int? BestByDaviesBouldin { get; }

    /// <summary>The k with the lowest BIC; null unless the models implement <see cref="IHasInformationCriteria"/>.</summary>
    public int? BestByBic { get; }

    /// <summary>The k with the lowest AIC; null unless the models implement <see cref="IHasInformationCriteria"/>.</summary>
    public int? BestByAic { get; }

    /// <summary>The k of the best finite score, the first on ties.</summary>
    internal static int? Best(IReadOnlyList<ClusterCountScore> scores, Func<ClusterCountScore, double> score, bool higherIsBetter)
    {
        int? best = null;
        double bestValue = 0;
        foreach (var s in scores)
        {
            double value = score(s);
            if (double.IsFinite(value) && (best is null || (higherIsBetter ? value > bestValue : value < bestValue)))
            {
                best = s.ClusterCount;
                bestValue = value;
            }
        }

        return best;
    }
}
