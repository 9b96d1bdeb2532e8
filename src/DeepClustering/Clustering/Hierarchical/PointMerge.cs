namespace DeepClustering.Clustering.Hierarchical;

/// <summary>
/// One merge as a linkage algorithm finds it, before the merges are sorted and numbered: the clusters that
/// contain rows <see cref="First"/> and <see cref="Second"/> merge at <see cref="Distance"/>.
/// </summary>
internal readonly record struct PointMerge(int First, int Second, double Distance);
