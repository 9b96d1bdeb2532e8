using DeepClustering.Numerics.Distances;

namespace DeepClustering.Clustering.Spatial;

/// <summary>
/// A k-d tree over the rows of a float matrix, for any number of columns: radius counts, radius searches and
/// nearest-neighbour searches under the Euclidean distance. Its shape is scikit-learn's <c>KDTree</c>'s: a
/// complete binary tree of ⌊log₂(max(1, (n − 1) / leafSize))⌋ + 1 levels, each node splitting its rows at the
/// median of the column where they spread most, each node keeping the bounding box of its rows.
/// </summary>
/// <remarks>
/// A point belongs to a radius query when its squared distance, accumulated in double in column order
/// (<see cref="SquaredEuclidean"/>), is at most the squared radius: scikit-learn's <c>dist ≤ r</c> on its
/// reduced distance. Bounding boxes are pruned or taken whole only when that is exact: rounding is monotone, so a
/// point's squared distance lies between the box's smallest and largest squared distance computed the same way.
/// The tree reads the rows it was built from; they must not change while it is in use. Queries do not modify
/// the tree, so several threads may query one tree at once.
/// </remarks>
internal sealed class KdTree
{
    /// <summary>Rows per leaf at most (about); scikit-learn's <c>leaf_size</c> default.</summary>
    public const int DefaultLeafSize = 30;

    private readonly float[] _points;
    private readonly int[] _rowOfPosition;
    private readonly int[] _nodeStart;
    private readonly int[] _nodeEnd;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly int _firstLeaf;

    /// <summary>Builds the tree over <paramref name="rows"/> × <paramref name="columns"/> row-major values.</summary>
    public KdTree(ReadOnlySpan<float> values, int rows, int columns, int leafSize = DefaultLeafSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(leafSize);
        if (values.Length != (long)rows * columns)
        {
            throw new ArgumentException($"{values.Length} values do not fill {rows} × {columns}.", nameof(values));
        }

        Count = rows;
        Dimensions = columns;
        int levels = LevelCount(rows, leafSize);
        int nodeCount = (1 << levels) - 1;
        _firstLeaf = (1 << (levels - 1)) - 1;
        _nodeStart = new int[nodeCount];
        _nodeEnd = new int[nodeCount];
        _lower = new double[(long)nodeCount * columns];
        _upper = new double[(long)nodeCount * columns];

        _rowOfPosition = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            _rowOfPosition[i] = i;
        }

        Build(values, 0, 0, rows);

