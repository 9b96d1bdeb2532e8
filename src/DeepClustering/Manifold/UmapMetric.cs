namespace DeepClustering.Manifold;

/// <summary>The distance between input rows that UMAP's neighbour graph is built on (umap-learn's <c>metric</c>).</summary>
public enum UmapMetric
{
    /// <summary>‖x − y‖ (<c>"euclidean"</c>).</summary>
    Euclidean,

    /// <summary>1 − x·y / (‖x‖‖y‖) (<c>"cosine"</c>); every row must have a non-zero norm.</summary>
    Cosine,
}
