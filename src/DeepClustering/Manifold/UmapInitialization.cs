namespace DeepClustering.Manifold;

/// <summary>Where UMAP's layout starts (umap-learn's <c>init</c>).</summary>
public enum UmapInitialization
{
    /// <summary>The graph's Laplacian eigenmap, component by component when it is not connected (<c>"spectral"</c>).</summary>
    Spectral,

    /// <summary>Uniform coordinates in [−10, 10] from the seed (<c>"random"</c>).</summary>
    Random,
}
