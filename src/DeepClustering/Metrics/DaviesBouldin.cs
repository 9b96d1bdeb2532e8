using DeepClustering.Data;

namespace DeepClustering.Metrics;

/// <summary>
/// The Davies-Bouldin index (Davies and Bouldin 1979), as scikit-learn's <c>davies_bouldin_score</c>: with
/// sᵢ the mean distance of cluster i's members to its centroid and dᵢⱼ the distance between centroids,
/// <c>DB = (1/k) Σᵢ maxⱼ≠ᵢ (sᵢ + sⱼ) / dᵢⱼ</c>. Lower is better, 0 at best. As scikit-learn: 0 when every sᵢ or
/// every dᵢⱼ is within 1e-8 of 0 (numpy's allclose), and a pair of coincident centroids (dᵢⱼ = 0) counts as 0.
/// Needs the data and 2 … n − 1 distinct labels; any ints are labels and −1 (noise) is a cluster of its own.
/// O(n·d + k²·d), in double; distances are taken as differences (‖x − c‖ directly), not through the
/// ‖x‖² − 2x·c + ‖c‖² expansion scikit-learn uses, so a one-member cluster gets sᵢ = 0 exactly.
/// </summary>
public static class DaviesBouldin
{
    /// <summary>numpy.allclose(x, 0)'s absolute tolerance.</summary>
    private const double AllCloseTolerance = 1e-8;

    /// <summary>DB of <paramref name="labels"/> on <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The label count differs from the data's rows, or there are fewer than 2 or more than n − 1 distinct labels.
    /// </exception>
    public static double Compute(DataMatrix data, IReadOnlyList<int> labels)
    {
        MetricArguments.RequireLabelledData(data, labels);
        var encoded = EncodedLabels.Encode(labels);
        MetricArguments.RequireClusterCountForInternalScore(encoded.Count, data.Rows);
        int d = data.Columns, k = encoded.Count;
        var centroids = ClusterCentroids.Compute(data, encoded);
        var spread = new double[k];
        for (int i = 0; i < data.Rows; i++)
        {
            int c = encoded.Codes[i];
            spread[c] += Math.Sqrt(ClusterCentroids.SquaredDistance(data.Row(i), centroids.AsSpan(c * d, d)));
        }

        for (int c = 0; c < k; c++)
        {
            spread[c] /= encoded.Counts[c];
        }

        var separation = new double[k, k];
        bool allSeparationsNearZero = true;
        for (int i = 0; i < k; i++)
        {
            for (int j = i + 1; j < k; j++)
            {
                double distance = Math.Sqrt(ClusterCentroids.SquaredDistance(centroids.AsSpan(i * d, d), centroids.AsSpan(j * d, d)));
                separation[i, j] = separation[j, i] = distance;
                allSeparationsNearZero &= distance <= AllCloseTolerance;
            }
        }

        if (spread.All(s => s <= AllCloseTolerance) || allSeparationsNearZero)
        {
            return 0.0;
        }

        double total = 0;
        for (int i = 0; i < k; i++)
        {
            double worst = 0;
            for (int j = 0; j < k; j++)
            {
                if (j != i)
                {
                    worst = Math.Max(worst, Ratio(spread[i], spread[j], separation[i, j]));
                }
            }

            total += worst;
        }

        return total / k;
    }

    /// <summary>Rᵢⱼ = (sᵢ + sⱼ) / dᵢⱼ, 0 for coincident centroids (scikit-learn replaces dᵢⱼ = 0 by ∞).</summary>
    internal static double Ratio(double spreadI, double spreadJ, double separation) =>
        separation == 0.0 ? 0.0 : (spreadI + spreadJ) / separation;
}
