namespace DeepClustering.Clustering.Hierarchical;

/// <summary>How <see cref="AgglomerativeClustering"/> measures the distance between two clusters (scikit-learn's <c>linkage</c>).</summary>
public enum Linkage
{
    /// <summary>
    /// Ward's minimum variance: the merge that least increases the total within-cluster sum of squares. The
    /// distance of clusters A and B is √(2·|A|·|B| / (|A| + |B|)) · ‖c_A − c_B‖ (scipy's convention, which is the
    /// Euclidean distance for two single points).
    /// </summary>
    Ward,

    /// <summary>The largest distance between a point of one cluster and a point of the other.</summary>
    Complete,

    /// <summary>The mean distance between the points of one cluster and the points of the other (UPGMA).</summary>
    Average,

    /// <summary>The smallest distance between a point of one cluster and a point of the other.</summary>
    Single,
}
