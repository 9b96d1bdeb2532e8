namespace DeepClustering.Clustering.Hierarchical;

/// <summary>
/// One merge of a <see cref="Dendrogram"/>, one row of scipy's linkage matrix. Nodes 0 … n − 1 are the training
/// rows; merge i creates node n + i.
/// </summary>
/// <param name="First">The first merged node (scikit-learn's <c>children_[i, 0]</c>).</param>
/// <param name="Second">The second merged node (scikit-learn's <c>children_[i, 1]</c>).</param>
/// <param name="Distance">The linkage distance between the two merged clusters.</param>
/// <param name="Size">Rows in the new cluster.</param>
public readonly record struct DendrogramMerge(int First, int Second, double Distance, int Size);
