namespace DeepClustering.Refiners.EmbeddedKMeans;

/// <summary>
/// The targets of embedded k-means' greedy step: each row's target is its rotated embedding y_i = Vᵀ z_i with
/// the LAST coordinate (index d − 1) replaced by that of its cluster's rotated centre m_j = Vᵀ μ_j.
/// </summary>
/// <remarks>
/// <para>Which coordinate: the last one of V in ascending eigenvalue order (<see cref="ScatterEigenvectors"/>),
/// i.e. the direction of the LARGEST eigenvalue of S_w, the one with the most within-cluster scatter and so the
/// least cluster-structure information. Source: the DEKM code, <c>Evals, V = sorted_eig(S)</c> (ascending) and
/// <c>y_true[i, -1] = U_vt[temp[i], -1]</c> for each row of the batch; the Korean paper, section 3, around
/// equations (5)–(6), in translation: "copy y_i into ŷ_i and replace the last dimension of ŷ_i with the last
/// dimension of m_i", so that minimising Σ‖y_i − ŷ_i‖² pulls every sample towards its centre along that worst
/// direction only. Only one coordinate is replaced, never several; the other d − 1 targets equal the rotated
/// embedding at the refresh, so they hold the representation in place while the last coordinate contracts.</para>
/// <para>The targets are fixed between k-means refreshes: they come from the embeddings at the refresh, not from
/// the encoder's current output (the DEKM code builds them from <c>H_vt</c>, computed at the refresh).</para>
/// </remarks>
internal static class DekmTargets
{
    /// <summary>
    /// The targets of all n rows: <paramref name="rotated"/> (n × d, row-major, <c>Y = ZV</c>) with coordinate
    /// d − 1 of row i replaced by coordinate d − 1 of row <paramref name="labels"/>[i] of
    /// <paramref name="rotatedCentres"/> (k × d, <c>UV</c>).
    /// </summary>
    public static double[] Compute(ReadOnlySpan<double> rotated, ReadOnlySpan<double> rotatedCentres, IReadOnlyList<int> labels, int dimension)
    {
        int n = DekmArguments.RequireRows(rotated.Length, dimension, nameof(rotated));
        var all = new int[n];
        for (int i = 0; i < n; i++)
        {
            all[i] = i;
        }

        return ForRows(rotated, rotatedCentres, labels, dimension, all);
    }

    /// <summary>
    /// The targets of the rows <paramref name="rows"/> only (a mini-batch), in that order: |rows| × d, row-major.
    /// </summary>
    /// <exception cref="ArgumentException">The arrays do not fit d, a label is not a centre, or a row index is out of range.</exception>
    public static double[] ForRows(ReadOnlySpan<double> rotated, ReadOnlySpan<double> rotatedCentres, IReadOnlyList<int> labels,
        int dimension, ReadOnlySpan<int> rows)
    {
        int n = DekmArguments.RequireRows(rotated.Length, dimension, nameof(rotated));
        int k = DekmArguments.RequireRows(rotatedCentres.Length, dimension, nameof(rotatedCentres));
        DekmArguments.RequireLabels(labels, n, k, nameof(labels));
        int d = dimension, last = d - 1;
        var targets = new double[rows.Length * d];
        for (int b = 0; b < rows.Length; b++)
        {
            int i = rows[b];
            if ((uint)i >= (uint)n)
            {
                throw new ArgumentException($"Row index {i} (batch position {b}) is not a row in [0, {n}).", nameof(rows));
            }

            var target = targets.AsSpan(b * d, d);
            rotated.Slice(i * d, d).CopyTo(target);
            target[last] = rotatedCentres[labels[i] * d + last];
        }

        return targets;
    }
}
