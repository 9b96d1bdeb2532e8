namespace DeepClustering.Clustering.Hierarchical;

/// <summary>
/// Cuts a dendrogram into k clusters as scikit-learn's <c>_hc_cut</c> does, labels included: starting from the
/// root, the most recent merge (the highest node) is undone k − 1 times; the k remaining nodes, kept as negated
/// numbers in a CPython heap, are numbered 0 … k − 1 by their position in that heap's list.
/// </summary>
internal static class TreeCut
{
    /// <summary>The label of each of the <paramref name="leafCount"/> rows when the tree is cut into <paramref name="clusterCount"/> clusters.</summary>
    public static int[] Labels(IReadOnlyList<DendrogramMerge> merges, int leafCount, int clusterCount)
    {
        if (clusterCount < 1 || clusterCount > leafCount)
        {
            throw new ArgumentOutOfRangeException(nameof(clusterCount), clusterCount,
                $"The tree has {leafCount} leaves; it can be cut into 1 … {leafCount} clusters.");
        }

        var labels = new int[leafCount];
        if (merges.Count == 0)
        {
            return labels;
        }

        var last = merges[^1];
        var nodes = new List<int> { -(Math.Max(last.First, last.Second) + 1) };
        for (int i = 0; i < clusterCount - 1; i++)
        {
            var split = merges[-nodes[0] - leafCount];
            PythonHeap.Push(nodes, -split.First);
            PythonHeap.PushPop(nodes, -split.Second);
        }

        var pending = new Stack<int>();
        for (int label = 0; label < nodes.Count; label++)
        {
            pending.Push(-nodes[label]);
            while (pending.Count > 0)
            {
                int node = pending.Pop();
                if (node < leafCount)
                {
                    labels[node] = label;
                }
                else
                {
                    var merge = merges[node - leafCount];
                    pending.Push(merge.First);
                    pending.Push(merge.Second);
                }
            }
        }

        return labels;
    }
}
