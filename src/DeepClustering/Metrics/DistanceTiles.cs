using System.Numerics;
using System.Runtime.CompilerServices;
using DeepClustering.Data;
using DeepClustering.Numerics.LinearAlgebra;

namespace DeepClustering.Metrics;

/// <summary>
/// Euclidean distances between blocks of rows of a data matrix, in double, one tile at a time (never the
/// whole n × n matrix): ‖xᵢ − xⱼ‖ = √max(0, ‖xᵢ‖² + ‖xⱼ‖² − 2 xᵢ·xⱼ), with the Gram block from
/// <see cref="DoubleGemmMicroKernels"/>. The rows are taken in a given order (positions) and centred on their mean
/// first, which keeps the expansion accurate for data far from the origin, and columns that are the same in every
/// row are left out (they add exactly 0 to every distance). A position's distance to itself is
/// exactly 0, as scikit-learn sets it. The centred rows are packed once into the kernel's panels when they fit
/// 512 MiB (10,000 MNIST images take 63 MB), otherwise each tile packs its own.
/// </summary>
internal sealed unsafe class DistanceTiles
{
    /// <summary>Largest tile side: a multiple of both kernels' rows and columns.</summary>
    public const int MaxBlockSize = 240;

    /// <summary>Smallest tile side, used when rows are very long.</summary>
    public const int MinBlockSize = 24;

    /// <summary>Doubles of one packed block (16 MiB) that bound the tile side for long rows.</summary>
    private const int PackedBlockBudget = 1 << 21;

    /// <summary>Doubles (512 MiB, scikit-learn's working memory is 1 GiB) up to which all rows are packed once, not per tile.</summary>
    private const long PrepackBudget = 1L << 26;

    private readonly float[] _values;
    private readonly int _depth;
    private readonly int _rowLength;
    private readonly int[] _columns;
    private readonly int[] _rowOfPosition;
    private readonly double[] _mean;

    /// <summary>Every position packed once (when it fits <see cref="PrepackBudget"/>); otherwise null and tiles pack their own rows.</summary>
    private readonly double[]? _packed;

    /// <summary>
    /// Prepares the rows of <paramref name="data"/> in the order <paramref name="rowOfPosition"/>; with
    /// <paramref name="packOnce"/> false each tile packs its own rows even when all would fit (for tests).
    /// </summary>
    public DistanceTiles(DataMatrix data, int[] rowOfPosition, bool packOnce = true)
    {
        _values = data.Values;
        _rowLength = data.Columns;
        _columns = VaryingColumns(data);
        _depth = _columns.Length;
        _rowOfPosition = rowOfPosition;
        Count = rowOfPosition.Length;
        _mean = ColumnMeans(data, _columns);
        SquaredNorms = new double[Count];
        for (int p = 0; p < Count; p++)
        {
            var row = data.Row(rowOfPosition[p]);
            double sum = 0;
            for (int j = 0; j < _columns.Length; j++)
            {
                double centred = row[_columns[j]] - _mean[j];
                sum += centred * centred;
            }

            SquaredNorms[p] = sum;
        }

        int fit = PackedBlockBudget / Math.Max(_depth, 1) / MinBlockSize * MinBlockSize;
        BlockSize = Math.Clamp(fit, MinBlockSize, MaxBlockSize);
        long paddedCount = (Count + DoubleGemmMicroKernels.Columns - 1L) / DoubleGemmMicroKernels.Columns * DoubleGemmMicroKernels.Columns;
        if (packOnce && paddedCount * _depth <= PrepackBudget)
        {
            _packed = GC.AllocateUninitializedArray<double>((int)(paddedCount * _depth), pinned: true);
            Pack(_packed, 0, Count);
        }
    }

    /// <summary>Positions (rows).</summary>
    public int Count { get; }

    /// <summary>The side of a tile: <see cref="MaxBlockSize"/>, less for very long rows.</summary>
    public int BlockSize { get; }

    /// <summary>‖xₚ − mean‖² of each position.</summary>
    public double[] SquaredNorms { get; }

