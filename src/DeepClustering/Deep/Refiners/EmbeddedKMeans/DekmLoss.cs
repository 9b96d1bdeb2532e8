
namespace DeepClustering.Refiners.EmbeddedKMeans;

/// <summary>
/// The loss of embedded k-means' representation step on a mini-batch, <c>L = ‖f(x)V − T‖² / c</c>, and its
/// gradient with respect to the embeddings f(x), <c>∂L/∂f(x) = 2 (f(x)V − T) Vᵀ / c</c>, which a training loop
/// pushes through the encoder with <c>encoder.Backward(gradient)</c>. V is fixed (it is recomputed only at the
/// k-means refreshes), so no gradient flows into it. The normaliser c is set by <see cref="DekmLossReduction"/>.
/// </summary>
/// <remarks>
/// Source: DEKM.py, <c>y_pred_cluster = tf.matmul(y_pred[:, :hidden_units], V)</c>,
/// <c>loss_value = losses.mse(y_true, y_pred_cluster)</c>, <c>grads = tape.gradient(loss_value, ...)</c>; the Korean
/// paper's equation (6), Σ‖y_i − ŷ_i‖² over mini-batches. With Adam (the DEKM code's optimiser) a constant factor
/// on the loss barely changes the steps, so the two reductions train almost alike; the default follows the code.
/// </remarks>
internal static class DekmLoss
{
    /// <summary>The reduction whose gradient the DEKM code applies (see <see cref="DekmLossReduction.SumOfRowMeans"/>).</summary>
    public const DekmLossReduction DefaultReduction = DekmLossReduction.SumOfRowMeans;

    /// <summary>c for B rows of d coordinates: d for <see cref="DekmLossReduction.SumOfRowMeans"/>, B·d for <see cref="DekmLossReduction.Mean"/>.</summary>
    public static double Normaliser(DekmLossReduction reduction, int rows, int dimension) => reduction switch
    {
        DekmLossReduction.SumOfRowMeans => dimension,
        DekmLossReduction.Mean => (double)rows * dimension,
        _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "Unknown reduction."),
    };

    /// <summary>
    /// The loss of the embeddings <paramref name="embeddings"/> (B × d, row-major) rotated by
    /// <paramref name="vectors"/> (d × d, row-major V) against <paramref name="targets"/> (B × d); writes
    /// ∂L/∂embeddings into <paramref name="gradient"/> (B × d).
    /// </summary>
    /// <exception cref="ArgumentException">The arrays do not fit B × d and d × d.</exception>
    public static double Compute(ReadOnlySpan<double> embeddings, int dimension, ReadOnlySpan<double> vectors,
        ReadOnlySpan<double> targets, Span<double> gradient, DekmLossReduction reduction = DefaultReduction)
    {
        int rows = DekmArguments.RequireRows(embeddings.Length, dimension, nameof(embeddings));
        int d = dimension;
        DekmArguments.RequireLength(vectors.Length, d * d, "The rotation", nameof(vectors));
        DekmArguments.RequireLength(targets.Length, embeddings.Length, "The targets", nameof(targets));
        DekmArguments.RequireLength(gradient.Length, embeddings.Length, "The gradient", nameof(gradient));
        double normaliser = Normaliser(reduction, rows, d);
        double scale = 2 / normaliser;
        Span<double> residual = d <= 256 ? stackalloc double[d] : new double[d];
        double sum = 0;
        for (int i = 0; i < rows; i++)
        {
            var z = embeddings.Slice(i * d, d);
            var t = targets.Slice(i * d, d);
            residual.Clear();
            for (int r = 0; r < d; r++)
            {
                double zr = z[r];
                var vRow = vectors.Slice(r * d, d);
                for (int c = 0; c < d; c++)
                {
                    residual[c] += zr * vRow[c];
                }
            }

            for (int c = 0; c < d; c++)
            {
                residual[c] -= t[c];
                sum += residual[c] * residual[c];
            }

            // Row i of 2·R·Vᵀ/c: entry r is (2/c) Σ_c R[i, c]·V[r, c].
            var g = gradient.Slice(i * d, d);
            for (int r = 0; r < d; r++)
            {
                var vRow = vectors.Slice(r * d, d);
                double dot = 0;
                for (int c = 0; c < d; c++)
                {
                    dot += residual[c] * vRow[c];
                }

                g[r] = scale * dot;
            }
        }

        return sum / normaliser;
    }
}
