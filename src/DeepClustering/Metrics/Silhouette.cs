using DeepClustering.Data;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Metrics;

/// <summary>
/// The silhouette coefficient (Rousseeuw 1987) with Euclidean distances, as scikit-learn's
/// <c>silhouette_score</c> and <c>silhouette_samples</c>: for sample i with a(i) the mean distance to the other
/// members of its cluster and b(i) the smallest mean distance to the members of another cluster,
/// <c>s(i) = (b − a) / max(a, b)</c>, 0 for a member of a one-sample cluster; the score is the mean of s(i),
/// in [−1, 1], higher is better. Needs the data and at least 2 and at most n − 1 distinct labels; any ints are
/// labels and −1 (noise) is a cluster of its own, as in scikit-learn.
/// </summary>
/// <remarks>
/// Exact: all n² distances, in double precision, computed in tiles by a register-blocked double GEMM on
/// <see cref="SilhouetteOptions.Threads"/> threads and reduced as they are made: memory is the data in double
/// (n·d) and per-cluster sums (n·k per thread), never an n × n matrix. The result does not depend on the thread
/// count or on thread timing. docs/metrics.md describes the algorithm.
/// </remarks>
public static class Silhouette
{
    /// <summary>The mean silhouette coefficient of <paramref name="labels"/> on <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The label count differs from the data's rows, or there are fewer than 2 or more than n − 1 distinct labels
    /// ("Number of labels is 1. Valid values are 2 to n_samples - 1 (inclusive)", as scikit-learn).
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static double Compute(DataMatrix data, IReadOnlyList<int> labels, SilhouetteOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new SilhouetteOptions();
        options.Validate();
        MetricArguments.RequireLabelledData(data, labels);
        if (options.SampleSize > 0 && options.SampleSize < data.Rows)
        {
            var chosen = new RandomGenerator(options.Seed).Permutation(data.Rows).AsSpan(0, options.SampleSize);
            var subsetLabels = new int[chosen.Length];
            for (int i = 0; i < chosen.Length; i++)
            {
                subsetLabels[i] = labels[chosen[i]];
            }

            return Mean(Samples(data.SelectRows(chosen), subsetLabels, options.Threads, cancellationToken));
        }

        return Mean(Samples(data, labels, options.Threads, cancellationToken));
    }

    /// <summary>
    /// The mean silhouette coefficient of a random subset of <paramref name="sampleSize"/> samples drawn with
    /// <paramref name="seed"/>, as scikit-learn's <c>silhouette_score(sample_size=…, random_state=…)</c> (the
    /// subset differs from scikit-learn's for the same seed: the generators differ).
    /// </summary>
    public static double Compute(DataMatrix data, IReadOnlyList<int> labels, int sampleSize, long seed)
    {
        if (sampleSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleSize), sampleSize, "The sample size must be positive.");
        }

        return Compute(data, labels, new SilhouetteOptions { SampleSize = sampleSize, Seed = seed });
    }

    /// <summary>The silhouette coefficient s(i) of every sample, as scikit-learn's <c>silhouette_samples</c>.</summary>
    /// <param name="data">The samples, one per row.</param>
    /// <param name="labels">One label per row.</param>
    /// <param name="threads">Threads that compute distances; 0 uses every core.</param>
    /// <param name="cancellationToken">Stops the computation between tiles.</param>
    /// <exception cref="ArgumentException">As <see cref="Compute(DataMatrix, IReadOnlyList{int}, SilhouetteOptions?, CancellationToken)"/>.</exception>
    public static double[] Samples(DataMatrix data, IReadOnlyList<int> labels, int threads = 0, CancellationToken cancellationToken = default)
    {
        MetricArguments.RequireLabelledData(data, labels);
        if (threads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, "threads must be 0 (every core) or positive.");
        }

        return Samples(data, labels, threads, cancellationToken, ClusterDistanceMeans.DefaultMaxAccumulatorEntries);
    }

    /// <summary>
    /// <see cref="Samples(DataMatrix, IReadOnlyList{int}, int, CancellationToken)"/> with the memory bound that picks the
    /// summing strategy and the choice of packing all rows once or per tile (for tests).
    /// </summary>
    internal static double[] Samples(DataMatrix data, IReadOnlyList<int> labels, int threads, CancellationToken cancellationToken,
        long maxAccumulatorEntries, bool packOnce = true)
    {
        var encoded = EncodedLabels.Encode(labels);
        MetricArguments.RequireClusterCountForInternalScore(encoded.Count, data.Rows);
        var (intra, nearest) = ClusterDistanceMeans.Compute(data, encoded, threads, cancellationToken, maxAccumulatorEntries, packOnce);
        var result = new double[data.Rows];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = encoded.Counts[encoded.Codes[i]] == 1 ? 0.0 : Coefficient(intra[i], nearest[i]);
        }

        return result;
    }

    /// <summary>s = (b − a) / max(a, b); 0 when both are 0 (scikit-learn's NaN, set to 0).</summary>
    internal static double Coefficient(double a, double b)
    {
        double denominator = Math.Max(a, b);
        return denominator > 0 ? (b - a) / denominator : 0.0;
    }

    private static double Mean(double[] values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }
}
