namespace DeepClustering.Clustering.Hierarchical;

/// <summary>
/// Union–find over the 2n − 1 nodes of a dendrogram (scipy's <c>LinkageUnionFind</c>): rows 0 … n − 1 start
/// alone, and each merge makes a new node n, n + 1, … the parent of both merged roots.
/// </summary>
internal sealed class LinkageUnionFind
{
    private readonly int[] _parent;
    private readonly int[] _size;
    private int _nextNode;

    public LinkageUnionFind(int leafCount)
    {
        _parent = new int[2 * leafCount - 1];
        _size = new int[2 * leafCount - 1];
        for (int i = 0; i < _parent.Length; i++)
        {
            _parent[i] = i;
            _size[i] = 1;
        }

        _nextNode = leafCount;
    }

    /// <summary>The root above <paramref name="node"/>: the node of the cluster that contains it now.</summary>
    public int Find(int node)
    {
        int root = node;
        while (_parent[root] != root)
        {
            root = _parent[root];
        }

        while (_parent[node] != root)
        {
            (node, _parent[node]) = (_parent[node], root);
        }

        return root;
    }

    /// <summary>Merges the clusters with roots <paramref name="a"/> and <paramref name="b"/>; returns the new cluster's size.</summary>
    public int Merge(int a, int b)
    {
        _parent[a] = _nextNode;
        _parent[b] = _nextNode;
        int size = _size[a] + _size[b];
        _size[_nextNode++] = size;
        return size;
    }
}
