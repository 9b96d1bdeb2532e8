using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DeepClustering.Data;
using DeepClustering.Manifold.Affinities;

namespace DeepClustering.Manifold.Objectives;

/// <summary>
/// The Barnes-Hut t-SNE objective (scikit-learn's <c>method="barnes_hut"</c>, after van der Maaten 2014). The
/// gradient ∂KL/∂yᵢ = (2(α+1)/α)·(Fᵢ⁺ − Fᵢ⁻/Z) splits into an attraction over the sparse neighbour affinities,
/// Fᵢ⁺ = Σⱼ pᵢⱼ·uᵢⱼ·(yᵢ − yⱼ), and a repulsion over all pairs, Fᵢ⁻ = Σⱼ wᵢⱼ·uᵢⱼ·(yᵢ − yⱼ) with Z = Σᵢ≠ⱼ wᵢⱼ, which a
/// <see cref="SpacePartitioningTree"/> approximates: a cell of widest side r at squared distance d² from yᵢ (to its
/// centre of mass) stands for all its points when r²/d² &lt; θ², scikit-learn's criterion. The objective is summed
/// over the neighbour pairs with q = w/Z, as scikit-learn reports it.
/// </summary>
/// <remarks>
/// Points are spread over threads in chunks of the tree's order; every point's sums run in a fixed order and the
/// per-point results are added in index order, so the result does not depend on the thread count or schedule.
/// </remarks>
internal sealed class BarnesHutObjective : ITsneObjective
{
    /// <summary>Chunks of points handed to threads per evaluation, for load balance.</summary>
    private const int Chunks = 64;

    private readonly SparseAffinities _p;
    private readonly int _n;
    private readonly int _dimensions;
    private readonly double _alpha;
    private readonly double _squaredAngle;
    private readonly ParallelOptions _parallel;
    private readonly SpacePartitioningTree _tree;
    private readonly double[] _repulsion;
    private readonly double[] _normaliserTerms;
    private readonly double[] _rowErrors;

    /// <summary>Wraps sparse joint affinities; <paramref name="angle"/> is θ.</summary>
    public BarnesHutObjective(SparseAffinities affinities, int dimensions, double angle, ParallelOptions parallel)
    {
        _p = affinities;
        _n = affinities.Size;
        _dimensions = dimensions;
        _alpha = StudentT.DegreesOfFreedom(dimensions);
        _squaredAngle = angle * angle;
        _parallel = parallel;
        _tree = new SpacePartitioningTree(dimensions, _n);
        _repulsion = new double[_n * dimensions];
        _normaliserTerms = new double[_n];
        _rowErrors = new double[_n];
    }

    /// <summary>
    /// The neighbour count scikit-learn uses: min(n − 1, ⌊3·perplexity + 1⌋).
    /// </summary>
    public static int NeighborCount(int n, double perplexity) => (int)Math.Min(n - 1, Math.Floor(3.0 * perplexity + 1));

    /// <summary>
    /// The sparse joint affinities of the data: exact nearest neighbours, each row's perplexity search over them,
    /// symmetrised.
    /// </summary>
    public static SparseAffinities Affinities(DataMatrix data, double perplexity, int threads, ParallelOptions parallel)
    {
        int n = data.Rows, k = NeighborCount(n, perplexity);
        var (neighbors, distances) = NearestNeighbors.Find(data, k, threads, parallel.CancellationToken);
        var conditional = new double[(long)n * k];
        Parallel.For(0, n, parallel, i =>
            PerplexitySearch.ConditionalRow(distances.AsSpan(i * k, k), perplexity, conditional.AsSpan(i * k, k)));
        return JointProbabilities.Sparse(neighbors, conditional, n, k);
    }

    /// <inheritdoc />
    public double Evaluate(double[] embedding, double[] gradient, double exaggeration, bool computeError)
    {
        int n = _n, dims = _dimensions;
        _tree.Build(embedding);
        int chunkSize = (n + Chunks - 1) / Chunks;
        Parallel.For(0, (n + chunkSize - 1) / chunkSize, _parallel, () => new int[8 * SpacePartitioningTree.MaxDepth + 8], (chunk, _, stack) =>
        {
            int end = Math.Min(n, (chunk + 1) * chunkSize);
            var order = _tree.Order;
            for (int r = chunk * chunkSize; r < end; r++)
            {
                int i = order[r];
                if (dims == 2 && _alpha == 1.0)
                {
                    Repulsion2D(embedding, i, stack);
                }
                else
                {
                    Repulsion(embedding, i, stack);
                }
            }

            return stack;
        }, _ => { });

        double normaliser = 0;
        for (int i = 0; i < n; i++)
        {
            normaliser += _normaliserTerms[i];
        }

        double constant = StudentT.GradientConstant(_alpha);
        Parallel.For(0, (n + chunkSize - 1) / chunkSize, _parallel, () => new double[dims], (chunk, _, attraction) =>
        {
            int end = Math.Min(n, (chunk + 1) * chunkSize);
            for (int i = chunk * chunkSize; i < end; i++)
            {
                _rowErrors[i] = Attraction(embedding, i, exaggeration, normaliser, computeError, attraction);
                for (int a = 0; a < dims; a++)
                {
                    gradient[i * dims + a] = constant * (attraction[a] - _repulsion[i * dims + a] / normaliser);
                }
            }

            return attraction;
        }, _ => { });

        if (!computeError)
        {
            return double.NaN;
        }

        double error = 0;
        for (int i = 0; i < n; i++)
        {
            error += _rowErrors[i];
        }

        return error;
    }