    /// <summary>The largest distance of a position from the mean.</summary>
    public double Radius => Math.Sqrt(SquaredNorms.Max());

    /// <summary>A thread's buffers: packed rows and one tile of distances.</summary>
    public Workspace CreateWorkspace() => new(BlockSize, _packed is null ? _depth : 0);

    /// <summary>
    /// Fills <see cref="Workspace.Distances"/> (row stride <see cref="Workspace.Stride"/>) with the distances of
    /// positions rowStart … rowStart + rowCount − 1 to positions columnStart … columnStart + columnCount − 1.
    /// </summary>
    public void Compute(Workspace workspace, int rowStart, int rowCount, int columnStart, int columnCount)
    {
        int mr = DoubleGemmMicroKernels.Rows, nr = DoubleGemmMicroKernels.Columns;
        int paddedRows = (rowCount + mr - 1) / mr * mr;
        int paddedColumns = (columnCount + nr - 1) / nr * nr;
        double[] rowsSource, columnsSource;
        int rowsOffset, columnsOffset;
        if (_packed is not null)
        {
            (rowsSource, rowsOffset, columnsSource, columnsOffset) = (_packed, rowStart * _depth, _packed, columnStart * _depth);
        }
        else
        {
            if (workspace.PackedRowStart != rowStart || workspace.PackedRowCount != rowCount)
            {
                Pack(workspace.PackedA, rowStart, rowCount);
                workspace.PackedRowStart = rowStart;
                workspace.PackedRowCount = rowCount;
            }

            Pack(workspace.PackedB, columnStart, columnCount);
            (rowsSource, rowsOffset, columnsSource, columnsOffset) = (workspace.PackedA, 0, workspace.PackedB, 0);
        }

        int stride = workspace.Stride;
        fixed (double* aStart = rowsSource, bStart = columnsSource, c = workspace.Distances)
        {
            double* a = aStart + rowsOffset, b = bStart + columnsOffset;
            for (int jc = 0; jc < paddedColumns; jc += nr)
            {
                for (int ir = 0; ir < paddedRows; ir += mr)
                {
                    // Rows ir … ir + mr − 1 lie inside one panel of nr rows: panel ir / nr, from row ir % nr.
                    double* sliver = a + (long)(ir / nr * nr) * _depth + ir % nr;
                    DoubleGemmMicroKernels.Kernel(_depth, sliver, nr, b + (long)jc * _depth, c + ir * stride + jc, stride);
                }
            }
        }

        var norms = SquaredNorms.AsSpan(columnStart, columnCount);
        for (int i = 0; i < rowCount; i++)
        {
            var row = workspace.Distances.AsSpan(i * stride, columnCount);
            GramToDistances(row, SquaredNorms[rowStart + i], norms);
            int self = rowStart + i - columnStart;
            if ((uint)self < (uint)columnCount)
            {
                row[self] = 0;
            }
        }
    }

