using DeepClustering.Decomposition;

namespace DeepClustering.Manifold;

/// <summary>Where t-SNE's embedding starts.</summary>
public enum TsneInitialization
{
    /// <summary>
    /// The data's first principal components, scaled so that the first has standard deviation 10⁻⁴ (scikit-learn's
    /// <c>init="pca"</c>, its default from 1.2 on): stable, global structure is kept, and the seed plays no part.
    /// </summary>
    Pca,

    /// <summary>Independent Gaussian coordinates of standard deviation 10⁻⁴, from the seed (<c>init="random"</c>).</summary>
    Random,
}
