namespace DeepClustering.Clustering.Hierarchical;

/// <summary>
/// Turns the merges a linkage algorithm finds into dendrogram rows: sorted by distance (stably, as numpy's
/// mergesort), each merge names the two clusters' nodes (rows are nodes 0 … n − 1, merge i creates node n + i).
/// </summary>
internal static class MergeNumbering
{
    /// <summary>The merges sorted by increasing distance, equal distances kept in their order.</summary>
    public static PointMerge[] SortByDistance(IReadOnlyList<PointMerge> merges)
    {
        var order = Enumerable.Range(0, merges.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            int byDistance = merges[a].Distance.CompareTo(merges[b].Distance);
            return byDistance != 0 ? byDistance : a.CompareTo(b);
        });
        return Array.ConvertAll(order, i => merges[i]);
    }

    /// <summary>
    /// Numbers sorted merges. With <paramref name="lowerNodeFirst"/> each row names the lower node first (scipy's
    /// <c>label</c>, used for Ward, complete and average linkage); without it the nodes keep the order of the
    /// merge's rows (scikit-learn's <c>_single_linkage_label</c>).
    /// </summary>
    public static DendrogramMerge[] Number(IReadOnlyList<PointMerge> sorted, int leafCount, bool lowerNodeFirst)
    {
        var unionFind = new LinkageUnionFind(leafCount);
        var result = new DendrogramMerge[sorted.Count];
        for (int i = 0; i < sorted.Count; i++)
        {
            int a = unionFind.Find(sorted[i].First), b = unionFind.Find(sorted[i].Second);
            if (lowerNodeFirst && a > b)
            {
                (a, b) = (b, a);
            }

            result[i] = new DendrogramMerge(a, b, sorted[i].Distance, unionFind.Merge(a, b));
        }

        return result;
    }
}
