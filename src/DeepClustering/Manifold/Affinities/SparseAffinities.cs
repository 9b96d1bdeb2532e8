namespace DeepClustering.Manifold.Affinities;

/// <summary>
/// A symmetric sparse matrix of joint affinities in compressed sparse rows: the columns of row i are
/// <c>Columns[RowStart[i]..RowStart[i + 1]]</c>, in increasing order, with their <c>Values</c>.
/// </summary>
internal sealed class SparseAffinities(int[] rowStart, int[] columns, double[] values)
{
    /// <summary>Where each row starts in <see cref="Columns"/> and <see cref="Values"/>; one more entry than rows.</summary>
    public int[] RowStart { get; } = rowStart;

    /// <summary>The column of each stored entry.</summary>
    public int[] Columns { get; } = columns;

    /// <summary>The value of each stored entry.</summary>
    public double[] Values { get; } = values;

    /// <summary>Rows (and columns).</summary>
    public int Size => RowStart.Length - 1;

    /// <summary>The entry at (row, column), 0 where none is stored.</summary>
    public double this[int row, int column]
    {
        get
        {
            int index = Array.BinarySearch(Columns, RowStart[row], RowStart[row + 1] - RowStart[row], column);
            return index >= 0 ? Values[index] : 0.0;
        }
    }
}
