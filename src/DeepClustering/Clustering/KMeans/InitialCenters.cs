using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Clustering;

/// <summary>The first centres of one k-means run: drawn rows (k-means++ or uniform), as a clusters × columns copy.</summary>
internal static class InitialCenters
{
    public static float[] Draw(KMeansInitialization initialization, float[] x, int rows, int columns, int clusters, int localTrials,
        RandomGenerator random, int threads)
    {
        var chosen = initialization == KMeansInitialization.KMeansPlusPlus
            ? KMeansPlusPlusSeeding.ChooseRows(x, rows, columns, clusters, localTrials, random, threads)
            : RandomSeeding.ChooseRows(rows, clusters, random);
        return CopyRows(x, columns, chosen);
    }

    /// <summary>The rows <paramref name="indices"/> of <paramref name="x"/>, copied in that order.</summary>
    public static float[] CopyRows(float[] x, int columns, ReadOnlySpan<int> indices)
    {
        var centers = new float[indices.Length * columns];
        for (int c = 0; c < indices.Length; c++)
        {
            x.AsSpan(indices[c] * columns, columns).CopyTo(centers.AsSpan(c * columns));
        }

        return centers;
    }
}
