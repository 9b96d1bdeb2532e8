using DeepClustering.Manifold.FuzzyGraph;
using DeepClustering.Numerics.LinearAlgebra;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Manifold.Layout;

/// <summary>
/// The leading eigenvectors of a graph's normalised adjacency S = D^(−1/2) W D^(−1/2), whose eigenvalues lie in
/// [−1, 1]: they are the eigenvectors of the smallest eigenvalues of the normalised Laplacian I − S that UMAP's
/// spectral initialisation asks for (umap-learn calls ARPACK's <c>eigsh(L, which="SM", tol=1e-4)</c>). Found by
/// Chebyshev-filtered subspace iteration (Zhou, Saad, Tiago and Chelikowsky 2006): a block a little larger than
/// wanted is multiplied by the Chebyshev polynomial that damps [−1, c], c the block's smallest Ritz value, and
/// grows what lies above it; then orthonormalised and rotated to the Ritz vectors (Rayleigh-Ritz). The eigenvalues
/// of a clustered graph's top end crowd near 1, where plain subspace iteration would need thousands of steps; the
/// filter separates them in a few.
/// </summary>
/// <remarks>
/// The sparse products run on several threads, each row written by one; the dense steps run on one thread in a
/// fixed order, so the result does not depend on the thread count.
/// </remarks>
internal static class ChebyshevSubspaceIteration
{
    /// <summary>The filter polynomial's highest degree: sparse products per outer step at most.</summary>
    public const int MaxFilterDegree = 16;

    /// <summary>
    /// The most the filter may grow the top of the spectrum in one step: the degree is lowered while the cut is far
    /// below 1, so that the block's condition stays near this and its orthonormalisation exact.
    /// </summary>
    public const double MaxGrowth = 1e4;

    /// <summary>Outer steps at most; the result is an initialisation, so an unconverged block is still used.</summary>
    public const int MaxOuterIterations = 60;

    /// <summary>Largest residual ‖Sx − θx‖ of a wanted Ritz pair at which the block counts as converged (umap-learn's 1e-4).</summary>
    public const double Tolerance = 1e-4;

    /// <summary>Extra vectors beyond those wanted, so that the filter's edge lies past the wanted eigenvalues.</summary>
    public const int ExtraVectors = 8;

    /// <summary>
    /// The <paramref name="count"/> eigenvectors of S with the largest eigenvalues, as the columns of an
    /// n × count row-major array (largest first, each of unit norm, sign fixed so that its largest-magnitude entry is
    /// positive), with their eigenvalues, and whether the block converged.
    /// </summary>
    public static (double[] Vectors, double[] Values, bool Converged) Leading(SparseGraph graph, int count, long seed, ParallelOptions parallel)
    {
        int n = graph.Rows;
        int block = Math.Min(n, count + Math.Max(count, ExtraVectors));
        var scale = InverseSquareRootDegrees(graph);
        var random = new RandomGenerator(seed);

        // Start from √degree (the top eigenvector, eigenvalue 1, which umap-learn's v0 = ones approximates) and noise.
        var x = new double[(long)n * block];
        for (int i = 0; i < n; i++)
        {
            x[(long)i * block] = scale[i] > 0 ? 1 / scale[i] : 0;
            for (int c = 1; c < block; c++)
            {
                x[(long)i * block + c] = random.NextGaussian();
            }
        }

        Orthonormalise(x, n, block);
        var y = new double[x.Length];
        var work = new double[x.Length];
        var ritzValues = RayleighRitz(graph, scale, x, y, n, block, parallel);
        bool converged = false;
        for (int outer = 0; outer < MaxOuterIterations && !converged; outer++)
        {
            double cut = ritzValues[block - 1];
            Filter(graph, scale, x, y, work, n, block, cut, parallel);
            Orthonormalise(x, n, block);
            ritzValues = RayleighRitz(graph, scale, x, y, n, block, parallel);
            converged = MaxResidual(x, y, n, block, count, ritzValues) < Tolerance;
        }

        var vectors = new double[(long)n * count];
        for (int c = 0; c < count; c++)
        {
            long largestAt = 0;
            for (int i = 0; i < n; i++)
            {
                vectors[(long)i * count + c] = x[(long)i * block + c];
                if (Math.Abs(x[(long)i * block + c]) > Math.Abs(x[largestAt * block + c]))
                {
                    largestAt = i;
                }
            }

            if (x[largestAt * block + c] < 0)
            {
                for (int i = 0; i < n; i++)
                {
                    vectors[(long)i * count + c] = -vectors[(long)i * count + c];
                }
            }
        }

        return (vectors, ritzValues[..count], converged);
    }

