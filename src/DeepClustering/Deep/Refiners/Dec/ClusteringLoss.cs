using System.Buffers;

namespace DeepClustering.Refiners.Dec;

/// <summary>
/// DEC's clustering loss, the Kullback-Leibler divergence of the soft assignments Q from the target P (Xie, Girshick
/// and Farhadi, ICML 2016, eq. 2), <c>KL(P‖Q) = Σ_i Σ_j p_ij log(p_ij / q_ij)</c>, and its gradients with respect to the
/// embeddings and the centres (eqs. 4 and 5).
/// </summary>
/// <remarks>
/// <para>
/// Reduction: the sum over clusters, averaged over the rows of the batch, <c>L = (1/n) Σ_i Σ_j p_ij log(p_ij/q_ij)</c>.
/// This is what DEC-keras and IDEC train: they compile the model with Keras' <c>'kld'</c> loss, which returns the
/// per-sample sum <c>K.sum(y_true * K.log(y_true / y_pred), axis=-1)</c> (keras/losses.py), and Keras averages the
/// per-sample losses over the batch (<c>K.mean(score_array)</c> in <c>weighted_masked_objective</c>,
/// keras/engine/training_utils.py; <c>SUM_OVER_BATCH_SIZE</c> in later versions). It equals PyTorch's
/// <c>F.kl_div(q.log(), p, reduction="batchmean")</c>. PyTorch ports that call <c>F.kl_div(q.log(), p)</c> with the
/// default reduction (e.g. IDEC-pytorch) average over all n·k entries instead, a loss k times smaller.
/// </para>
/// <para>
/// Gradients: with w_ij = (1 + ‖z_i − μ_j‖²/α)^(−1) and s_i = Σ_j p_ij,
/// <c>∂L/∂z_i = (1/n)·((α+1)/α) Σ_j w_ij (p_ij − q_ij s_i)(z_i − μ_j)</c> and
/// <c>∂L/∂μ_j = −(1/n)·((α+1)/α) Σ_i w_ij (p_ij − q_ij s_i)(z_i − μ_j)</c>: DEC eqs. 4 and 5 (where s_i = 1) times the
/// reduction's 1/n. Descending this gradient pulls z_i towards the centres where p_ij exceeds q_ij. The loss is exact:
/// Keras clips P and Q to [1e-7, 1] inside <c>'kld'</c>, which only differs where an entry is below 1e-7.
/// Terms with p_ij = 0 count 0 (the limit of p log p). Q is taken from its logarithm (see
/// <see cref="StudentTAssignment.Row"/>), so log q_ij stays finite where q_ij itself underflows.
/// </para>
/// </remarks>
internal static class ClusteringLoss
{
    /// <summary>
    /// KL(P‖Q) of given Q and P [rows, clusters], summed over clusters and averaged over rows. A p_ij &gt; 0 against a
    /// q_ij = 0 gives +∞, as the divergence is.
    /// </summary>
    public static double Value(ReadOnlySpan<float> target, ReadOnlySpan<float> assignments, int clusters)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusters);
        if (assignments.Length == 0 || assignments.Length % clusters != 0)
        {
            throw new ArgumentException(
                $"{assignments.Length} assignment values are not a positive number of rows of {clusters}.", nameof(assignments));
        }

        StudentTAssignment.CheckLength(target.Length, assignments.Length, nameof(target));
        int rows = assignments.Length / clusters;
        double total = 0;
        for (int e = 0; e < target.Length; e++)
        {
            double p = CheckedTarget(target[e], e, clusters);
            if (p > 0)
            {
                total += p * (Math.Log(p) - Math.Log(assignments[e]));
            }
        }

        return total / rows;
    }

    /// <summary>
    /// Computes Q from the embeddings Z [rows, dimension] and the centres μ [clusters, dimension] (eq. 1), and returns
    /// the loss against P [rows, clusters]; writes ∂L/∂Z and ∂L/∂μ (overwritten, same shapes as Z and μ).
    /// </summary>
    public static double ValueAndGradients(ReadOnlySpan<float> embeddings, ReadOnlySpan<float> centers, int dimension, double alpha,
        ReadOnlySpan<float> target, Span<float> embeddingGradient, Span<float> centerGradient)
    {
        var (rows, clusters) = StudentTAssignment.CheckShapes(embeddings, centers, dimension, alpha);
        StudentTAssignment.CheckLength(target.Length, (long)rows * clusters, nameof(target));
        StudentTAssignment.CheckLength(embeddingGradient.Length, embeddings.Length, nameof(embeddingGradient));
        StudentTAssignment.CheckLength(centerGradient.Length, centers.Length, nameof(centerGradient));
        double factor = (alpha + 1.0) / alpha / rows;
        double[] scratch = ArrayPool<double>.Shared.Rent(4 * clusters + centers.Length);
        try
        {
            var q = scratch.AsSpan(0, clusters);
            var logQ = scratch.AsSpan(clusters, clusters);
            var inverseKernel = scratch.AsSpan(2 * clusters, clusters);
            var coefficients = scratch.AsSpan(3 * clusters, clusters);
            var centerSums = scratch.AsSpan(4 * clusters, centers.Length);
            centerSums.Clear();
            double total = 0;
            for (int i = 0; i < rows; i++)
            {
                var z = embeddings.Slice(i * dimension, dimension);
                var p = target.Slice(i * clusters, clusters);
                StudentTAssignment.Row(z, centers, alpha, q, logQ, inverseKernel);
                double targetSum = 0;
                for (int j = 0; j < clusters; j++)
                {
                    double pij = CheckedTarget(p[j], i * clusters + j, clusters);
                    targetSum += pij;
                    if (pij > 0)
                    {
                        total += pij * (Math.Log(pij) - logQ[j]);
                    }
                }

                for (int j = 0; j < clusters; j++)
                {
                    coefficients[j] = factor * inverseKernel[j] * (p[j] - q[j] * targetSum);
                }

                StudentTAssignment.AccumulateRow(z, centers, coefficients, embeddingGradient.Slice(i * dimension, dimension), centerSums);
            }

            for (int e = 0; e < centerSums.Length; e++)
            {
                centerGradient[e] = (float)centerSums[e];
            }

            return total / rows;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    private static double CheckedTarget(float value, int index, int clusters) =>
        value >= 0 && float.IsFinite(value)
            ? value
            : throw new ArgumentException(
                $"The target P at row {index / clusters}, cluster {index % clusters} is {value}; P must be finite and non-negative.",
                "target");
}
