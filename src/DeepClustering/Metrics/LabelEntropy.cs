namespace DeepClustering.Metrics;

/// <summary>The entropy of a labelling in nats, <c>H = −Σₖ (nₖ/N)·(log nₖ − log N)</c>, as scikit-learn's <c>entropy</c>.</summary>
internal static class LabelEntropy
{
    /// <summary>H of the label sizes <paramref name="sizes"/> (all positive); 0 for a single label.</summary>
    public static double FromSizes(IReadOnlyList<int> sizes)
    {
        if (sizes.Count == 1)
        {
            return 0.0;
        }

        double n = 0;
        foreach (int size in sizes)
        {
            n += size;
        }

        double logN = Math.Log(n);
        double sum = 0;
        foreach (int size in sizes)
        {
            sum += size / n * (Math.Log(size) - logN);
        }

        return -sum;
    }
}