    /// <summary>
    /// Fᵢ⁺ = Σⱼ pᵢⱼ·uᵢⱼ·(yᵢ − yⱼ) over row i's stored affinities (exaggerated), into <paramref name="force"/>; returns
    /// row i's share of the objective, Σⱼ p·log(p/q) with q = w/Z, when asked (else 0).
    /// </summary>
    private double Attraction(double[] y, int i, double exaggeration, double normaliser, bool computeError, double[] force)
    {
        int dims = _dimensions;
        Array.Clear(force);
        double error = 0;
        var columns = _p.Columns;
        var values = _p.Values;
        if (dims == 2 && _alpha == 1.0 && !computeError)
        {
            // The common case, without the generic helpers: w = u = 1/(1 + d²).
            double xi = y[2 * i], yi = y[2 * i + 1], fx = 0, fy = 0;
            for (int e = _p.RowStart[i]; e < _p.RowStart[i + 1]; e++)
            {
                int j = columns[e];
                double dx = xi - y[2 * j], dy = yi - y[2 * j + 1];
                double scale = values[e] / (1.0 + dx * dx + dy * dy);
                fx += scale * dx;
                fy += scale * dy;
            }

            force[0] = exaggeration * fx;
            force[1] = exaggeration * fy;
            return 0.0;
        }

        for (int e = _p.RowStart[i]; e < _p.RowStart[i + 1]; e++)
        {
            int j = columns[e];
            double d2 = StudentT.SquaredDistance(y, i, j, dims);
            double p = exaggeration * values[e];
            double scale = p * StudentT.GradientFactor(d2, _alpha);
            for (int a = 0; a < dims; a++)
            {
                force[a] += scale * (y[i * dims + a] - y[j * dims + a]);
            }

            if (computeError)
            {
                error += KlDivergence.BarnesHutTerm(p, StudentT.Kernel(d2, _alpha) / normaliser);
            }
        }

        return error;
    }

    /// <summary>
    /// Fᵢ⁻ and Zᵢ = Σⱼ wᵢⱼ for point i by a walk of the tree, in two dimensions with α = 1 (w = u = 1/(1 + d²)).
    /// The stack holds only cells to open; the children of an opened cell are tested at once, and those that can
    /// stand for their points (leaves, or cells with r² &lt; θ²·d²) are added without going through the stack.
    /// </summary>
    private void Repulsion2D(double[] y, int i, int[] stack)
    {
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_tree.Nodes);
        ref int stackBase = ref MemoryMarshal.GetArrayDataReference(stack);
        int ownLeaf = _tree.LeafOf[i];
        double xi = y[2 * i], yi = y[2 * i + 1], theta2 = _squaredAngle;
        double z = 0, fx = 0, fy = 0;
        int top = 0;
        if (nodes.ChildCount == 0)
        {
            // A single cell: one point, or identical points.
            Unsafe.Add(ref stackBase, top++) = -1;
        }
        else
        {
            Unsafe.Add(ref stackBase, top++) = 0;
        }

        while (top > 0)
        {
            int parent = Unsafe.Add(ref stackBase, --top);
            int first = parent < 0 ? 0 : Unsafe.Add(ref nodes, parent).FirstChild;
            int last = parent < 0 ? 1 : first + Unsafe.Add(ref nodes, parent).ChildCount;
            for (int index = first; index < last; index++)
            {
                ref var node = ref Unsafe.Add(ref nodes, index);
                double dx = xi - node.X, dy = yi - node.Y;
                double d2 = dx * dx + dy * dy;
                int count = node.Count;
                if (node.ChildCount != 0)
                {
                    if (node.SquaredWidth >= theta2 * d2)
                    {
                        Unsafe.Add(ref stackBase, top++) = index;
                        continue;
                    }
                }
                else if (index == ownLeaf && --count == 0)
                {
                    continue;
                }

                double w = 1.0 / (1.0 + d2);
                double weight = count * w;
                z += weight;
                weight *= w;
                fx += weight * dx;
                fy += weight * dy;
            }
        }

        _normaliserTerms[i] = z;
        _repulsion[2 * i] = fx;
        _repulsion[2 * i + 1] = fy;
    }

    /// <summary>Fᵢ⁻ and Zᵢ for point i in any of 1 to 3 dimensions and any α.</summary>
    private void Repulsion(double[] y, int i, int[] stack)
    {
        var nodes = _tree.Nodes;
        int dims = _dimensions, ownLeaf = _tree.LeafOf[i];
        double alpha = _alpha, theta2 = _squaredAngle;
        Span<double> point = stackalloc double[3];
        Span<double> force = stackalloc double[3];
        Span<double> difference = stackalloc double[3];
        point.Clear();
        force.Clear();
        difference.Clear();
        for (int a = 0; a < dims; a++)
        {
            point[a] = y[i * dims + a];
        }

        double z = 0;
        int top = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            int index = stack[--top];
            ref readonly var node = ref nodes[index];
            difference[0] = point[0] - node.X;
            difference[1] = point[1] - node.Y;
            difference[2] = point[2] - node.Z;
            double d2 = difference[0] * difference[0] + difference[1] * difference[1] + difference[2] * difference[2];
            int count = node.Count;
            if (node.ChildCount == 0)
            {
                if (index == ownLeaf && --count == 0)
                {
                    continue;
                }
            }
            else if (node.SquaredWidth >= theta2 * d2)
            {
                for (int c = node.FirstChild + node.ChildCount - 1; c >= node.FirstChild; c--)
                {
                    stack[top++] = c;
                }

                continue;
            }

            double w = StudentT.Kernel(d2, alpha);
            z += count * w;
            double weight = count * w * StudentT.GradientFactor(d2, alpha);
            for (int a = 0; a < 3; a++)
            {
                force[a] += weight * difference[a];
            }
        }

        _normaliserTerms[i] = z;
        for (int a = 0; a < dims; a++)
        {
            _repulsion[i * dims + a] = force[a];
        }
    }
}
