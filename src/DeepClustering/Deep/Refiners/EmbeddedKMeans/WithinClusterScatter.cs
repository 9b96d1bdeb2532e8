using DeepClustering.Data;

namespace DeepClustering.Refiners.EmbeddedKMeans;

/// <summary>
/// The within-cluster scatter matrix of embedded k-means (DEKM: Guo, Lin and Ye, ICDMW 2021; section 3 of the
/// Korean analysis paper, equation (4)): <c>S_w = Σ_j Σ_{i∈C_j} (z_i − μ_j)(z_i − μ_j)ᵀ</c>, d × d, summed in
/// double. The DEKM code forms it the same way, with k-means' own centres rather than recomputed means
/// (<c>temp = H[assignment == i] - U[i]; S = Σ_i tempᵀ temp</c> in DEKM.py).
/// </summary>
/// <remarks>
/// The Korean paper prints the summand as <c>(z_i − μ_i)ᵀ(z_i − μ_i)</c>, a scalar; with column vectors the d × d
/// matrix whose trace is the k-means loss is the outer product written here, which is what the DEKM code computes.
/// </remarks>
internal static class WithinClusterScatter
{
    /// <summary>
    /// S_w of the rows of <paramref name="embeddings"/> (n × d) around the centre of their cluster: row i belongs
    /// to cluster <paramref name="labels"/>[i], whose centre is row labels[i] of <paramref name="centres"/> (k × d).
    /// </summary>
    /// <returns>The d × d matrix, row-major, exactly symmetric.</returns>
    /// <exception cref="ArgumentException">A label is not a row of the centres, the label count is not the row
    /// count, or the centres have another number of columns.</exception>
    public static double[] Compute(DataMatrix embeddings, IReadOnlyList<int> labels, DataMatrix centres)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(centres);
        DekmArguments.RequireSameColumns(embeddings, centres, nameof(centres));
        DekmArguments.RequireLabels(labels, embeddings.Rows, centres.Rows, nameof(labels));

        int d = embeddings.Columns;
        var scatter = new double[d * d];
        var difference = new double[d];
        for (int i = 0; i < embeddings.Rows; i++)
        {
            var row = embeddings.Row(i);
            var centre = centres.Row(labels[i]);
            for (int j = 0; j < d; j++)
            {
                difference[j] = (double)row[j] - centre[j];
            }

            // The upper triangle only; the lower one is mirrored below, so the result is exactly symmetric.
            for (int a = 0; a < d; a++)
            {
                double da = difference[a];
                var target = scatter.AsSpan(a * d, d);
                for (int b = a; b < d; b++)
                {
                    target[b] += da * difference[b];
                }
            }
        }

        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b < a; b++)
            {
                scatter[a * d + b] = scatter[b * d + a];
            }
        }

        return scatter;
    }
}
