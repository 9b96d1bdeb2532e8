namespace DeepClustering.Clustering;

/// <summary>The label-free scores of the model fitted for one k of a <see cref="ClusterCountSweep"/>.</summary>
public sealed class ClusterCountScore
{
    internal ClusterCountScore(int clusterCount, IClusteringModel model, int labelsFound, double silhouette,
        double calinskiHarabasz, double daviesBouldin, double? bic, double? aic)
    {
        ClusterCount = clusterCount;
        Model = model;
        LabelsFound = labelsFound;
        Silhouette = silhouette;
        CalinskiHarabasz = calinskiHarabasz;
        DaviesBouldin = daviesBouldin;
        Bic = bic;
        Aic = aic;
    }

    /// <summary>The k given to the clusterer factory.</summary>
    public int ClusterCount { get; }

    /// <summary>The fitted model.</summary>
    public IClusteringModel Model { get; }

    /// <summary>Distinct labels in the model's training labels (−1, noise, counts as one, as in the scores).</summary>
    public int LabelsFound { get; }

    /// <summary>Mean silhouette (higher is better); NaN when the labels found are fewer than 2 or as many as the rows.</summary>
    public double Silhouette { get; }

    /// <summary>Calinski-Harabasz index (higher is better); NaN as <see cref="Silhouette"/>.</summary>
    public double CalinskiHarabasz { get; }

    /// <summary>Davies-Bouldin index (lower is better); NaN as <see cref="Silhouette"/>.</summary>
    public double DaviesBouldin { get; }

    /// <summary>The model's BIC when it implements <see cref="IHasInformationCriteria"/> (lower is better).</summary>
    public double? Bic { get; }

    /// <summary>The model's AIC when it implements <see cref="IHasInformationCriteria"/> (lower is better).</summary>
    public double? Aic { get; }
}