    /// <summary>
    /// Turns dot products gⱼ of one row into distances √max(0, (nᵢ + nⱼ) − 2gⱼ) in place; every element is
    /// computed by the same operations, vector or scalar, so the result does not depend on the tile's place.
    /// </summary>
    internal static void GramToDistances(Span<double> gram, double rowNorm, ReadOnlySpan<double> columnNorms)
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vRow = new Vector<double>(rowNorm);
            var two = new Vector<double>(2.0);
            for (; j <= gram.Length - Vector<double>.Count; j += Vector<double>.Count)
            {
                var g = new Vector<double>(gram[j..]);
                var squared = Vector.Max(vRow + new Vector<double>(columnNorms[j..]) - two * g, Vector<double>.Zero);
                Vector.SquareRoot(squared).CopyTo(gram[j..]);
            }
        }

        for (; j < gram.Length; j++)
        {
            gram[j] = Math.Sqrt(Math.Max(rowNorm + columnNorms[j] - 2.0 * gram[j], 0.0));
        }
    }

    /// <summary>The sum of <paramref name="values"/> in an order fixed by its length alone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Sum(ReadOnlySpan<double> values)
    {
        int j = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= 2 * Vector<double>.Count)
        {
            var s0 = Vector<double>.Zero;
            var s1 = Vector<double>.Zero;
            for (; j <= values.Length - 2 * Vector<double>.Count; j += 2 * Vector<double>.Count)
            {
                s0 += new Vector<double>(values[j..]);
                s1 += new Vector<double>(values[(j + Vector<double>.Count)..]);
            }

            sum = Vector.Sum(s0 + s1);
        }

        for (; j < values.Length; j++)
        {
            sum += values[j];
        }

        return sum;
    }

    /// <summary>Packs <paramref name="count"/> centred rows from position <paramref name="start"/> into panels of the kernel's column count, zero-padded.</summary>
    private void Pack(double[] destination, int start, int count)
    {
        int width = DoubleGemmMicroKernels.Columns;
        int depth = _depth;
        var mean = _mean;
        Span<int> rowOffsets = stackalloc int[width];
        for (int s = 0; s < count; s += width)
        {
            int rows = Math.Min(width, count - s);
            var panel = destination.AsSpan(s * depth, width * depth);
            if (rows < width)
            {
                panel.Clear();
            }

            // Depth outermost: the panel is written in order while its rows are read as parallel streams.
            for (int r = 0; r < rows; r++)
            {
                rowOffsets[r] = _rowOfPosition[start + s + r] * _rowLength;
            }

            var values = _values;
            for (int p = 0; p < depth; p++)
            {
                double m = mean[p];
                int column = _columns[p];
                var line = panel.Slice(p * width, rows);
                for (int r = 0; r < line.Length; r++)
                {
                    line[r] = values[rowOffsets[r] + column] - m;
                }
            }
        }
    }

    /// <summary>
    /// The columns whose value is not the same in every row. A constant column adds exactly 0 to every distance, so
    /// leaving it out changes no result and saves its share of the arithmetic (111 of MNIST's 784 pixels are 0 in
    /// all of the first 10,000 training images).
    /// </summary>
    internal static int[] VaryingColumns(DataMatrix data)
    {
        var first = data.Row(0);
        var varies = new bool[data.Columns];
        for (int i = 1; i < data.Rows; i++)
        {
            var row = data.Row(i);
            for (int j = 0; j < row.Length; j++)
            {
                varies[j] |= row[j] != first[j];
            }
        }

        return Enumerable.Range(0, data.Columns).Where(j => varies[j]).ToArray();
    }

    /// <summary>The mean of each of <paramref name="columns"/>, in double.</summary>
    private static double[] ColumnMeans(DataMatrix data, int[] columns)
    {
        var mean = new double[columns.Length];
        for (int i = 0; i < data.Rows; i++)
        {
            var row = data.Row(i);
            for (int j = 0; j < columns.Length; j++)
            {
                mean[j] += row[columns[j]];
            }
        }

        for (int j = 0; j < mean.Length; j++)
        {
            mean[j] /= data.Rows;
        }

        return mean;
    }

    /// <summary>One thread's buffers for <see cref="Compute"/>.</summary>
    internal sealed class Workspace
    {
        /// <summary>Buffers for tiles of <paramref name="blockSize"/>; packing buffers for rows of <paramref name="packedDepth"/> (0 when the rows are packed once for all).</summary>
        public Workspace(int blockSize, int packedDepth)
        {
            PackedA = GC.AllocateUninitializedArray<double>(blockSize * packedDepth, pinned: true);
            PackedB = GC.AllocateUninitializedArray<double>(blockSize * packedDepth, pinned: true);
            Distances = GC.AllocateUninitializedArray<double>(blockSize * blockSize, pinned: true);
            ColumnSums = new double[blockSize];
            Stride = blockSize;
        }

        public double[] PackedA { get; }

        public double[] PackedB { get; }

        public double[] Distances { get; }

        /// <summary>Scratch of one tile's width, for the callers' column sums.</summary>
        public double[] ColumnSums { get; }

        public int Stride { get; }

        public int PackedRowStart { get; set; } = -1;

        public int PackedRowCount { get; set; } = -1;
    }
}
