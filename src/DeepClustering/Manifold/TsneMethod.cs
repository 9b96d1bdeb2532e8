namespace DeepClustering.Manifold;

/// <summary>How t-SNE computes its gradient.</summary>
public enum TsneMethod
{
    /// <summary>
    /// <see cref="Exact"/> up to <see cref="TsneOptions.Defaults.AutoExactMaxSamples"/> rows, <see cref="BarnesHut"/>
    /// above (and for three or fewer embedding dimensions only).
    /// </summary>
    Auto,

    /// <summary>
    /// All pairs, O(n²) time per iteration and O(n²) memory (a few n × n arrays of doubles), with affinities over
    /// all other points (scikit-learn's <c>method="exact"</c>).
    /// </summary>
    Exact,

    /// <summary>
    /// Affinities over the 3·perplexity + 1 nearest neighbours and repulsion approximated with a space-partitioning
    /// tree, O(n log n) per iteration (scikit-learn's default <c>method="barnes_hut"</c>); up to three dimensions.
    /// </summary>
    BarnesHut,
}
