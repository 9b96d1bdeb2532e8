using DeepClustering.Networks;

namespace DeepClustering.Refiners.EmbeddedKMeans;

/// <summary>
/// Embedded k-means' head: <see cref="DekmLoss"/> of a mini-batch's embeddings against the batch's fixed targets of the
/// last refresh, with buffers kept from batch to batch so that a step allocates nothing once the largest batch has
/// been seen. DEKM has no trainable centres, so the head has no parameters of its own.
/// </summary>
internal sealed class DekmHead : IEmbeddingHead
{
    private double[] _embeddings = [];
    private double[] _targets = [];
    private double[] _gradient = [];

    /// <summary>The refresh whose targets and eigenbasis the loss uses.</summary>
    public required DekmRefresh Refresh { get; set; }

    /// <summary>
    /// The loss (<see cref="DekmLoss.DefaultReduction"/>, the DEKM code's) of <paramref name="embeddings"/> (B × d, the
    /// encoder's output for the samples <paramref name="rows"/>) against those samples' targets; writes ∂L/∂z.
    /// </summary>
    public double LossAndGradient(ReadOnlySpan<int> rows, ReadOnlySpan<float> embeddings, Span<float> embeddingGradient)
    {
        var refresh = Refresh;
        int d = refresh.Dimension;
        int length = rows.Length * d;
        if (embeddings.Length != length || embeddingGradient.Length != length)
        {
            throw new ArgumentException(
                $"The embeddings hold {embeddings.Length} values; {rows.Length} rows of {d} are needed.", nameof(embeddings));
        }

        EnsureCapacity(length);
        var z = _embeddings.AsSpan(0, length);
        for (int i = 0; i < length; i++)
        {
            z[i] = embeddings[i];
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
        for (int i = 0; i < length; i++)
        {
            embeddingGradient[i] = (float)gradientValues[i];
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
