namespace DeepClustering.Manifold.Objectives;

/// <summary>
/// The Barnes-Hut tree of an embedding in one to three dimensions: a binary tree, quadtree or octree whose root is
/// the points' bounding box and whose cells are halved along every axis until each leaf holds one point (or
/// several identical ones). Each cell knows its points' count and centre of mass and the square of its widest
/// side, which is what the opening criterion needs. Nodes live in one array, a cell's children side by side, and
/// the points are reordered so that each cell's points are contiguous (<see cref="Order"/>): walking points in that
/// order keeps neighbouring traversals in cache. Rebuilt in place for every gradient evaluation.
/// </summary>
internal sealed class SpacePartitioningTree
{
    /// <summary>Halvings at most: past about 50 a cell of a double-precision box can no longer be split.</summary>
    internal const int MaxDepth = 56;

    private readonly int _dimensions;
    private readonly int[] _order;
    private readonly int[] _scratch;
    private readonly int[] _leafOf;
    private readonly byte[] _codes;
    private Node[] _nodes;

    /// <summary>Creates an empty tree for <paramref name="pointCount"/> points in <paramref name="dimensions"/> (1 to 3) dimensions.</summary>
    public SpacePartitioningTree(int dimensions, int pointCount)
    {
        if (dimensions is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, "The tree partitions 1 to 3 dimensions.");
        }

