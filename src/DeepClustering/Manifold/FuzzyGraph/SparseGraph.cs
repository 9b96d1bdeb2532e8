namespace DeepClustering.Manifold.FuzzyGraph;

/// <summary>
/// A weighted directed graph in compressed sparse rows: the edges leaving row i are
/// <c>Targets[RowStarts[i] .. RowStarts[i + 1]]</c> with their <c>Weights</c>, targets in increasing order.
/// UMAP's fuzzy simplicial set is one (symmetric, rows = columns = points); so is the graph from new points to
/// the training points that a transform lays out against.
/// </summary>
internal sealed class SparseGraph
{
    public SparseGraph(int rows, int columns, int[] rowStarts, int[] targets, float[] weights)
    {
        if (rowStarts.Length != rows + 1 || targets.Length != weights.Length || rowStarts[rows] != targets.Length)
        {
            throw new ArgumentException("The row starts, targets and weights do not describe one graph.", nameof(rowStarts));
        }

        Rows = rows;
        Columns = columns;
        RowStarts = rowStarts;
        Targets = targets;
        Weights = weights;
    }

    /// <summary>Source vertices.</summary>
    public int Rows { get; }

    /// <summary>Target vertices (the same as <see cref="Rows"/> for a graph over one point set).</summary>
    public int Columns { get; }

    /// <summary>Where each row's edges start in <see cref="Targets"/>; one more entry than rows.</summary>
    public int[] RowStarts { get; }

    /// <summary>The target of each edge.</summary>
    public int[] Targets { get; }

    /// <summary>The membership strength of each edge, in (0, 1].</summary>
    public float[] Weights { get; }

    /// <summary>Edges stored.</summary>
    public int EdgeCount => Targets.Length;

    /// <summary>The largest weight, 0 for a graph without edges.</summary>
    public float MaxWeight()
    {
        float max = 0;
        foreach (float w in Weights)
        {
            max = Math.Max(max, w);
        }

        return max;
    }

    /// <summary>
    /// The same graph without the edges lighter than <paramref name="threshold"/>: UMAP drops the edges that
    /// would be sampled less than once in the whole layout (weight below the largest over the epoch count).
    /// </summary>
    public SparseGraph WithoutEdgesBelow(float threshold)
    {
        var starts = new int[Rows + 1];
        int kept = 0;
        for (int e = 0; e < Weights.Length; e++)
        {
            kept += Weights[e] >= threshold ? 1 : 0;
        }

        var targets = new int[kept];
        var weights = new float[kept];
        int next = 0;
        for (int i = 0; i < Rows; i++)
        {
            starts[i] = next;
            for (int e = RowStarts[i]; e < RowStarts[i + 1]; e++)
            {
                if (Weights[e] >= threshold)
                {
                    targets[next] = Targets[e];
                    weights[next] = Weights[e];
                    next++;
                }
            }
        }

        starts[Rows] = next;
        return new SparseGraph(Rows, Columns, starts, targets, weights);
    }

    /// <summary>The sum of each row's weights (a vertex's degree in the weighted graph).</summary>
    public double[] RowSums()
    {
        var sums = new double[Rows];
        for (int i = 0; i < Rows; i++)
        {
            double sum = 0;
            for (int e = RowStarts[i]; e < RowStarts[i + 1]; e++)
            {
                sum += Weights[e];
            }

            sums[i] = sum;
        }

        return sums;
    }
}