    /// <summary>D^(−1/2): 1/√(row sum), 0 for an isolated vertex.</summary>
    internal static double[] InverseSquareRootDegrees(SparseGraph graph)
    {
        var sums = graph.RowSums();
        var scale = new double[sums.Length];
        for (int i = 0; i < sums.Length; i++)
        {
            scale[i] = sums[i] > 0 ? 1 / Math.Sqrt(sums[i]) : 0;
        }

        return scale;
    }

    /// <summary>y = S x for an n × block row-major block x.</summary>
    internal static void Multiply(SparseGraph graph, double[] scale, double[] x, double[] y, int n, int block, ParallelOptions parallel)
    {
        Parallel.For(0, n, parallel, i =>
        {
            var row = y.AsSpan((int)((long)i * block), block);
            row.Clear();
            for (int e = graph.RowStarts[i]; e < graph.RowStarts[i + 1]; e++)
            {
                int j = graph.Targets[e];
                double w = graph.Weights[e] * scale[j];
                var source = x.AsSpan((int)((long)j * block), block);
                for (int c = 0; c < block; c++)
                {
                    row[c] += w * source[c];
                }
            }

            double s = scale[i];
            for (int c = 0; c < block; c++)
            {
                row[c] *= s;
            }
        });
    }

    /// <summary>
    /// x ← T_m((S − c₀) / e) x, the Chebyshev polynomial of S mapped so that [−1, cut] goes to [−1, 1] (where it
    /// stays bounded by 1) and what lies above cut grows; its degree m is the highest up to
    /// <see cref="MaxFilterDegree"/> with T_m at eigenvalue 1 no larger than <see cref="MaxGrowth"/>.
    /// </summary>
    private static void Filter(SparseGraph graph, double[] scale, double[] x, double[] y, double[] work, int n, int block, double cut, ParallelOptions parallel)
    {
        const double lower = -1.0;
        cut = Math.Clamp(cut, lower + 1e-3, 1 - 1e-6);
        double half = (cut - lower) / 2, centre = (cut + lower) / 2;
        long length = (long)n * block;
        int degree = FilterDegreeFor((1 - centre) / half);

        // previous = x, current = (S x − centre·x) / half.
        Multiply(graph, scale, x, y, n, block, parallel);
        for (long e = 0; e < length; e++)
        {
            y[e] = (y[e] - centre * x[e]) / half;
        }

        var previous = x;
        var current = y;
        var next = work;
        for (int d = 2; d <= degree; d++)
        {
            Multiply(graph, scale, current, next, n, block, parallel);
            for (long e = 0; e < length; e++)
            {
                next[e] = 2 * (next[e] - centre * current[e]) / half - previous[e];
            }

            (previous, current, next) = (current, next, previous);
        }

        if (!ReferenceEquals(current, x))
        {
            Array.Copy(current, x, length);
        }
    }

    /// <summary>The degree m ≤ <see cref="MaxFilterDegree"/> with cosh(m·acosh(top)) ≤ <see cref="MaxGrowth"/>, at least 1.</summary>
    internal static int FilterDegreeFor(double top) =>
        top <= 1 ? MaxFilterDegree : Math.Clamp((int)Math.Floor(Math.Acosh(MaxGrowth) / Math.Acosh(top)), 1, MaxFilterDegree);

    /// <summary>
    /// Rotates the orthonormal block x to the Ritz vectors of S in its span, largest Ritz value first, and leaves
    /// S x in y.
    /// </summary>
    private static double[] RayleighRitz(SparseGraph graph, double[] scale, double[] x, double[] y, int n, int block, ParallelOptions parallel)
    {
        Multiply(graph, scale, x, y, n, block, parallel);
        var h = new double[block * block];
        for (int i = 0; i < n; i++)
        {
            var xi = x.AsSpan((int)((long)i * block), block);
            var yi = y.AsSpan((int)((long)i * block), block);
            for (int a = 0; a < block; a++)
            {
                double xa = xi[a];
                for (int b = 0; b < block; b++)
                {
                    h[a * block + b] += xa * yi[b];
                }
            }
        }

        for (int a = 0; a < block; a++)
        {
            for (int b = a + 1; b < block; b++)
            {
                double mean = (h[a * block + b] + h[b * block + a]) / 2;
                h[a * block + b] = mean;
                h[b * block + a] = mean;
            }
        }

        var (values, vectors) = SymmetricEigen.Descending(h, block);
        Rotate(x, vectors, n, block);
        Rotate(y, vectors, n, block);
        return values;
    }

