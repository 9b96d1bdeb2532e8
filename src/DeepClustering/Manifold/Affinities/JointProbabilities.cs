namespace DeepClustering.Manifold.Affinities;

/// <summary>
/// Symmetrises conditional affinities into joint ones, pᵢⱼ = (P(j|i) + P(i|j)) / Σ (which is the textbook
/// (P(j|i) + P(i|j)) / 2n when every row of conditionals sums to 1), as scikit-learn's <c>_joint_probabilities</c>
/// (dense) and <c>_joint_probabilities_nn</c> (sparse) do.
/// </summary>
internal static class JointProbabilities
{
    /// <summary>numpy's float64 machine epsilon, scikit-learn's floor on dense affinities (<c>MACHINE_EPSILON</c>).</summary>
    internal const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>
    /// Dense: from the n × n conditionals (row i holds P(j|i), diagonal 0) to the n × n joint affinities, each
    /// off-diagonal entry floored at <see cref="MachineEpsilon"/> as scikit-learn does, the diagonal 0.
    /// </summary>
    public static double[] Dense(double[] conditional, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (i != j)
                {
                    sum += conditional[(long)i * n + j];
                }
            }
        }

        // Σ over both triangles of (C + Cᵀ) is twice the sum of C.
        double normaliser = Math.Max(2 * sum, MachineEpsilon);
        var joint = new double[(long)n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double p = Math.Max((conditional[(long)i * n + j] + conditional[(long)j * n + i]) / normaliser, MachineEpsilon);
                joint[(long)i * n + j] = p;
                joint[(long)j * n + i] = p;
            }
        }

        return joint;
    }

    /// <summary>
    /// Sparse: from each point's conditionals over its k neighbours (row-major n × k, with the neighbours' indices)
    /// to the joint affinities on the union of both directions of the neighbour graph.
    /// </summary>
    public static SparseAffinities Sparse(int[] neighbors, double[] conditional, int n, int k)
    {
        // Row i gets its own neighbours' entries and an entry for every point that has i as a neighbour.
        var counts = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            counts[i] += k;
            for (int m = 0; m < k; m++)
            {
                counts[neighbors[(long)i * k + m]]++;
            }
        }

        var start = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            start[i + 1] = start[i] + counts[i];
        }

        var columns = new int[start[n]];
        var values = new double[start[n]];
        var fill = (int[])start.Clone();
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            for (int m = 0; m < k; m++)
            {
                int j = neighbors[(long)i * k + m];
                double c = conditional[(long)i * k + m];
                columns[fill[i]] = j;
                values[fill[i]++] = c;
                columns[fill[j]] = i;
                values[fill[j]++] = c;
                sum += 2 * c;
            }
        }

        double normaliser = Math.Max(sum, MachineEpsilon);
        var rowStart = new int[n + 1];
        int write = 0;
        for (int i = 0; i < n; i++)
        {
            rowStart[i] = write;
            int from = start[i], length = start[i + 1] - from;
            Array.Sort(columns, values, from, length);
            for (int e = from; e < from + length; e++)
            {
                if (write > rowStart[i] && columns[write - 1] == columns[e])
                {
                    values[write - 1] += values[e];
                }
                else
                {
                    columns[write] = columns[e];
                    values[write++] = values[e];
                }
            }
        }

        rowStart[n] = write;
        Array.Resize(ref columns, write);
        Array.Resize(ref values, write);
        for (int e = 0; e < write; e++)
        {
            values[e] /= normaliser;
        }

        return new SparseAffinities(rowStart, columns, values);
    }
}
