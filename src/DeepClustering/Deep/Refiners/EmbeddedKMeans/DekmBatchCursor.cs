namespace DeepClustering.Refiners.EmbeddedKMeans;

/// <summary>
/// The mini-batches of embedded k-means' representation step: consecutive slices of one fixed order of the
/// samples, wrapping round to the start, with no reshuffling between passes.
/// </summary>
/// <remarks>
/// Source: DEKM.py walks <c>index_array = np.arange(x.shape[0])</c> in order, taking
/// <c>index_array[index * batch_size: min((index + 1) * batch_size, x.shape[0])]</c> and then
/// <c>index = index + 1 if (index + 1) * batch_size &lt;= x.shape[0] else 0</c>; the batch that reaches the end
/// may be smaller. Its data are shuffled once, when loaded (<c>get_xy</c>: <c>tf.random.shuffle</c> of the
/// indices), which the refiner reproduces by walking a seeded permutation. One difference: when the sample count
/// is a multiple of the batch size DEKM.py's rule produces an empty batch once per pass (and still applies an Adam
/// step with zero gradients); this cursor goes straight back to the start instead.
/// </remarks>
internal sealed class DekmBatchCursor
{
    private readonly int[] _order;
    private readonly int _batchSize;
    private int _start;

    /// <summary>Walks <paramref name="order"/> (not copied) in batches of <paramref name="batchSize"/>.</summary>
    public DekmBatchCursor(int[] order, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (order.Length == 0)
        {
            throw new ArgumentException("There are no samples to walk.", nameof(order));
        }

        _order = order;
        _batchSize = batchSize;
    }

    /// <summary>The rows of the next batch, a view of the order valid until the order changes.</summary>
    public ReadOnlySpan<int> Next()
    {
        int count = Math.Min(_batchSize, _order.Length - _start);
        var rows = _order.AsSpan(_start, count);
        _start += _batchSize;
        if (_start >= _order.Length)
        {
            _start = 0;
        }

        return rows;
    }
}
