using DeepClustering.Manifold.FuzzyGraph;

namespace DeepClustering.Manifold.Layout;

/// <summary>The connected components of an undirected graph, numbered in the order of their smallest vertex.</summary>
internal static class ConnectedComponents
{
    /// <summary>Each vertex's component and the number of components.</summary>
    public static (int[] Labels, int Count) Label(SparseGraph graph)
    {
        int n = graph.Rows;
        var parent = new int[n];
        for (int i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        for (int i = 0; i < n; i++)
        {
            for (int e = graph.RowStarts[i]; e < graph.RowStarts[i + 1]; e++)
            {
                int a = Root(parent, i), b = Root(parent, graph.Targets[e]);
                if (a != b)
                {
                    parent[Math.Max(a, b)] = Math.Min(a, b);
                }
            }
        }

        var labels = new int[n];
        var labelOfRoot = new int[n];
        Array.Fill(labelOfRoot, -1);
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            int root = Root(parent, i);
            if (labelOfRoot[root] < 0)
            {
                labelOfRoot[root] = count++;
            }

            labels[i] = labelOfRoot[root];
        }

        return (labels, count);
    }

    private static int Root(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }
}
