namespace DeepClustering.Manifold;

/// <summary>The stages of a UMAP fit or transform, in order.</summary>
public enum UmapStage
{
    /// <summary>Finding each row's nearest neighbours.</summary>
    Neighbors,

    /// <summary>Building the fuzzy simplicial set from the neighbours.</summary>
    Graph,

    /// <summary>Computing the initial layout.</summary>
    Initialization,

    /// <summary>Optimising the layout, epoch by epoch.</summary>
    Layout,
}
