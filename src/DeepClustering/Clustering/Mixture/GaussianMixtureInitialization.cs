namespace DeepClustering.Clustering;

/// <summary>How a Gaussian mixture's first responsibilities are chosen (scikit-learn's <c>init_params</c>).</summary>
public enum GaussianMixtureInitialization
{
    /// <summary>One-hot responsibilities from the labels of one k-means run (scikit-learn's <c>"kmeans"</c>, its default).</summary>
    KMeans,

    /// <summary>Uniformly random responsibilities, normalised per row (scikit-learn's <c>"random"</c>).</summary>
    Random,
}
