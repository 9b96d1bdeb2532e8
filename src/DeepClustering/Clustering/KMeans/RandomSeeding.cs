using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Clustering;

/// <summary>k distinct rows drawn uniformly, as scikit-learn's <c>init="random"</c> (the first k of a permutation).</summary>
internal static class RandomSeeding
{
    public static int[] ChooseRows(int rows, int clusters, RandomGenerator random) => random.Permutation(rows)[..clusters];
}
