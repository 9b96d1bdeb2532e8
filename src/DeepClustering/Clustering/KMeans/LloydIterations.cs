using DeepClustering.Numerics.Threading;

namespace DeepClustering.Clustering;

/// <summary>The outcome of one run of Lloyd's iterations.</summary>
internal sealed record LloydResult(float[] Centers, int[] Labels, int Iterations);

/// <summary>
/// Lloyd's algorithm from given centres, as scikit-learn's <c>_kmeans_single_lloyd</c>: assign every row to its
/// nearest centre, relocate empty clusters, move each centre to its cluster's mean (or unit direction); stop when
/// no label changes ("strict convergence"), when the summed squared shift of the centres is at most the
/// tolerance, or after the last iteration. Unless the labels stopped changing, a last assignment step makes the
/// labels match the final centres.
/// </summary>
internal static class LloydIterations
{
    /// <summary>Upper bound on the doubles held by the per-part cluster sums (64 MiB); large k·d gets fewer parts.</summary>
    private const long MaxSumValues = 1L << 23;

    public static LloydResult Run(NearestCenterPass pass, float[] x, int rows, int columns, float[] initialCenters, int clusters,
        int maxIterations, double tolerance, CenterRule rule, CancellationToken cancellationToken)
    {
        var centers = (float[])initialCenters.Clone();
        var newCenters = new float[centers.Length];
        var labels = new int[rows];
        Array.Fill(labels, -1);
        int maxParts = (int)Math.Clamp(MaxSumValues / ((long)clusters * columns), 1, RowParts.MaxParts);
        var sums = new ClusterSums(RowParts.Count(rows, maxParts), clusters, columns);
        var totals = new double[(long)clusters * columns];
        var counts = new long[clusters];
        var centerNorms = rule == CenterRule.UnitDirection ? new float[clusters] : null;
        bool labelsSettled = false;
        int iteration = 0;
        while (iteration < maxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iteration++;
            long changed = pass.Assign(x, rows, columns, centers, clusters, labels, sums, centerNorms);
            sums.Combine(totals, counts);
            EmptyClusterRelocation.Relocate(x, rows, columns, centers, labels, totals, counts, pass.Threads);
            CenterUpdate.Apply(rule, totals, counts, centers, newCenters, columns);
            double shift = CenterUpdate.SquaredShift(centers, newCenters);
            (centers, newCenters) = (newCenters, centers);
            if (changed == 0)
            {
                labelsSettled = true;
                break;
            }

            if (shift <= tolerance)
            {
                break;
            }
        }

        if (!labelsSettled)
        {
            pass.Assign(x, rows, columns, centers, clusters, labels, null, centerNorms);
        }

        return new LloydResult(centers, labels, iteration);
    }
}
