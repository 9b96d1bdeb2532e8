using DeepClustering.Tensors;

namespace DeepClustering.Refiners.EmbeddedKMeans;

/// <summary>
/// <see cref="DekmLoss"/> on one mini-batch of the encoder's output against the batch's fixed targets, with
/// buffers kept from batch to batch so that a training step allocates nothing once the largest batch has been
/// seen (the Tensor overload of <see cref="DekmLoss.Compute(Tensor, ScatterEigenbasis, ReadOnlySpan{double}, Tensor, DekmLossReduction)"/>
/// allocates two arrays per call, and <see cref="DekmTargets.ForRows"/> one).
/// </summary>
internal sealed class DekmBatchLoss
{
    private double[] _embeddings = [];
    private double[] _targets = [];
    private double[] _gradient = [];
    private readonly int[] _gradientShape = new int[2];

    /// <summary>
    /// The loss (<see cref="DekmLoss.DefaultReduction"/>, the DEKM code's) of <paramref name="embeddings"/>
    /// (B × d, the encoder's output for the samples <paramref name="rows"/>) against those samples' targets in
    /// <paramref name="refresh"/>; <paramref name="gradient"/> is resized to B × d and receives ∂L/∂embeddings.
    /// </summary>
    public double Compute(Tensor embeddings, ReadOnlySpan<int> rows, DekmRefresh refresh, Tensor gradient)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(refresh);
        ArgumentNullException.ThrowIfNull(gradient);
        int d = refresh.Dimension;
        if (embeddings.Rank != 2 || embeddings.Size(1) != d || embeddings.Size(0) != rows.Length)
        {
            throw new ArgumentException(
                $"The embeddings are {embeddings}; [{rows.Length}, {d}] is needed for {rows.Length} rows.", nameof(embeddings));
        }

        int length = rows.Length * d;
        EnsureCapacity(length);
        var z = _embeddings.AsSpan(0, length);
        var values = embeddings.AsSpan();
        for (int i = 0; i < length; i++)
        {
            z[i] = values[i];
        }

        var targets = _targets.AsSpan(0, length);
        var all = refresh.Targets;
        int samples = all.Length / d;
        for (int b = 0; b < rows.Length; b++)
        {
            int row = rows[b];
            if ((uint)row >= (uint)samples)
            {
                throw new ArgumentException($"Row index {row} (batch position {b}) is not a sample in [0, {samples}).", nameof(rows));
            }

            all.AsSpan(row * d, d).CopyTo(targets.Slice(b * d, d));
        }

        var gradientValues = _gradient.AsSpan(0, length);
        double loss = DekmLoss.Compute(z, d, refresh.Basis.Vectors, targets, gradientValues);
        _gradientShape[0] = rows.Length;
        _gradientShape[1] = d;
        gradient.Resize(_gradientShape);
        var output = gradient.AsSpan();
        for (int i = 0; i < length; i++)
        {
            output[i] = (float)gradientValues[i];
        }

        return loss;
    }

    private void EnsureCapacity(int length)
    {
        if (_embeddings.Length < length)
        {
            _embeddings = new double[length];
            _targets = new double[length];
            _gradient = new double[length];
        }
    }
}
