using System.Buffers;

namespace DeepClustering.Refiners.Dec;

/// <summary>
/// DEC's soft assignment of embeddings to centres by a Student's t kernel (Xie, Girshick and Farhadi, "Unsupervised
/// Deep Embedding for Clustering Analysis", ICML 2016, eq. 1):
/// <c>q_ij = (1 + ‖z_i − μ_j‖²/α)^(−(α+1)/2) / Σ_j' (1 + ‖z_i − μ_j'‖²/α)^(−(α+1)/2)</c>,
/// and the derivative of Q with respect to the embeddings and the centres.
/// </summary>
/// <remarks>
/// Numerics: each squared distance is summed from the coordinate differences (z_i − μ_j) in double, not expanded as
/// ‖z‖² − 2z·μ + ‖μ‖², so it is never negative and does not lose digits when z_i is close to μ_j far from the origin.
/// The kernel is kept as a logarithm, <c>a_ij = −((α+1)/2)·log(1 + ‖z_i − μ_j‖²/α)</c>, and each row is normalised as a
/// softmax of a_i with its largest term factored out, so a row never underflows to 0/0 whatever α and the distances
/// (a large α and far points underflow <c>(1 + d/α)^(−(α+1)/2)</c> itself: α = 100 and d = 10¹² give 10⁻⁵⁰⁵). The cost is n·k·d, tiny next to
/// the encoder (k and d are about 10), so it runs on the CPU without going through the backend.
/// </remarks>
internal static class StudentTAssignment
{
    /// <summary>
    /// The degrees of freedom α of the kernel, 1: "we let α = 1 for all experiments" (DEC, section 3.1.1, after van der
    /// Maaten 2009), and the default of DEC-keras' and IDEC's <c>ClusteringLayer(alpha=1.0)</c>.
    /// </summary>
    public const double DefaultAlpha = 1.0;

