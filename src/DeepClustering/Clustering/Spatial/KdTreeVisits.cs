namespace DeepClustering.Clustering.Spatial;

/// <summary>
/// Which rows of a <see cref="KdTree"/> a search has already dealt with, and how many are left under each node,
/// so that <see cref="KdTree.FindUnvisitedWithin(ReadOnlySpan{float}, double, KdTreeVisits, List{int})"/> skips finished subtrees. Marking a row costs one step per
/// tree level. Belongs to one search at a time (not thread-safe); the tree itself is not changed.
/// </summary>
internal sealed class KdTreeVisits
{
    private readonly KdTree _tree;
    private readonly int[] _unvisited;
    private readonly bool[] _visited;
    private readonly int[] _positionOfRow;

    public KdTreeVisits(KdTree tree)
    {
        _tree = tree;
        _unvisited = new int[tree.NodeCount];
        for (int node = 0; node < _unvisited.Length; node++)
        {
            _unvisited[node] = tree.RowsIn(node);
        }

        _visited = new bool[tree.Count];
        _positionOfRow = tree.PositionsOfRows();
    }

    /// <summary>Rows under <paramref name="node"/> not marked yet.</summary>
    public int UnvisitedIn(int node) => _unvisited[node];

    /// <summary>Whether the row at tree position <paramref name="position"/> is marked.</summary>
    public bool IsVisited(int position) => _visited[position];

    /// <summary>Marks <paramref name="row"/> (a row already marked stays marked and counts once).</summary>
    public void Visit(int row)
    {
        int position = _positionOfRow[row];
        if (_visited[position])
        {
            return;
        }

        _visited[position] = true;
        for (int node = _tree.LeafOf(position); ; node = (node - 1) / 2)
        {
            _unvisited[node]--;
            if (node == 0)
            {
                break;
            }
        }
    }
}
