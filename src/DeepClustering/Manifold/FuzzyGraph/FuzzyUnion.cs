namespace DeepClustering.Manifold.FuzzyGraph;

/// <summary>
/// The symmetric fuzzy simplicial set from the directed neighbour strengths A (McInnes et al. 2018, section 3.1;
/// umap-learn's <c>fuzzy_simplicial_set</c>): W = m·(A + Aᵀ − A∘Aᵀ) + (1 − m)·(A∘Aᵀ), the probabilistic t-conorm
/// (fuzzy union) for the mix ratio m = 1, the product t-norm (fuzzy intersection) for m = 0. Zero weights are left
/// out.
/// </summary>
internal static class FuzzyUnion
{
    /// <summary>The mixed union and intersection of two directed strengths a = A(i, j) and b = A(j, i).</summary>
    public static double Combine(double a, double b, double mixRatio) =>
        mixRatio * (a + b - a * b) + (1 - mixRatio) * a * b;

    /// <summary>
    /// W from the n × <paramref name="columns"/> neighbour indices and their strengths, row-major (one row per
    /// point; a point may appear among its own neighbours with strength 0).
    /// </summary>
    public static SparseGraph Symmetrise(ReadOnlySpan<int> indices, ReadOnlySpan<float> strengths, int columns, double mixRatio)
    {
        int n = indices.Length / columns;
        var directed = Directed(indices, strengths, columns, n);

        // Every pair that is an edge in either direction, once each, in row-major order.
        var keys = new long[2 * directed.EdgeCount];
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            for (int e = directed.RowStarts[i]; e < directed.RowStarts[i + 1]; e++)
            {
                int j = directed.Targets[e];
                keys[count++] = (long)i * n + j;
                keys[count++] = (long)j * n + i;
            }
        }

        Array.Sort(keys, 0, count);
        var starts = new int[n + 1];
        var targets = new List<int>(count / 2 + n);
        var weights = new List<float>(count / 2 + n);
        int row = 0;
        for (int c = 0; c < count; c++)
        {
            if (c > 0 && keys[c] == keys[c - 1])
            {
                continue;
            }

            int i = (int)(keys[c] / n), j = (int)(keys[c] % n);
            double w = Combine(directed.Weight(i, j), directed.Weight(j, i), mixRatio);
            if (w <= 0)
            {
                continue;
            }

            while (row < i)
            {
                starts[++row] = targets.Count;
            }

            targets.Add(j);
            weights.Add((float)w);
        }

        while (row < n)
        {
            starts[++row] = targets.Count;
        }

        return new SparseGraph(n, n, starts, [.. targets], [.. weights]);
    }

    /// <summary>A as a sparse graph, positive strengths only, targets sorted within each row.</summary>
    private static DirectedStrengths Directed(ReadOnlySpan<int> indices, ReadOnlySpan<float> strengths, int columns, int n)
    {
        var starts = new int[n + 1];
        var targets = new List<int>(indices.Length);
        var weights = new List<float>(indices.Length);
        var order = new (int Target, float Weight)[columns];
        for (int i = 0; i < n; i++)
        {
            int kept = 0;
            for (int c = 0; c < columns; c++)
            {
                float w = strengths[i * columns + c];
                if (w > 0)
                {
                    order[kept++] = (indices[i * columns + c], w);
                }
            }

            Array.Sort(order, 0, kept);
            for (int c = 0; c < kept; c++)
            {
                targets.Add(order[c].Target);
                weights.Add(order[c].Weight);
            }

            starts[i + 1] = targets.Count;
        }

        return new DirectedStrengths(new SparseGraph(n, n, starts, [.. targets], [.. weights]));
    }

    private readonly struct DirectedStrengths(SparseGraph graph)
    {
        public int EdgeCount => graph.EdgeCount;

        public int[] RowStarts => graph.RowStarts;

        public int[] Targets => graph.Targets;

        /// <summary>A(i, j), 0 when j is not among i's neighbours.</summary>
        public double Weight(int i, int j)
        {
            int start = graph.RowStarts[i];
            int at = Array.BinarySearch(graph.Targets, start, graph.RowStarts[i + 1] - start, j);
            return at >= 0 ? graph.Weights[at] : 0.0;
        }
    }
}
