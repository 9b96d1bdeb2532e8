namespace DeepClustering.Metrics;

/// <summary>
/// The counts of samples per (true class, predicted cluster): row r is the class <see cref="Classes"/>[r],
/// column c the cluster <see cref="Clusters"/>[c], both in ascending order of their label values, as in
/// scikit-learn's <c>contingency_matrix</c>. Any int is a label; −1 (noise) is a cluster of its own. Stored
/// sparsely (only non-zero cells), so a clustering with thousands of clusters costs memory in proportion to the
/// samples, not to classes × clusters.
/// </summary>
public sealed class ContingencyMatrix
{
    private readonly int[] _rowStarts;
    private readonly int[] _columnIndices;
    private readonly int[] _counts;

    private ContingencyMatrix(int[] classes, int[] clusters, int[] classSizes, int[] clusterSizes,
        int[] rowStarts, int[] columnIndices, int[] counts)
    {
        Classes = classes;
        Clusters = clusters;
        ClassSizes = classSizes;
        ClusterSizes = clusterSizes;
        _rowStarts = rowStarts;
        _columnIndices = columnIndices;
        _counts = counts;
        SampleCount = classSizes.Sum();
    }

    /// <summary>The true label value of each row, ascending.</summary>
    public IReadOnlyList<int> Classes { get; }

    /// <summary>The predicted label value of each column, ascending.</summary>
    public IReadOnlyList<int> Clusters { get; }

    /// <summary>Samples per row (class), the row sums.</summary>
    public IReadOnlyList<int> ClassSizes { get; }

    /// <summary>Samples per column (cluster), the column sums.</summary>
    public IReadOnlyList<int> ClusterSizes { get; }

    /// <summary>Rows: distinct true labels.</summary>
    public int RowCount => Classes.Count;

    /// <summary>Columns: distinct predicted labels.</summary>
    public int ColumnCount => Clusters.Count;

    /// <summary>Samples counted, the sum of all cells.</summary>
    public int SampleCount { get; }

    /// <summary>The samples of class row <paramref name="row"/> put in cluster column <paramref name="column"/>.</summary>
    public int this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
            ArgumentOutOfRangeException.ThrowIfNegative(column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, ColumnCount);
            int start = _rowStarts[row], end = _rowStarts[row + 1];
            int at = Array.BinarySearch(_columnIndices, start, end - start, column);
            return at >= 0 ? _counts[at] : 0;
        }
    }

    /// <summary>Counts the samples of each (class of <paramref name="labelsTrue"/>, cluster of <paramref name="labelsPred"/>).</summary>
    /// <exception cref="ArgumentException">The arrays differ in length (both lengths are named) or are empty.</exception>
    public static ContingencyMatrix Compute(IReadOnlyList<int> labelsTrue, IReadOnlyList<int> labelsPred)
    {
        MetricArguments.RequirePairedLabels(labelsTrue, labelsPred);
        var classes = EncodedLabels.Encode(labelsTrue);
        var clusters = EncodedLabels.Encode(labelsPred);
        int n = labelsTrue.Count;
        var keys = new long[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = (long)classes.Codes[i] * clusters.Count + clusters.Codes[i];
        }

        Array.Sort(keys);
        var rowStarts = new int[classes.Count + 1];
        var columnIndices = new List<int>();
        var counts = new List<int>();
        for (int i = 0; i < n;)
        {
            int j = i + 1;
            while (j < n && keys[j] == keys[i])
            {
                j++;
            }

            int row = (int)(keys[i] / clusters.Count);
            rowStarts[row + 1]++;
            columnIndices.Add((int)(keys[i] % clusters.Count));
            counts.Add(j - i);
            i = j;
        }

        for (int r = 0; r < classes.Count; r++)
        {
            rowStarts[r + 1] += rowStarts[r];
        }

        return new ContingencyMatrix(classes.Values, clusters.Values, classes.Counts, clusters.Counts,
            rowStarts, columnIndices.ToArray(), counts.ToArray());
    }

    /// <summary>The counts as a dense <see cref="RowCount"/> × <see cref="ColumnCount"/> array.</summary>
    public int[,] ToArray()
    {
        var dense = new int[RowCount, ColumnCount];
        foreach (var (row, column, count) in NonZeroCells())
        {
            dense[row, column] = count;
        }

        return dense;
    }

    /// <summary>The non-zero cells in row-major order (the order of scikit-learn's sparse matrix).</summary>
    public IEnumerable<(int Row, int Column, int Count)> NonZeroCells()
    {
        for (int r = 0; r < RowCount; r++)
        {
            for (int at = _rowStarts[r]; at < _rowStarts[r + 1]; at++)
            {
                yield return (r, _columnIndices[at], _counts[at]);
            }
        }
    }
}