        _dimensions = dimensions;
        _order = new int[pointCount];
        _scratch = new int[pointCount];
        _leafOf = new int[pointCount];
        _codes = new byte[pointCount];
        _nodes = new Node[Math.Max(16, 2 * pointCount)];
    }

    /// <summary>Nodes in use; node 0 is the root.</summary>
    public int NodeCount { get; private set; }

    /// <summary>The nodes; the first <see cref="NodeCount"/> are in use.</summary>
    public Node[] Nodes => _nodes;

    /// <summary>The points in tree order: each cell's points are a contiguous run.</summary>
    public int[] Order => _order;

    /// <summary>The leaf that holds each point.</summary>
    public int[] LeafOf => _leafOf;

    /// <summary>Builds the tree of the points (row-major, count × dimensions).</summary>
    public void Build(ReadOnlySpan<double> points)
    {
        int n = _order.Length, dims = _dimensions;
        var box = new Box();
        var centre = new Triple();
        for (int a = 0; a < dims; a++)
        {
            box.Min[a] = double.PositiveInfinity;
            box.Max[a] = double.NegativeInfinity;
        }

        for (int i = 0; i < n; i++)
        {
            _order[i] = i;
            for (int a = 0; a < dims; a++)
            {
                double v = points[i * dims + a];
                centre[a] += v;
                box.Min[a] = Math.Min(box.Min[a], v);
                box.Max[a] = Math.Max(box.Max[a], v);
            }
        }

        for (int a = 0; a < dims; a++)
        {
            centre[a] /= n;
        }

        NodeCount = 1;
        // The root's box is the points' bounding box, so its points are identical when the box is a point.
        BuildNode(points, 0, 0, n, box, box, centre, 0);
    }

    /// <summary>
    /// Fills cell <paramref name="node"/> (its points are <c>Order[start..end)</c>, their centre of mass and
    /// bounding box <paramref name="bounds"/> already known) and builds its children: one pass sorts the points
    /// into the child cells and sums each child's centre and bounds, a second moves them into place.
    /// </summary>
    private void BuildNode(ReadOnlySpan<double> points, int node, int start, int end, Box box, Box bounds, Triple centre, int depth)
    {
        int dims = _dimensions, count = end - start;
        double squaredWidth = 0;
        bool identical = true;
        for (int a = 0; a < dims; a++)
        {
            double width = box.Max[a] - box.Min[a];
            squaredWidth = Math.Max(squaredWidth, width * width);
            identical &= bounds.Min[a] == bounds.Max[a];
        }

        ref var cell = ref _nodes[node];
        cell.X = centre[0];
        cell.Y = centre[1];
        cell.Z = centre[2];
        cell.SquaredWidth = squaredWidth;
        cell.Count = count;
        cell.PointStart = start;
        cell.FirstChild = 0;
        cell.ChildCount = 0;
        if (count == 1 || identical || depth >= MaxDepth)
        {
            for (int r = start; r < end; r++)
            {
                _leafOf[_order[r]] = node;
            }

            return;
        }

        // Bit a of a child's code is set on the upper half of axis a.
        int cells = 1 << dims;
        var middle = new Triple();
        for (int a = 0; a < dims; a++)
        {
            middle[a] = 0.5 * (box.Min[a] + box.Max[a]);
        }

        Span<int> cellCounts = stackalloc int[8];
        Span<double> sums = stackalloc double[8 * 3];
        Span<double> lows = stackalloc double[8 * 3];
        Span<double> highs = stackalloc double[8 * 3];
        cellCounts.Clear();
        sums.Clear();
        lows.Fill(double.PositiveInfinity);
        highs.Fill(double.NegativeInfinity);
        for (int r = start; r < end; r++)
        {
            int p = _order[r], code = 0;
            for (int a = 0; a < dims; a++)
            {
                code |= points[p * dims + a] >= middle[a] ? 1 << a : 0;
            }

            _codes[r] = (byte)code;
            cellCounts[code]++;
            for (int a = 0; a < dims; a++)
            {
                double v = points[p * dims + a];
                sums[code * 3 + a] += v;
                lows[code * 3 + a] = Math.Min(lows[code * 3 + a], v);
                highs[code * 3 + a] = Math.Max(highs[code * 3 + a], v);
            }
        }

        Span<int> cellStarts = stackalloc int[9];
        cellStarts[0] = start;
        int children = 0;
        for (int c = 0; c < cells; c++)
        {
            cellStarts[c + 1] = cellStarts[c] + cellCounts[c];
            children += cellCounts[c] > 0 ? 1 : 0;
        }

        Span<int> fill = stackalloc int[8];
        cellStarts[..cells].CopyTo(fill);
        for (int r = start; r < end; r++)
        {
            _scratch[fill[_codes[r]]++] = _order[r];
        }

        Array.Copy(_scratch, start, _order, start, count);

        int firstChild = NodeCount;
        NodeCount += children;
        if (NodeCount > _nodes.Length)
        {
            Array.Resize(ref _nodes, Math.Max(NodeCount, 2 * _nodes.Length));
        }

        _nodes[node].FirstChild = firstChild;
        _nodes[node].ChildCount = children;
        int child = firstChild;
        for (int c = 0; c < cells; c++)
        {
            if (cellCounts[c] == 0)
            {
                continue;
            }

            var childBox = new Box();
            var childBounds = new Box();
            var childCentre = new Triple();
            for (int a = 0; a < dims; a++)
            {
                bool upper = (c >> a & 1) != 0;
                childBox.Min[a] = upper ? middle[a] : box.Min[a];
                childBox.Max[a] = upper ? box.Max[a] : middle[a];
                childBounds.Min[a] = lows[c * 3 + a];
                childBounds.Max[a] = highs[c * 3 + a];
                childCentre[a] = sums[c * 3 + a] / cellCounts[c];
            }

            BuildNode(points, child++, cellStarts[c], cellStarts[c + 1], childBox, childBounds, childCentre, depth + 1);
        }
    }

    /// <summary>One cell: its points' centre of mass and count, its widest side squared, and where its children are.</summary>
    internal struct Node
    {
        /// <summary>Centre of mass, first coordinate.</summary>
        public double X;

        /// <summary>Centre of mass, second coordinate (0 in one dimension).</summary>
        public double Y;

        /// <summary>Centre of mass, third coordinate (0 below three dimensions).</summary>
        public double Z;

        /// <summary>The square of the cell's widest side.</summary>
        public double SquaredWidth;

        /// <summary>Points in the cell.</summary>
        public int Count;

        /// <summary>The first child's node index; the children are consecutive.</summary>
        public int FirstChild;

        /// <summary>Non-empty children; 0 for a leaf.</summary>
        public int ChildCount;

        /// <summary>Where the cell's points start in <see cref="Order"/>.</summary>
        public int PointStart;
    }

    /// <summary>An axis-aligned box in up to three dimensions.</summary>
    private struct Box
    {
        public Triple Min;
        public Triple Max;
    }

    [System.Runtime.CompilerServices.InlineArray(3)]
    private struct Triple
    {
        private double _first;
    }
}
