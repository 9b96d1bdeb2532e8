namespace DeepClustering.Plotting;

/// <summary>The samples chosen to show a cluster: one row of a <see cref="ClusterImageGrid"/>.</summary>
/// <param name="Cluster">The cluster's label value.</param>
/// <param name="Size">How many samples the cluster has in all.</param>
/// <param name="Indices">The chosen samples' row indices, the most typical first.</param>
public sealed record ClusterSamples(int Cluster, int Size, IReadOnlyList<int> Indices);
