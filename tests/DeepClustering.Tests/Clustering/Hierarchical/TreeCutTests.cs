using DeepClustering.Clustering.Hierarchical;

namespace DeepClustering.Tests.Clustering.Hierarchical;

/// <summary>scikit-learn's tree cut and its cluster numbering, on a tree small enough to follow by hand.</summary>
public sealed class TreeCutTests
{
    // Leaves 0 … 4. Node 5 = {0, 3}, 6 = {1, 4}, 7 = {2, 5} = {0, 2, 3}, 8 = {6, 7} = everything.
    private static readonly DendrogramMerge[] s_merges =
    [
        new(0, 3, 1.0, 2),
        new(1, 4, 2.0, 2),
        new(2, 5, 3.0, 3),
        new(6, 7, 4.0, 5),
    ];

    [Fact]
    public void One_cluster_is_everything() => Assert.Equal([0, 0, 0, 0, 0], TreeCut.Labels(s_merges, 5, 1));

    [Fact]
    public void Clusters_are_numbered_by_their_place_in_the_heap()
    {
        // k = 2: heap [-8] → push -6 → [-8, -6]; pushpop -7 → pops -8, leaves [-7, -6]: node 7 is label 0, node 6 label 1.
        Assert.Equal([0, 1, 0, 0, 1], TreeCut.Labels(s_merges, 5, 2));
        // k = 3: split 7: push -2 → [-7, -6, -2]; pushpop -5 → pops -7: [-6, -5, -2]: 6 → 0, 5 → 1, 2 → 2.
        Assert.Equal([1, 0, 2, 1, 0], TreeCut.Labels(s_merges, 5, 3));
        // k = 4: split 6: push -1 → [-6, -5, -2, -1]; pushpop -4 → pops -6: [-5, -4, -2, -1]: 5 → 0, 4 → 1, 2 → 2, 1 → 3.
        Assert.Equal([0, 3, 2, 0, 1], TreeCut.Labels(s_merges, 5, 4));
        // k = 5: split 5: push 0 → [-5, -4, -2, -1, 0]; pushpop -3 → pops -5: [-4, -3, -2, -1, 0].
        Assert.Equal([4, 3, 2, 1, 0], TreeCut.Labels(s_merges, 5, 5));
    }
}
