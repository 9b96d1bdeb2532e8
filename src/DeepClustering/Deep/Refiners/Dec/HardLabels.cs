namespace DeepClustering.Refiners.Dec;

/// <summary>
/// Hard cluster labels from soft assignments: the most probable cluster of each row, <c>argmax_j q_ij</c>, as
/// DEC-keras' <c>q.argmax(1)</c>. Ties go to the lowest index, as NumPy's argmax.
/// </summary>
internal static class HardLabels
{
    /// <summary>Writes the argmax of each row of Q [rows, clusters] to <paramref name="labels"/> [rows].</summary>
    public static void FromAssignments(ReadOnlySpan<float> assignments, int clusters, Span<int> labels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusters);
        if (assignments.Length == 0 || assignments.Length % clusters != 0)
        {
            throw new ArgumentException(
                $"{assignments.Length} assignment values are not a positive number of rows of {clusters}.", nameof(assignments));
        }

        StudentTAssignment.CheckLength(labels.Length, assignments.Length / clusters, nameof(labels));
        for (int i = 0; i < labels.Length; i++)
        {
            var row = assignments.Slice(i * clusters, clusters);
            int best = 0;
            for (int j = 0; j < clusters; j++)
            {
                if (float.IsNaN(row[j]))
                {
                    throw new ArgumentException($"The soft assignment of row {i} to cluster {j} is NaN.", nameof(assignments));
                }

                if (row[j] > row[best])
                {
                    best = j;
                }
            }

            labels[i] = best;
        }
    }

    /// <summary>The argmax of each row of Q [rows, clusters], in a new array.</summary>
    public static int[] FromAssignments(ReadOnlySpan<float> assignments, int clusters)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusters);
        var labels = new int[assignments.Length / clusters];
        FromAssignments(assignments, clusters, labels);
        return labels;
    }
}
