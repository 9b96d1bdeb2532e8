namespace DeepClustering.Clustering;

/// <summary>
/// scikit-learn's <c>_relocate_empty_clusters_dense</c>: each cluster that received no row takes the row
/// farthest from its (old) centre, and that row's sum moves out of the cluster it was assigned to. The labels
/// are not changed; the next assignment step sees the new centre.
/// </summary>
internal static class EmptyClusterRelocation
{
    /// <summary>
    /// Relocates the empty clusters in <paramref name="sums"/> (clusters × columns) and <paramref name="counts"/>
    /// and returns how many there were. The farthest rows go to the empty clusters in order of cluster index,
    /// the farthest to the lowest index; equal distances go by row index.
    /// </summary>
    public static int Relocate(float[] x, int rows, int columns, float[] oldCenters, int[] labels, double[] sums, long[] counts, int threads)
    {
        var empty = new List<int>();
        for (int c = 0; c < counts.Length; c++)
        {
            if (counts[c] == 0)
            {
                empty.Add(c);
            }
        }

        if (empty.Count == 0)
        {
            return 0;
        }

        var distances = SquaredDistance.ToAssignedCenters(x, rows, columns, oldCenters, labels, threads);
        var farthest = Farthest(distances, empty.Count);
        for (int i = 0; i < empty.Count; i++)
        {
            int target = empty[i], row = farthest[i], source = labels[row];
            var values = x.AsSpan(row * columns, columns);
            var sourceSum = sums.AsSpan(source * columns, columns);
            var targetSum = sums.AsSpan(target * columns, columns);
            for (int f = 0; f < columns; f++)
            {
                sourceSum[f] -= values[f];
                targetSum[f] = values[f];
            }

            counts[target] = 1;
            counts[source] -= 1;
        }

        return empty.Count;
    }

    /// <summary>The indices of the <paramref name="count"/> largest distances, largest first, lower index first on ties.</summary>
    internal static int[] Farthest(ReadOnlySpan<float> distances, int count)
    {
        var chosen = new int[count];
        var taken = new HashSet<int>();
        for (int i = 0; i < count; i++)
        {
            int best = -1;
            for (int r = 0; r < distances.Length; r++)
            {
                if (!taken.Contains(r) && (best < 0 || distances[r] > distances[best]))
                {
                    best = r;
                }
            }

            chosen[i] = best;
            taken.Add(best);
        }

        return chosen;
    }
}