    /// <summary>
    /// Writes Q [rows, clusters] for embeddings Z [rows, dimension] and centres μ [clusters, dimension], all row-major.
    /// </summary>
    public static void Compute(ReadOnlySpan<float> embeddings, ReadOnlySpan<float> centers, int dimension, double alpha,
        Span<float> assignments)
    {
        var (rows, clusters) = CheckShapes(embeddings, centers, dimension, alpha);
        CheckLength(assignments.Length, (long)rows * clusters, nameof(assignments));
        double[] scratch = ArrayPool<double>.Shared.Rent(3 * clusters);
        try
        {
            var q = scratch.AsSpan(0, clusters);
            var logQ = scratch.AsSpan(clusters, clusters);
            var kernel = scratch.AsSpan(2 * clusters, clusters);
            for (int i = 0; i < rows; i++)
            {
                Row(embeddings.Slice(i * dimension, dimension), centers, alpha, q, logQ, kernel);
                var destination = assignments.Slice(i * clusters, clusters);
                for (int j = 0; j < clusters; j++)
                {
                    destination[j] = (float)q[j];
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// One row of eq. 1 in double: <paramref name="q"/> = q_i·, <paramref name="logQ"/> = log q_i· (exact even where
    /// q_ij underflows) and <paramref name="inverseKernel"/> = (1 + ‖z_i − μ_j‖²/α)^(−1), the factor of DEC eqs. 4–5.
    /// </summary>
    public static void Row(ReadOnlySpan<float> embedding, ReadOnlySpan<float> centers, double alpha,
        Span<double> q, Span<double> logQ, Span<double> inverseKernel)
    {
        int dimension = embedding.Length;
        int clusters = q.Length;
        double exponent = (alpha + 1.0) / 2.0;
        double largest = double.NegativeInfinity;
        for (int j = 0; j < clusters; j++)
        {
            double squaredDistance = SquaredDistance(embedding, centers.Slice(j * dimension, dimension));
            inverseKernel[j] = 1.0 / (1.0 + squaredDistance / alpha);
            double logKernel = -exponent * Math.Log(1.0 + squaredDistance / alpha);
            logQ[j] = logKernel;
            largest = Math.Max(largest, logKernel);
        }

        double sum = 0;
        for (int j = 0; j < clusters; j++)
        {
            q[j] = Math.Exp(logQ[j] - largest);
            sum += q[j];
        }

        double logSum = largest + Math.Log(sum);
        for (int j = 0; j < clusters; j++)
        {
            q[j] /= sum;
            logQ[j] -= logSum;
        }
    }

    /// <summary>
    /// The backward pass of eq. 1: given G = ∂L/∂Q [rows, clusters] for any loss L, writes ∂L/∂Z [rows, dimension]
    /// and ∂L/∂μ [clusters, dimension] (both overwritten). With c_ij = ((α+1)/α)·w_ij·q_ij·(Σ_l g_il q_il − g_ij) and
    /// w_ij = (1 + ‖z_i − μ_j‖²/α)^(−1): ∂L/∂z_i = Σ_j c_ij (z_i − μ_j) and ∂L/∂μ_j = −Σ_i c_ij (z_i − μ_j).
    /// </summary>
    /// <remarks>
    /// Derivation: q_i· is the softmax of a_ij = −((α+1)/2)·log(1 + d_ij/α), so ∂L/∂a_ij = q_ij (g_ij − Σ_l g_il q_il);
    /// ∂a_ij/∂d_ij = −((α+1)/(2α))·w_ij and ∂d_ij/∂z_i = 2(z_i − μ_j) = −∂d_ij/∂μ_j. For L = KL(P‖Q), g_ij = −p_ij/q_ij
    /// and c_ij becomes ((α+1)/α)·w_ij·(p_ij − q_ij·Σ_l p_il), DEC eqs. 4–5 when the rows of P sum to 1.
    /// </remarks>
    public static void Backward(ReadOnlySpan<float> embeddings, ReadOnlySpan<float> centers, int dimension, double alpha,
        ReadOnlySpan<float> assignmentGradient, Span<float> embeddingGradient, Span<float> centerGradient)
    {
        var (rows, clusters) = CheckShapes(embeddings, centers, dimension, alpha);
        CheckLength(assignmentGradient.Length, (long)rows * clusters, nameof(assignmentGradient));
        CheckLength(embeddingGradient.Length, embeddings.Length, nameof(embeddingGradient));
        CheckLength(centerGradient.Length, centers.Length, nameof(centerGradient));
        double factor = (alpha + 1.0) / alpha;
        double[] scratch = ArrayPool<double>.Shared.Rent(4 * clusters + centers.Length);
        try
        {
            var q = scratch.AsSpan(0, clusters);
            var logQ = scratch.AsSpan(clusters, clusters);
            var inverseKernel = scratch.AsSpan(2 * clusters, clusters);
            var coefficients = scratch.AsSpan(3 * clusters, clusters);
            var centerSums = scratch.AsSpan(4 * clusters, centers.Length);
            centerSums.Clear();
            for (int i = 0; i < rows; i++)
            {
                var z = embeddings.Slice(i * dimension, dimension);
                var g = assignmentGradient.Slice(i * clusters, clusters);
                Row(z, centers, alpha, q, logQ, inverseKernel);
                double expected = 0;
                for (int j = 0; j < clusters; j++)
                {
                    expected += g[j] * q[j];
                }

                for (int j = 0; j < clusters; j++)
                {
                    coefficients[j] = factor * inverseKernel[j] * q[j] * (expected - g[j]);
                }

                AccumulateRow(z, centers, coefficients, embeddingGradient.Slice(i * dimension, dimension), centerSums);
            }

            for (int e = 0; e < centerSums.Length; e++)
            {
                centerGradient[e] = (float)centerSums[e];
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// Given c_i· for one row, writes Σ_j c_ij (z_i − μ_j) to <paramref name="embeddingGradient"/> and adds
    /// −c_ij (z_i − μ_j) to row j of <paramref name="centerSums"/>.
    /// </summary>
    internal static void AccumulateRow(ReadOnlySpan<float> embedding, ReadOnlySpan<float> centers, ReadOnlySpan<double> coefficients,
        Span<float> embeddingGradient, Span<double> centerSums)
    {
        int dimension = embedding.Length;
        for (int t = 0; t < dimension; t++)
        {
            double zt = embedding[t];
            double sum = 0;
            for (int j = 0; j < coefficients.Length; j++)
            {
                double term = coefficients[j] * (zt - centers[j * dimension + t]);
                sum += term;
                centerSums[j * dimension + t] -= term;
            }

            embeddingGradient[t] = (float)sum;
        }
    }

    /// <summary>‖a − b‖², summed in double from the differences.</summary>
    internal static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (int t = 0; t < a.Length; t++)
        {
            double difference = (double)a[t] - b[t];
            sum += difference * difference;
        }

        return sum;
    }

    /// <summary>Checks α and that the embeddings and the centres are whole rows of <paramref name="dimension"/> values.</summary>
    internal static (int Rows, int Clusters) CheckShapes(ReadOnlySpan<float> embeddings, ReadOnlySpan<float> centers, int dimension,
        double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        CheckAlpha(alpha);
        if (embeddings.Length == 0 || embeddings.Length % dimension != 0)
        {
            throw new ArgumentException(
                $"{embeddings.Length} embedding values are not a positive number of rows of {dimension}.", nameof(embeddings));
        }

        if (centers.Length == 0 || centers.Length % dimension != 0)
        {
            throw new ArgumentException(
                $"{centers.Length} centre values are not a positive number of rows of {dimension}.", nameof(centers));
        }

        return (embeddings.Length / dimension, centers.Length / dimension);
    }

    /// <summary>Throws unless α is positive and finite.</summary>
    internal static void CheckAlpha(double alpha)
    {
        if (!(alpha > 0) || !double.IsFinite(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The Student's t degrees of freedom α must be positive and finite.");
        }
    }

    /// <summary>Throws unless a span holds exactly <paramref name="expected"/> values.</summary>
    internal static void CheckLength(int actual, long expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{name} holds {actual} values; {expected} are needed.", name);
        }
    }
}
