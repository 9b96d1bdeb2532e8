using DeepClustering.Data;

namespace DeepClustering.Refiners.EmbeddedKMeans;

/// <summary>The argument checks shared by the embedded k-means equations; each names the bad argument.</summary>
internal static class DekmArguments
{
    /// <summary>Requires one label per row, each a cluster index in [0, <paramref name="clusterCount"/>).</summary>
    public static void RequireLabels(IReadOnlyList<int> labels, int rows, int clusterCount, string argumentName)
    {
        ArgumentNullException.ThrowIfNull(labels, argumentName);
        if (labels.Count != rows)
        {
            throw new ArgumentException($"{labels.Count} labels were given for {rows} rows; one per row is needed.", argumentName);
        }

        for (int i = 0; i < labels.Count; i++)
        {
            if ((uint)labels[i] >= (uint)clusterCount)
            {
                throw new ArgumentException(
                    $"Label {labels[i]} of row {i} is not a cluster index in [0, {clusterCount}).", argumentName);
            }
        }
    }

    /// <summary>Requires a positive dimension that divides a row-major array into whole rows.</summary>
    /// <returns>The number of rows.</returns>
    public static int RequireRows(int length, int dimension, string argumentName)
    {
        if (dimension <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The dimension must be positive.");
        }

        if (length % dimension != 0)
        {
            throw new ArgumentException($"{length} values do not make whole rows of {dimension}.", argumentName);
        }

        return length / dimension;
    }

    /// <summary>Requires <paramref name="length"/> to be <paramref name="expected"/>.</summary>
    public static void RequireLength(int length, int expected, string what, string argumentName)
    {
        if (length != expected)
        {
            throw new ArgumentException($"{what} has {length} values; {expected} are needed.", argumentName);
        }
    }

    /// <summary>Requires every value to be finite, naming the first that is not.</summary>
    public static void RequireFinite(ReadOnlySpan<double> values, string argumentName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Value {i} is {values[i]}; values must be finite.", argumentName);
            }
        }
    }

    /// <summary>Requires the centres to have as many columns as the embeddings.</summary>
    public static void RequireSameColumns(DataMatrix embeddings, DataMatrix centres, string argumentName)
    {
        if (centres.Columns != embeddings.Columns)
        {
            throw new ArgumentException(
                $"The centres have {centres.Columns} columns and the embeddings {embeddings.Columns}; they must match.", argumentName);
        }
    }
}
