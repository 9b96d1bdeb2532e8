using DeepClustering.Numerics.Distances;
using DeepClustering.Numerics.LinearAlgebra;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Numerics.Threading;

namespace DeepClustering.Clustering;

/// <summary>
/// Greedy k-means++ seeding, step for step as scikit-learn's <c>_kmeans_plusplus</c>: a uniformly drawn first
/// centre, then for each further centre <c>localTrials</c> candidates drawn with probability proportional to
/// their squared distance to the nearest chosen centre, keeping the candidate that leaves the smallest potential
/// (sum of those squared distances). The draws come from <see cref="RandomGenerator"/>, not NumPy, so the centres
/// differ from scikit-learn's for the same seed; the procedure does not.
/// </summary>
internal static class KMeansPlusPlusSeeding
{
    /// <summary>2 + ⌊ln k⌋ candidates per step, scikit-learn's default (Arthur and Vassilvitskii suggest O(log k)).</summary>
    public static int DefaultLocalTrials(int clusters) => 2 + (int)Math.Log(clusters);

    /// <summary>
    /// Chooses <paramref name="clusters"/> rows of <paramref name="x"/> (rows × columns) as centres and returns
    /// their indices, in the order chosen.
    /// </summary>
    public static int[] ChooseRows(float[] x, int rows, int columns, int clusters, int localTrials, RandomGenerator random, int threads)
    {
        var rowNorms = SquaredEuclidean.RowNorms(x, rows, columns);
        var chosen = new int[clusters];
        chosen[0] = random.NextInt(rows);
        var (closest, potential) = CandidateDistances(x, rows, columns, rowNorms, [chosen[0]], null, threads)[0];
        var cumulative = new double[rows];
        var candidates = new int[localTrials];
        for (int c = 1; c < clusters; c++)
        {
            CumulativeSum(closest, cumulative);
            for (int t = 0; t < localTrials; t++)
            {
                candidates[t] = SearchSorted(cumulative, random.NextDouble() * potential);
            }

            var trials = CandidateDistances(x, rows, columns, rowNorms, candidates, closest, threads);
            int best = 0;
            for (int t = 1; t < localTrials; t++)
            {
                if (trials[t].Potential < trials[best].Potential)
                {
                    best = t;
                }
            }

            (closest, potential) = trials[best];
            chosen[c] = candidates[best];
        }

        return chosen;
    }

    /// <summary>Running sums of <paramref name="values"/>, in double precision (scikit-learn's <c>stable_cumsum</c>).</summary>
    internal static void CumulativeSum(ReadOnlySpan<double> values, Span<double> cumulative)
    {
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i];
            cumulative[i] = sum;
        }
    }

    /// <summary>
    /// The first index whose running sum is at least <paramref name="value"/> (NumPy's <c>searchsorted</c>,
    /// side left), clipped to the last index as scikit-learn does.
    /// </summary>
    internal static int SearchSorted(ReadOnlySpan<double> cumulative, double value)
    {
        int low = 0, high = cumulative.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return Math.Min(low, cumulative.Length - 1);
    }

    /// <summary>
    /// For each candidate row, the squared distance of every row to its nearest centre once the candidate is
    /// added (the minimum with <paramref name="closest"/>, when given) and the sum of those distances.
    /// </summary>
    private static (double[] Closest, double Potential)[] CandidateDistances(float[] x, int rows, int columns,
        float[] rowNorms, int[] candidates, double[]? closest, int threads)
    {
        int trials = candidates.Length;
        var centers = new float[trials * columns];
        var centerNorms = new float[trials];
        for (int t = 0; t < trials; t++)
        {
            x.AsSpan(candidates[t] * columns, columns).CopyTo(centers.AsSpan(t * columns));
            centerNorms[t] = rowNorms[candidates[t]];
        }

        var distances = new double[trials][];
        for (int t = 0; t < trials; t++)
        {
            distances[t] = new double[rows];
        }

        int parts = RowParts.Count(rows);
        var partPotentials = new double[parts, trials];
        RowParts.Run(parts, threads, part =>
        {
            var dots = new float[trials * RowParts.ChunkRows];
            int end = RowParts.Start(rows, parts, part + 1);
            for (int start = RowParts.Start(rows, parts, part); start < end; start += RowParts.ChunkRows)
            {
                int count = Math.Min(RowParts.ChunkRows, end - start);
                MatrixProduct.Multiply(null, false, true, trials, count, columns, 1f, centers, columns,
                    x.AsSpan(start * columns, count * columns), columns, 0f, dots, count);
                for (int t = 0; t < trials; t++)
                {
                    var target = distances[t];
                    double potential = 0;
                    for (int j = 0; j < count; j++)
                    {
                        int row = start + j;
                        double d = Math.Max(0.0, (double)rowNorms[row] + centerNorms[t] - 2.0 * dots[t * count + j]);
                        if (closest is not null && closest[row] < d)
                        {
                            d = closest[row];
                        }

                        target[row] = d;
                        potential += d;
                    }

                    partPotentials[part, t] += potential;
                }
            }
        });

        var result = new (double[], double)[trials];
        for (int t = 0; t < trials; t++)
        {
            double potential = 0;
            for (int p = 0; p < parts; p++)
            {
                potential += partPotentials[p, t];
            }

            result[t] = (distances[t], potential);
        }

        return result;
    }
}
