namespace DeepClustering.Clustering;

/// <summary>How k-means chooses its first centres when no centres are given.</summary>
public enum KMeansInitialization
{
    /// <summary>
    /// Greedy k-means++ (Arthur and Vassilvitskii, 2007, as scikit-learn's <c>init="k-means++"</c>): the first
    /// centre is a uniformly drawn row; each further centre is the best, by the resulting sum of squared
    /// distances, of several rows drawn with probability proportional to their squared distance to the nearest
    /// centre so far.
    /// </summary>
    KMeansPlusPlus,

    /// <summary>k distinct rows drawn uniformly (scikit-learn's <c>init="random"</c>).</summary>
    Random,
}
