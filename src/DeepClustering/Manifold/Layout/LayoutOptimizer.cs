using DeepClustering.Manifold.FuzzyGraph;

namespace DeepClustering.Manifold.Layout;

/// <summary>
/// UMAP's layout by stochastic gradient descent (McInnes et al. 2018, section 3.2 and appendix; umap-learn's
/// <c>optimize_layout_euclidean</c>): each epoch, every edge due for a sample pulls its source point towards its
/// target, and for each such sample the source is pushed away from <c>negativeSampleRate</c> points drawn uniformly;
/// the learning rate falls linearly from its initial value to 0 over the epochs.
/// </summary>
/// <remarks>
/// <para>
/// umap-learn updates points in place as it walks the edges, moving both ends of each (<c>move_other</c>); in
/// parallel it races on shared points, so that it is reproducible only on one thread. Here each point is moved
/// only by the edges it is the source of, reading the other points as they stood at the start of the epoch, so that
/// the epoch's updates are independent and run on any number of threads with the same result. Since the fuzzy
/// graph holds each edge in both directions and umap-learn moves both ends of each direction, every point there
/// receives two pulls per sample of an edge; here the one pull is doubled to match
/// (<see cref="Settings.PullsPerSample"/>). A transform lays new points out against the fixed training layout,
/// where umap-learn too moves only the new point, with one pull.
/// </para>
/// <para>
/// The random negative samples of a point in an epoch come from a generator seeded by the seed, the epoch and the
/// point, not from one shared stream, for the same reason.
/// </para>
/// </remarks>
internal static class LayoutOptimizer
{
    /// <summary>What the optimisation needs besides the graph and the points.</summary>
    /// <param name="A">The similarity curve's a.</param>
    /// <param name="B">The similarity curve's b.</param>
    /// <param name="RepulsionStrength">γ, the weight of the negative samples.</param>
    /// <param name="InitialLearningRate">The learning rate of the first epoch.</param>
    /// <param name="NegativeSampleRate">Negative samples per positive sample.</param>
    /// <param name="Epochs">Epochs of the layout.</param>
    /// <param name="Seed">Seed of the negative sampling.</param>
    /// <param name="PullsPerSample">Steps of attraction per sample of an edge (2 for a symmetric graph over one point set, 1 against fixed targets).</param>
    /// <param name="OverOnePointSet">Whether sources and targets are the same points (a point is then never its own negative sample).</param>
    public sealed record Settings(double A, double B, double RepulsionStrength, double InitialLearningRate, int NegativeSampleRate, int Epochs,
        long Seed, int PullsPerSample, bool OverOnePointSet);

    /// <summary>
    /// Optimises <paramref name="sources"/> (rows × <paramref name="dimensions"/>, in place) along the edges of
    /// <paramref name="graph"/>; <paramref name="fixedTargets"/> are the targets' positions, or null when the targets
    /// are the sources themselves.
    /// </summary>
    public static void Optimize(float[] sources, float[]? fixedTargets, int dimensions, SparseGraph graph, Settings settings,
        ParallelOptions parallel, Action<int>? afterEpoch)
    {
        int n = graph.Rows, vertices = graph.Columns, edges = graph.EdgeCount;
        var epochsPerSample = EdgeSampling.EpochsPerSample(graph.Weights);
        var nextSample = (double[])epochsPerSample.Clone();
        var epochsPerNegative = new double[edges];
        for (int e = 0; e < edges; e++)
        {
            epochsPerNegative[e] = epochsPerSample[e] / settings.NegativeSampleRate;
        }

        var nextNegative = (double[])epochsPerNegative.Clone();
        var snapshot = fixedTargets ?? new float[sources.Length];
        for (int epoch = 0; epoch < settings.Epochs; epoch++)
        {
            parallel.CancellationToken.ThrowIfCancellationRequested();
            if (fixedTargets is null)
            {
                Array.Copy(sources, snapshot, sources.Length);
            }

            double alpha = settings.InitialLearningRate * (1.0 - (double)epoch / settings.Epochs);
            int current = epoch;
            Parallel.For(0, n, parallel, i =>
                MovePoint(i, current, alpha, sources, snapshot, dimensions, vertices, graph, settings, epochsPerSample, nextSample, epochsPerNegative, nextNegative));
            afterEpoch?.Invoke(epoch + 1);
        }
    }

    private static void MovePoint(int i, int epoch, double alpha, float[] sources, float[] targets, int dimensions, int vertices, SparseGraph graph,
        Settings settings, double[] epochsPerSample, double[] nextSample, double[] epochsPerNegative, double[] nextNegative)
    {
        var point = sources.AsSpan(i * dimensions, dimensions);
        var random = new LayoutRandom(settings.Seed, epoch, i);
        double a = settings.A, b = settings.B, pullScale = settings.PullsPerSample;
        for (int e = graph.RowStarts[i]; e < graph.RowStarts[i + 1]; e++)
        {
            if (nextSample[e] > epoch)
            {
                continue;
            }

            int j = graph.Targets[e];
            var other = targets.AsSpan(j * dimensions, dimensions);
            double attraction = LayoutGradients.Attraction(SquaredDistance(point, other), a, b);
            for (int c = 0; c < dimensions; c++)
            {
                point[c] += (float)(pullScale * LayoutGradients.Step(attraction, point[c] - other[c]) * alpha);
            }

            nextSample[e] += epochsPerSample[e];
            int negatives = (int)((epoch - nextNegative[e]) / epochsPerNegative[e]);
            for (int p = 0; p < negatives; p++)
            {
                int k = random.Next(vertices);
                var negative = targets.AsSpan(k * dimensions, dimensions);
                double squared = SquaredDistance(point, negative);
                if (squared <= 0 && settings.OverOnePointSet && k == i)
                {
                    continue;
                }

                double repulsion = LayoutGradients.Repulsion(squared, a, b, settings.RepulsionStrength);
                for (int c = 0; c < dimensions; c++)
                {
                    // umap-learn steps by the full clip where two points coincide, to separate them.
                    double step = repulsion > 0 ? LayoutGradients.Step(repulsion, point[c] - negative[c]) : LayoutGradients.Clip;
                    point[c] += (float)(step * alpha);
                }
            }

            nextNegative[e] += negatives * epochsPerNegative[e];
        }
    }

    private static double SquaredDistance(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        double sum = 0;
        for (int c = 0; c < x.Length; c++)
        {
            double diff = x[c] - y[c];
            sum += diff * diff;
        }

        return sum;
    }
}
