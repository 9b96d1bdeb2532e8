using DeepClustering.Data;
using DeepClustering.Manifold.Affinities;
using DeepClustering.Numerics.Distances;

namespace DeepClustering.Manifold.Objectives;

/// <summary>
/// The exact t-SNE objective (scikit-learn's <c>method="exact"</c>): dense joint affinities over all pairs and
/// the gradient ∂KL/∂yᵢ = (2(α+1)/α) Σⱼ (pᵢⱼ − qᵢⱼ)·uᵢⱼ·(yᵢ − yⱼ), uᵢⱼ = (1 + d²ᵢⱼ/α)⁻¹, over all pairs, O(n²)
/// per evaluation. Rows are spread over threads; each row's sums run in a fixed order, so the result does not
/// depend on the thread count.
/// </summary>
/// <remarks>
/// For α = 1 (one or two dimensions) this is scikit-learn's gradient exactly. For α ≠ 1 scikit-learn multiplies by
/// the kernel w instead of u, which is not the derivative of its own objective; this class uses u, the true
/// gradient (checked against finite differences).
/// </remarks>
internal sealed class ExactObjective : ITsneObjective
{
    private readonly double[] _p;
    private readonly int _n;
    private readonly int _dimensions;
    private readonly double _alpha;
    private readonly ParallelOptions _parallel;
    private readonly double[] _rowSums;
    private readonly double[] _rowErrors;
    private readonly double[] _kernel;
    private readonly double[]? _factor;

    /// <summary>Wraps dense joint affinities (n × n, floored off the diagonal as scikit-learn does).</summary>
    public ExactObjective(double[] jointAffinities, int n, int dimensions, ParallelOptions parallel)
    {
        _p = jointAffinities;
        _n = n;
        _dimensions = dimensions;
        _alpha = StudentT.DegreesOfFreedom(dimensions);
        _parallel = parallel;
        _rowSums = new double[n];
        _rowErrors = new double[n];
        _kernel = new double[n * n];
        _factor = _alpha == 1.0 ? null : new double[n * n];
    }

    /// <summary>The dense joint affinities of the data: all squared distances, each row's perplexity search, symmetrised.</summary>
    public static double[] Affinities(DataMatrix data, double perplexity, ParallelOptions parallel)
    {
        int n = data.Rows;
        double[] distances = SquaredEuclidean.Pairwise(data.Values, data.Rows, data.Columns, parallel);
        var conditional = new double[(long)n * n];
        Parallel.For(0, n, parallel, () => (Distances: new double[n - 1], Probabilities: new double[n - 1]), (i, _, buffers) =>
        {
            for (int j = 0, m = 0; j < n; j++)
            {
                if (j != i)
                {
                    buffers.Distances[m++] = distances[(long)i * n + j];
                }
            }

            PerplexitySearch.ConditionalRow(buffers.Distances, perplexity, buffers.Probabilities);
            for (int j = 0, m = 0; j < n; j++)
            {
                if (j != i)
                {
                    conditional[(long)i * n + j] = buffers.Probabilities[m++];
                }
            }

            return buffers;
        }, _ => { });
        return JointProbabilities.Dense(conditional, n);
    }

    /// <inheritdoc />
    public double Evaluate(double[] embedding, double[] gradient, double exaggeration, bool computeError)
    {
        int n = _n, dims = _dimensions;
        double alpha = _alpha;

        // The kernel of every ordered pair (and, for α ≠ 1, the gradient factor u), and Z = Σ over ordered pairs.
        Parallel.For(0, n, _parallel, i =>
        {
            var kernel = _kernel.AsSpan(i * n, n);
            double sum = 0;
            if (dims == 2 && _factor is null)
            {
                // The common case without the generic helpers: w = 1/(1 + d²).
                double xi = embedding[2 * i], yi = embedding[2 * i + 1];
                for (int j = 0; j < n; j++)
                {
                    double dx = xi - embedding[2 * j], dy = yi - embedding[2 * j + 1];
                    double w = 1.0 / (1.0 + dx * dx + dy * dy);
                    kernel[j] = w;
                    sum += w;
                }

                _rowSums[i] = sum - kernel[i];
                kernel[i] = 0;
                return;
            }

            for (int j = 0; j < n; j++)
            {
                if (j == i)
                {
                    kernel[j] = 0;
                    continue;
                }

                double d2 = StudentT.SquaredDistance(embedding, i, j, dims);
                double w = StudentT.Kernel(d2, alpha);
                kernel[j] = w;
                sum += w;
                if (_factor is not null)
                {
                    _factor[i * n + j] = StudentT.GradientFactor(d2, alpha);
                }
            }

            _rowSums[i] = sum;
        });
        double normaliser = 0;
        for (int i = 0; i < n; i++)
        {
            normaliser += _rowSums[i];
        }

        double constant = StudentT.GradientConstant(alpha);
        Parallel.For(0, n, _parallel, () => new double[dims], (i, _, force) =>
        {
            Array.Clear(force);
            var kernel = _kernel.AsSpan(i * n, n);
            var factor = _factor is null ? kernel : _factor.AsSpan(i * n, n);
            var p = _p.AsSpan(i * n, n);
            double error = 0;
            if (dims == 2 && _factor is null && !computeError)
            {
                double xi = embedding[2 * i], yi = embedding[2 * i + 1], fx = 0, fy = 0;
                for (int j = 0; j < n; j++)
                {
                    double w = kernel[j];
                    double scale = (exaggeration * p[j] - Math.Max(w / normaliser, JointProbabilities.MachineEpsilon)) * w;
                    fx += scale * (xi - embedding[2 * j]);
                    fy += scale * (yi - embedding[2 * j + 1]);
                }

                // The j = i term: w = 0 there, so it added nothing.
                gradient[2 * i] = constant * fx;
                gradient[2 * i + 1] = constant * fy;
                _rowErrors[i] = 0;
                return force;
            }

            for (int j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }

                double q = Math.Max(kernel[j] / normaliser, JointProbabilities.MachineEpsilon);
                double pij = exaggeration * p[j];
                double scale = (pij - q) * factor[j];
                for (int a = 0; a < dims; a++)
                {
                    force[a] += scale * (embedding[i * dims + a] - embedding[j * dims + a]);
                }

                if (computeError)
                {
                    error += KlDivergence.ExactTerm(pij, q);
                }
            }

            for (int a = 0; a < dims; a++)
            {
                gradient[i * dims + a] = constant * force[a];
            }

            _rowErrors[i] = error;
            return force;
        }, _ => { });

        if (!computeError)
        {
            return double.NaN;
        }

        double total = 0;
        for (int i = 0; i < n; i++)
        {
            total += _rowErrors[i];
        }

        return total;
    }
}
