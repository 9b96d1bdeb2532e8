using System.Buffers;

namespace DeepClustering.Refiners.Dec;

/// <summary>
/// DEC's auxiliary target distribution (Xie, Girshick and Farhadi, ICML 2016, eq. 3):
/// <c>p_ij = (q_ij² / f_j) / Σ_j' (q_ij'² / f_j')</c> with the soft cluster frequencies <c>f_j = Σ_i q_ij</c>.
/// Squaring sharpens each row towards its most probable cluster; dividing by f_j keeps large clusters from
/// swallowing the others.
/// </summary>
/// <remarks>
/// The frequencies are sums over every row passed in, so pass the Q of the whole data set, as DEC-keras'
/// <c>DEC.fit</c> does (<c>q = self.model.predict(x)</c>, <c>p = self.target_distribution(q)</c> every
/// <c>update_interval</c> iterations) and then train each batch against its rows of P; a P computed per batch would
/// use the batch's frequencies instead. Sums run in double. A cluster whose frequency is 0 (every q_ij underflowed)
/// gets p_ij = 0 instead of 0/0.
/// </remarks>
internal static class TargetDistribution
{
    /// <summary>Writes P [rows, clusters] from Q [rows, clusters], both row-major.</summary>
    public static void Compute(ReadOnlySpan<float> assignments, int clusters, Span<float> target)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusters);
        if (assignments.Length == 0 || assignments.Length % clusters != 0)
        {
            throw new ArgumentException(
                $"{assignments.Length} assignment values are not a positive number of rows of {clusters}.", nameof(assignments));
        }

        StudentTAssignment.CheckLength(target.Length, assignments.Length, nameof(target));
        int rows = assignments.Length / clusters;
        double[] scratch = ArrayPool<double>.Shared.Rent(2 * clusters);
        try
        {
            var frequencies = scratch.AsSpan(0, clusters);
            var weights = scratch.AsSpan(clusters, clusters);
            ClusterFrequencies(assignments, clusters, frequencies);
            for (int i = 0; i < rows; i++)
            {
                var q = assignments.Slice(i * clusters, clusters);
                double sum = 0;
                for (int j = 0; j < clusters; j++)
                {
                    double qij = q[j];
                    weights[j] = frequencies[j] > 0 ? qij * qij / frequencies[j] : 0.0;
                    sum += weights[j];
                }

                if (!(sum > 0) || !double.IsFinite(sum))
                {
                    throw new ArgumentException(
                        $"Row {i} of Q gives the target weights a sum of {sum}; Q must be finite soft assignments (rows summing to 1).",
                        nameof(assignments));
                }

                var p = target.Slice(i * clusters, clusters);
                for (int j = 0; j < clusters; j++)
                {
                    p[j] = (float)(weights[j] / sum);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    /// <summary>The soft cluster frequencies f_j = Σ_i q_ij, summed in double; every q_ij must be finite and non-negative.</summary>
    public static void ClusterFrequencies(ReadOnlySpan<float> assignments, int clusters, Span<double> frequencies)
    {
        frequencies.Clear();
        for (int start = 0; start < assignments.Length; start += clusters)
        {
            var q = assignments.Slice(start, clusters);
            for (int j = 0; j < clusters; j++)
            {
                if (!(q[j] >= 0) || !float.IsFinite(q[j]))
                {
                    throw new ArgumentException(
                        $"The soft assignment of row {start / clusters} to cluster {j} is {q[j]}; Q must be finite and non-negative.",
                        nameof(assignments));
                }

                frequencies[j] += q[j];
            }
        }
    }
}