        _points = new float[(long)rows * columns];
        for (int position = 0; position < rows; position++)
        {
            values.Slice(_rowOfPosition[position] * columns, columns).CopyTo(_points.AsSpan(position * columns, columns));
        }
    }

    /// <summary>Rows in the tree.</summary>
    public int Count { get; }

    /// <summary>Columns of each row.</summary>
    public int Dimensions { get; }

    /// <summary>Levels of the tree for <paramref name="rows"/> rows: scikit-learn's formula.</summary>
    internal static int LevelCount(int rows, int leafSize) =>
        (int)Math.Log2(Math.Max(1, (rows - 1) / leafSize)) + 1;

    /// <summary>
    /// Rows whose squared distance to <paramref name="query"/> is at most <paramref name="radiusSquared"/>; when
    /// <paramref name="enough"/> is given, counting may stop at any count of at least that many.
    /// </summary>
    public int CountWithin(ReadOnlySpan<float> query, double radiusSquared, int enough = int.MaxValue)
    {
        RequireDimensions(query);
        int count = 0;
        CountWithin(0, query, radiusSquared, enough, ref count);
        return count;
    }

    /// <summary>
    /// Appends to <paramref name="result"/> the rows whose squared distance to <paramref name="query"/> is at most
    /// <paramref name="radiusSquared"/>, in no particular order.
    /// </summary>
    public void FindWithin(ReadOnlySpan<float> query, double radiusSquared, List<int> result)
    {
        RequireDimensions(query);
        ArgumentNullException.ThrowIfNull(result);
        FindWithin(0, query, radiusSquared, result);
    }

    /// <summary>
    /// Appends to <paramref name="result"/> the rows within the radius that <paramref name="visits"/> has not
    /// marked yet; subtrees whose rows are all marked are skipped.
    /// </summary>
    public void FindUnvisitedWithin(ReadOnlySpan<float> query, double radiusSquared, KdTreeVisits visits, List<int> result)
    {
        RequireDimensions(query);
        ArgumentNullException.ThrowIfNull(result);
        FindUnvisitedWithin(0, query, radiusSquared, visits, result);
    }

    /// <summary>
    /// The row nearest to <paramref name="query"/> among those within squared distance
    /// <paramref name="maximumSquared"/> (ties go to the lower row), or −1 when there is none.
    /// </summary>
    public int Nearest(ReadOnlySpan<float> query, double maximumSquared, out double distanceSquared)
    {
        RequireDimensions(query);
        int best = -1;
        distanceSquared = maximumSquared;
        Nearest(0, query, ref best, ref distanceSquared);
        if (best < 0)
        {
            distanceSquared = double.PositiveInfinity;
        }

        return best;
    }

    private void CountWithin(int node, ReadOnlySpan<float> query, double radiusSquared, int enough, ref int count)
    {
        BoxDistances(node, query, out double nearest, out double farthest);
        if (nearest > radiusSquared)
        {
            return;
        }

        if (farthest <= radiusSquared)
        {
            count += _nodeEnd[node] - _nodeStart[node];
            return;
        }

        if (node >= _firstLeaf)
        {
            for (int position = _nodeStart[node]; position < _nodeEnd[node]; position++)
            {
                if (PointDistance(position, query) <= radiusSquared)
                {
                    count++;
                }
            }

            return;
        }

        CountWithin(2 * node + 1, query, radiusSquared, enough, ref count);
        if (count < enough)
        {
            CountWithin(2 * node + 2, query, radiusSquared, enough, ref count);
        }
    }

    private void FindWithin(int node, ReadOnlySpan<float> query, double radiusSquared, List<int> result)
    {
        BoxDistances(node, query, out double nearest, out double farthest);
        if (nearest > radiusSquared)
        {
            return;
        }

        if (farthest <= radiusSquared)
        {
            for (int position = _nodeStart[node]; position < _nodeEnd[node]; position++)
            {
                result.Add(_rowOfPosition[position]);
            }

            return;
        }

        if (node >= _firstLeaf)
        {
            for (int position = _nodeStart[node]; position < _nodeEnd[node]; position++)
            {
                if (PointDistance(position, query) <= radiusSquared)
                {
                    result.Add(_rowOfPosition[position]);
                }
            }

            return;
        }

        FindWithin(2 * node + 1, query, radiusSquared, result);
        FindWithin(2 * node + 2, query, radiusSquared, result);
    }

    private void FindUnvisitedWithin(int node, ReadOnlySpan<float> query, double radiusSquared, KdTreeVisits visits, List<int> result)
    {
        if (visits.UnvisitedIn(node) == 0)
        {
            return;
        }

        BoxDistances(node, query, out double nearest, out double farthest);
        if (nearest > radiusSquared)
        {
            return;
        }

        if (node >= _firstLeaf || farthest <= radiusSquared)
        {
            bool inside = farthest <= radiusSquared;
            for (int position = _nodeStart[node]; position < _nodeEnd[node]; position++)
            {
                if (!visits.IsVisited(position) && (inside || PointDistance(position, query) <= radiusSquared))
                {
                    result.Add(_rowOfPosition[position]);
                }
            }

            return;
        }

        FindUnvisitedWithin(2 * node + 1, query, radiusSquared, visits, result);
        FindUnvisitedWithin(2 * node + 2, query, radiusSquared, visits, result);
    }

    private void Nearest(int node, ReadOnlySpan<float> query, ref int best, ref double bestSquared)
    {
        if (node >= _firstLeaf)
        {
            for (int position = _nodeStart[node]; position < _nodeEnd[node]; position++)
            {
                double distance = PointDistance(position, query);
                int row = _rowOfPosition[position];
                if (distance < bestSquared || (distance == bestSquared && (best < 0 || row < best)))
                {
                    bestSquared = distance;
                    best = row;
                }
            }

            return;
        }

        int left = 2 * node + 1, right = left + 1;
        double leftNearest = NearestBoxDistance(left, query);
        double rightNearest = NearestBoxDistance(right, query);
        // The nearer child first; a child is skipped only when its box is strictly farther than the best so far,
        // so that an equally distant row with a lower index is still found.
        var (first, firstNearest, second, secondNearest) = leftNearest <= rightNearest
            ? (left, leftNearest, right, rightNearest)
            : (right, rightNearest, left, leftNearest);
        if (firstNearest <= bestSquared)
        {
            Nearest(first, query, ref best, ref bestSquared);
        }

        if (secondNearest <= bestSquared)
        {
            Nearest(second, query, ref best, ref bestSquared);
        }
    }

    /// <summary>Nodes of the implicit binary tree (node i has children 2i + 1 and 2i + 2).</summary>
    internal int NodeCount => _nodeStart.Length;

    /// <summary>The first leaf node; nodes from here on are leaves.</summary>
    internal int FirstLeaf => _firstLeaf;

    /// <summary>Rows under <paramref name="node"/>.</summary>
    internal int RowsIn(int node) => _nodeEnd[node] - _nodeStart[node];

    /// <summary>The position (in tree order) of each row.</summary>
    internal int[] PositionsOfRows()
    {
        var positions = new int[Count];
        for (int position = 0; position < Count; position++)
        {
            positions[_rowOfPosition[position]] = position;
        }

        return positions;
    }

    /// <summary>The leaf whose range holds <paramref name="position"/>.</summary>
    internal int LeafOf(int position)
    {
        int node = 0;
        while (node < _firstLeaf)
        {
            node = position < _nodeEnd[2 * node + 1] ? 2 * node + 1 : 2 * node + 2;
        }

        return node;
    }

    private double PointDistance(int position, ReadOnlySpan<float> query) =>
        SquaredEuclidean.Double(_points.AsSpan(position * Dimensions, Dimensions), query);

    /// <summary>The smallest and largest squared distance from <paramref name="query"/> to the node's box.</summary>
    private void BoxDistances(int node, ReadOnlySpan<float> query, out double nearest, out double farthest)
    {
        int offset = node * Dimensions;
        double near = 0, far = 0;
        for (int k = 0; k < query.Length; k++)
        {
            double q = query[k];
            double below = _lower[offset + k] - q; // > 0 when the query is below the box
            double above = q - _upper[offset + k]; // > 0 when the query is above the box
            double gap = Math.Max(Math.Max(below, above), 0);
            near += gap * gap;
            double span = Math.Max(q - _lower[offset + k], _upper[offset + k] - q);
            far += span * span;
        }

        nearest = near;
        farthest = far;
    }

    private double NearestBoxDistance(int node, ReadOnlySpan<float> query)
    {
        int offset = node * Dimensions;
        double near = 0;
        for (int k = 0; k < query.Length; k++)
        {
            double q = query[k];
            double gap = Math.Max(Math.Max(_lower[offset + k] - q, q - _upper[offset + k]), 0);
            near += gap * gap;
        }

        return near;
    }

    private void Build(ReadOnlySpan<float> values, int node, int start, int end)
    {
        _nodeStart[node] = start;
        _nodeEnd[node] = end;
        int columns = Dimensions;
        var lower = _lower.AsSpan(node * columns, columns);
        var upper = _upper.AsSpan(node * columns, columns);
        lower.Fill(double.PositiveInfinity);
        upper.Fill(double.NegativeInfinity);
        for (int position = start; position < end; position++)
        {
            var row = values.Slice(_rowOfPosition[position] * columns, columns);
            for (int k = 0; k < columns; k++)
            {
                lower[k] = Math.Min(lower[k], row[k]);
                upper[k] = Math.Max(upper[k], row[k]);
            }
        }

        if (node >= _firstLeaf)
        {
            return;
        }

        int splitColumn = 0;
        for (int k = 1; k < columns; k++)
        {
            if (upper[k] - lower[k] > upper[splitColumn] - lower[splitColumn])
            {
                splitColumn = k;
            }
        }

        int middle = start + (end - start) / 2;
        SelectNth(values, _rowOfPosition.AsSpan(start, end - start), middle - start, splitColumn, columns);
        Build(values, 2 * node + 1, start, middle);
        Build(values, 2 * node + 2, middle, end);
    }

    /// <summary>
    /// Reorders <paramref name="rows"/> so that position <paramref name="nth"/> holds the row that would be there if
    /// they were sorted by <paramref name="column"/>, with no larger value before it and no smaller one after
    /// (Hoare's quickselect with a median-of-three pivot; equal values stop both scans, so duplicates are cheap).
    /// </summary>
    internal static void SelectNth(ReadOnlySpan<float> values, Span<int> rows, int nth, int column, int columns)
    {
        int low = 0, high = rows.Length - 1;
        while (high > low)
        {
            int middle = low + (high - low) / 2;
            float a = Key(values, rows[low], column, columns);
            float b = Key(values, rows[middle], column, columns);
            float c = Key(values, rows[high], column, columns);
            float pivot = Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
            int i = low, j = high;
            while (i <= j)
            {
                while (Key(values, rows[i], column, columns) < pivot)
                {
                    i++;
                }

                while (Key(values, rows[j], column, columns) > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (rows[i], rows[j]) = (rows[j], rows[i]);
                    i++;
                    j--;
                }
            }

            // Now rows[low..j] ≤ pivot ≤ rows[i..high], and rows strictly between j and i equal the pivot.
            if (nth <= j)
            {
                high = j;
            }
            else if (nth >= i)
            {
                low = i;
            }
            else
            {
                return;
            }
        }
    }

    private static float Key(ReadOnlySpan<float> values, int row, int column, int columns) => values[row * columns + column];

    private void RequireDimensions(ReadOnlySpan<float> query)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} values; the tree's rows have {Dimensions}.", nameof(query));
        }
    }
}
