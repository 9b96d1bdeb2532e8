namespace DeepClustering.Benchmarks.Clustering;

/// <summary>
/// Unsupervised clustering accuracy for the benchmarks: the best one-to-one matching of clusters to classes
/// (Hungarian algorithm on the contingency table), then the fraction of rows whose matched class is right. Kept
/// private to the benchmarks until the library's metrics land.
/// </summary>
internal static class ClusteringAccuracy
{
    public static double Compute(int[] truth, int[] predicted)
    {
        int size = Math.Max(truth.Max(), predicted.Max()) + 1;
        var counts = new long[size, size];
        for (int i = 0; i < truth.Length; i++)
        {
            counts[predicted[i], truth[i]]++;
        }

        // Minimise the cost max − count, i.e. maximise the matched counts.
        long max = 0;
        foreach (long c in counts)
        {
            max = Math.Max(max, c);
        }

        var cost = new long[size, size];
        for (int r = 0; r < size; r++)
        {
            for (int c = 0; c < size; c++)
            {
                cost[r, c] = max - counts[r, c];
            }
        }

        var match = Hungarian(cost, size);
        long correct = 0;
        for (int r = 0; r < size; r++)
        {
            correct += counts[r, match[r]];
        }

        return (double)correct / truth.Length;
    }

    /// <summary>The column assigned to each row in a minimum-cost perfect matching (the O(n³) potentials method).</summary>
    private static int[] Hungarian(long[,] cost, int n)
    {
        var u = new long[n + 1];
        var v = new long[n + 1];
        var p = new int[n + 1];
        var way = new int[n + 1];
        for (int i = 1; i <= n; i++)
        {
            p[0] = i;
            int j0 = 0;
            var minv = Enumerable.Repeat(long.MaxValue, n + 1).ToArray();
            var used = new bool[n + 1];
            do
            {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                long delta = long.MaxValue;
                for (int j = 1; j <= n; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    long current = cost[i0 - 1, j - 1] - u[i0] - v[j];
                    if (current < minv[j])
                    {
                        minv[j] = current;
                        way[j] = j0;
                    }

                    if (minv[j] < delta)
                    {
                        delta = minv[j];
                        j1 = j;
                    }
                }

                for (int j = 0; j <= n; j++)
                {
                    if (used[j])
                    {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minv[j] -= delta;
                    }
                }

                j0 = j1;
            }
            while (p[j0] != 0);

            do
            {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        var match = new int[n];
        for (int j = 1; j <= n; j++)
        {
            match[p[j] - 1] = j - 1;
        }

        return match;
    }
}
