namespace DeepClustering.Refiners.EmbeddedKMeans;

/// <summary>How <see cref="DekmLoss"/> normalises Σ_i Σ_c (f(x_i)V − t_i)_c² over a batch of B rows and d coordinates.</summary>
internal enum DekmLossReduction
{
    /// <summary>
    /// Σ_i (1/d) Σ_c r_ic²: the mean over the coordinates, summed over the rows. This is the gradient the DEKM code
    /// applies: <c>losses.mse(y_true, y_pred_cluster)</c> is Keras' per-row mean over the last axis (a vector of
    /// B values), and <c>tape.gradient</c> of a non-scalar target differentiates the sum of its elements.
    /// </summary>
    SumOfRowMeans,

    /// <summary>
    /// (1/(B·d)) Σ_i Σ_c r_ic²: the mean over all elements, the value the DEKM code logs (<c>np.mean(loss_value)</c>)
    /// and PyTorch's <c>MSELoss()</c>; its gradient is the one of <see cref="SumOfRowMeans"/> divided by B.
    /// </summary>
    Mean,
}
