namespace DeepClustering.Manifold.Layout;

/// <summary>
/// How often UMAP's layout samples each edge (umap-learn's <c>make_epochs_per_sample</c>): an edge of weight w is
/// sampled once every w_max / w epochs, so the heaviest edges every epoch and an edge of weight w_max / epochs once in
/// the run; its negative samples come <c>negativeSampleRate</c> times as often.
/// </summary>
internal static class EdgeSampling
{
    /// <summary>Epochs between two samples of each edge: w_max / w.</summary>
    public static double[] EpochsPerSample(ReadOnlySpan<float> weights)
    {
        float max = 0;
        foreach (float w in weights)
        {
            max = Math.Max(max, w);
        }

        var epochs = new double[weights.Length];
        for (int e = 0; e < weights.Length; e++)
        {
            epochs[e] = weights[e] > 0 ? (double)max / weights[e] : double.PositiveInfinity;
        }

        return epochs;
    }
}
