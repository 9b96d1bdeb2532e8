using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Refiners.Dec;

/// <summary>
/// DEC's mini-batch schedule: consecutive slices of the data in a fixed order, wrapping around to the start after the
/// last (possibly shorter) slice, as DEC-keras' <c>DEC.fit</c> (<c>idx = index_array[index*b : min((index+1)*b, n)]</c>,
/// then <c>index = index + 1 if (index + 1) * b &lt;= n else 0</c>) and the IDEC code.
/// </summary>
/// <remarks>
/// One deviation: when n is a multiple of b, DEC-keras' rule steps to index n/b and trains on an empty slice once per
/// pass; here the pass wraps to 0 instead (<c>(index + 1)·b &lt; n</c>), so every batch has at least one row. With a
/// random generator the order of the rows is redrawn at the start of every pass, as DEC-keras' commented-out
/// <c>if index == 0: np.random.shuffle(index_array)</c>; without one it is 0 … n − 1, as DEC-keras and IDEC run.
/// </remarks>
internal sealed class InOrderBatches
{
    private readonly int[] _order;
    private readonly int _batchSize;
    private readonly RandomGenerator? _random;
    private int _index;

    /// <summary>Creates the schedule over <paramref name="rows"/> rows in batches of <paramref name="batchSize"/> (at most <paramref name="rows"/>).</summary>
    public InOrderBatches(int rows, int batchSize, RandomGenerator? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _order = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            _order[i] = i;
        }

        _batchSize = Math.Min(batchSize, rows);
        _random = random;
    }

    /// <summary>The largest batch: the batch size, or the number of rows when there are fewer.</summary>
    public int MaxBatchSize => _batchSize;

    /// <summary>The rows of the next batch; the span is valid until the next call.</summary>
    public ReadOnlySpan<int> Next()
    {
        if (_index == 0 && _random is not null)
        {
            _random.Shuffle<int>(_order);
        }

        int start = _index * _batchSize;
        int count = Math.Min(_batchSize, _order.Length - start);
        _index = (_index + 1) * _batchSize < _order.Length ? _index + 1 : 0;
        return _order.AsSpan(start, count);
    }
}