    /// <summary>Each row r of the block becomes r·Vᵀ, V's rows being the eigenvectors: the block's columns become the Ritz vectors.</summary>
    private static void Rotate(double[] x, double[] vectors, int n, int block)
    {
        Span<double> row = stackalloc double[block];
        for (int i = 0; i < n; i++)
        {
            var xi = x.AsSpan((int)((long)i * block), block);
            for (int c = 0; c < block; c++)
            {
                double sum = 0;
                for (int b = 0; b < block; b++)
                {
                    sum += xi[b] * vectors[c * block + b];
                }

                row[c] = sum;
            }

            row.CopyTo(xi);
        }
    }

    /// <summary>The largest ‖S x_c − θ_c x_c‖ over the first <paramref name="count"/> Ritz pairs (y = S x).</summary>
    private static double MaxResidual(double[] x, double[] y, int n, int block, int count, double[] values)
    {
        var sums = new double[count];
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < count; c++)
            {
                double r = y[(long)i * block + c] - values[c] * x[(long)i * block + c];
                sums[c] += r * r;
            }
        }

        return Math.Sqrt(sums.Max());
    }

    /// <summary>
    /// Orthonormalises the block's columns by shifted Cholesky QR, three passes (Fukaya, Kannan, Nakatsukasa, Yamamoto
    /// and Yanagisawa 2020): X ← X R⁻¹ with RᵀR = XᵀX + sI, the small shift s keeping the factorisation defined for an
    /// ill-conditioned block, the later passes restoring orthogonality to rounding. Each pass reads the block twice,
    /// row by row.
    /// </summary>
    internal static void Orthonormalise(double[] x, int n, int block)
    {
        var gram = new double[block * block];
        var factor = new double[block * block];
        Span<double> row = stackalloc double[block];
        for (int pass = 0; pass < 3; pass++)
        {
            Array.Clear(gram);
            for (int i = 0; i < n; i++)
            {
                var xi = x.AsSpan((int)((long)i * block), block);
                for (int a = 0; a < block; a++)
                {
                    double xa = xi[a];
                    for (int b = a; b < block; b++)
                    {
                        gram[a * block + b] += xa * xi[b];
                    }
                }
            }

            double trace = 0;
            for (int a = 0; a < block; a++)
            {
                trace += gram[a * block + a];
            }

            double shift = pass == 0 ? 1e-13 * trace : 0.0;
            if (!UpperCholesky(gram, factor, block, shift))
            {
                UpperCholesky(gram, factor, block, 1e-10 * Math.Max(trace, 1e-300));
            }

            // Each row r becomes r R⁻¹: forward substitution with Rᵀ.
            for (int i = 0; i < n; i++)
            {
                var xi = x.AsSpan((int)((long)i * block), block);
                for (int c = 0; c < block; c++)
                {
                    double sum = xi[c];
                    for (int a = 0; a < c; a++)
                    {
                        sum -= row[a] * factor[a * block + c];
                    }

                    double pivot = factor[c * block + c];
                    row[c] = pivot > 0 ? sum / pivot : 0;
                }

                row.CopyTo(xi);
            }
        }
    }

    /// <summary>R upper triangular with RᵀR = G + shift·I, from G's upper triangle; false when a pivot is not positive.</summary>
    private static bool UpperCholesky(double[] gram, double[] factor, int size, double shift)
    {
        Array.Clear(factor);
        bool positive = true;
        for (int c = 0; c < size; c++)
        {
            double diagonal = gram[c * size + c] + shift;
            for (int a = 0; a < c; a++)
            {
                diagonal -= factor[a * size + c] * factor[a * size + c];
            }

            if (!(diagonal > 0))
            {
                positive = false;
                factor[c * size + c] = 0;
                continue;
            }

            double pivot = Math.Sqrt(diagonal);
            factor[c * size + c] = pivot;
            for (int b = c + 1; b < size; b++)
            {
                double sum = gram[c * size + b];
                for (int a = 0; a < c; a++)
                {
                    sum -= factor[a * size + c] * factor[a * size + b];
                }

                factor[c * size + b] = sum / pivot;
            }
        }

        return positive;
    }
}
