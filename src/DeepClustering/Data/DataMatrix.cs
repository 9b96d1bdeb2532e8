using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using DeepClustering.Tensors;

namespace DeepClustering.Data;

/// <summary>
/// A dense matrix of samples (rows) by features (columns), row-major float32: the input of clusterers, metrics
/// and embeddings. Every constructor checks that the data are non-empty, rectangular and finite, and names the
/// row and column of a bad value.
/// </summary>
public sealed class DataMatrix
{
    /// <summary>Wraps <paramref name="values"/> (row-major, not copied) as a rows × columns matrix.</summary>
    public DataMatrix(float[] values, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (rows <= 0)
        {
            throw new ArgumentException($"The data have {rows} rows; at least one is needed.", nameof(rows));
        }

        if (columns <= 0)
        {
            throw new ArgumentException($"The data have {columns} columns; at least one is needed.", nameof(columns));
        }

        if ((long)rows * columns != values.Length)
        {
            throw new ArgumentException(
                $"{values.Length} values do not fill a {rows} × {columns} matrix ({(long)rows * columns} values).", nameof(values));
        }

        RequireFinite(values, columns, nameof(values));
        Values = values;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>The values, row-major.</summary>
    public float[] Values { get; }

    /// <summary>Samples.</summary>
    public int Rows { get; }

    /// <summary>Features per sample.</summary>
    public int Columns { get; }

    /// <summary>Row <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Row(int index)
    {
        if ((uint)index >= (uint)Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The matrix has {Rows} rows.");
        }

        return Values.AsSpan(index * Columns, Columns);
    }

    /// <summary>Copies jagged rows into a matrix; all rows must have the same length.</summary>
    public static DataMatrix FromRows(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("The data have no rows; at least one is needed.", nameof(rows));
        }

        int columns = rows[0]?.Length ?? throw new ArgumentException("Row 0 is null.", nameof(rows));
        var values = new float[(long)rows.Count * columns];
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i] ?? throw new ArgumentException($"Row {i} is null.", nameof(rows));
            if (row.Length != columns)
            {
                throw new ArgumentException(
                    $"Row {i} has {row.Length} values but row 0 has {columns}; all rows must have the same length.", nameof(rows));
            }

            row.CopyTo(values, (long)i * columns);
        }

        return new DataMatrix(values, rows.Count, columns);
    }

    /// <summary>Copies jagged rows of doubles into a (float32) matrix.</summary>
    public static DataMatrix FromRows(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return FromRows(rows.Select((r, i) => r is null
            ? throw new ArgumentException($"Row {i} is null.", nameof(rows))
            : Array.ConvertAll(r, v => (float)v)).ToArray());
    }

    /// <summary>Copies a two-dimensional array into a matrix.</summary>
    public static DataMatrix FromArray(float[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int rows = values.GetLength(0), columns = values.GetLength(1);
        var flat = new float[(long)rows * columns];
        Buffer.BlockCopy(values, 0, flat, 0, flat.Length * sizeof(float));
        return new DataMatrix(flat, rows, columns);
    }

    /// <summary>Copies a tensor [n, …] into an n × (product of the other dimensions) matrix.</summary>
    public static DataMatrix FromTensor(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        int rows = tensor.Size(0);
        return new DataMatrix(tensor.ToArray(), rows, tensor.Length / rows);
    }

    /// <summary>A tensor [Rows, Columns] holding a copy of the values.</summary>
    public Tensor ToTensor(Tensors.Backends.IComputeBackend backend) => new(backend, Values, Rows, Columns);

    /// <summary>The rows at the given indices, copied into a new matrix.</summary>
    public DataMatrix SelectRows(ReadOnlySpan<int> indices)
    {
        var values = new float[(long)indices.Length * Columns];
        for (int i = 0; i < indices.Length; i++)
        {
            Row(indices[i]).CopyTo(values.AsSpan(i * Columns, Columns));
        }

        return new DataMatrix(values, indices.Length, Columns);
    }

    /// <summary>
    /// Checks again that every value is finite, naming the row and column of the first that is not: the matrix wraps
    /// the caller's array, which may have changed since the constructor checked it. Every entry point that reads a
    /// matrix calls it.
    /// </summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    internal void RequireFinite(string argumentName) => RequireFinite(Values, Columns, argumentName);

    private static void RequireFinite(float[] values, int columns, string argumentName)
    {
        int bad = FirstNonFinite(values);
        if (bad >= 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"The value at row {bad / columns}, column {bad % columns} is {values[bad]}; data must be finite (no NaN or infinity)."),
                argumentName);
        }
    }

    /// <summary>The index of the first NaN or infinity (all exponent bits set), or −1.</summary>
    private static int FirstNonFinite(float[] values)
    {
        var bits = MemoryMarshal.Cast<float, int>(values.AsSpan());
        var exponent = new Vector<int>(0x7F80_0000);
        int i = 0;
        for (; i <= bits.Length - Vector<int>.Count; i += Vector<int>.Count)
        {
            if (Vector.EqualsAny(new Vector<int>(bits.Slice(i, Vector<int>.Count)) & exponent, exponent))
            {
                break;
            }
        }

        for (; i < bits.Length; i++)
        {
            if ((bits[i] & 0x7F80_0000) == 0x7F80_0000)
            {
                return i;
            }
        }

        return -1;
    }
}
