using System.Runtime.CompilerServices;
using DeepClustering.Tensors.Backends;

namespace DeepClustering.Tensors;

/// <summary>
/// A dense, contiguous, row-major tensor of <see cref="float"/> values. Images use the NCHW layout
/// (batch, channels, height, width).
/// </summary>
/// <remarks>
/// A tensor belongs to one <see cref="IComputeBackend"/>, which owns its memory and runs every kernel on it.
/// Layers return tensors that they own and overwrite on their next call; copy a result with
/// <see cref="Clone"/> or <see cref="ToArray"/> to keep it.
/// </remarks>
public sealed class Tensor
{
    private int[] _shape;
    private float[] _data;

    /// <summary>Creates a zero-filled tensor of the given shape on a backend.</summary>
    /// <param name="backend">The backend that owns the memory.</param>
    /// <param name="shape">The size of each dimension; each must be positive.</param>
    public Tensor(IComputeBackend backend, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(shape);
        Backend = backend;
        _shape = (int[])shape.Clone();
        Length = TensorShape.ElementCount(_shape, nameof(shape));
        _data = new float[Length];
    }

    /// <summary>Creates a tensor that holds a copy of <paramref name="values"/>.</summary>
    /// <param name="backend">The backend that owns the memory.</param>
    /// <param name="values">The values in row-major order; their count must equal the product of the shape.</param>
    /// <param name="shape">The size of each dimension.</param>
    public Tensor(IComputeBackend backend, ReadOnlySpan<float> values, params int[] shape)
        : this(backend, shape)
    {
        if (values.Length != Length)
        {
            throw new ArgumentException(
                $"{values.Length} values do not fill a tensor of shape {TensorShape.Format(shape)} ({Length} elements).",
                nameof(values));
        }

        values.CopyTo(_data);
    }

    /// <summary>The backend that owns this tensor's memory and runs its kernels.</summary>
    public IComputeBackend Backend { get; }

    /// <summary>The size of each dimension.</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>The number of dimensions.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of elements (the product of the shape).</summary>
    public int Length { get; private set; }

    /// <summary>The size of dimension <paramref name="dimension"/>; negative values count from the end.</summary>
    public int Size(int dimension)
    {
        int d = dimension < 0 ? dimension + _shape.Length : dimension;
        if ((uint)d >= (uint)_shape.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension,
                $"A tensor of shape {TensorShape.Format(_shape)} has no dimension {dimension}.");
        }

        return _shape[d];
    }

    /// <summary>The values, for reading and writing on the CPU.</summary>
    public Span<float> AsSpan() => _data.AsSpan(0, Length);

    /// <summary>The row <paramref name="index"/> of the first dimension, as a span of the remaining elements.</summary>
    public Span<float> Row(int index)
    {
        int rows = _shape[0];
        if ((uint)index >= (uint)rows)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The tensor has {rows} rows.");
        }

        int width = Length / rows;
        return _data.AsSpan(index * width, width);
    }

    /// <summary>Overwrites every value with <paramref name="values"/> (host to tensor memory).</summary>
    public void CopyFrom(ReadOnlySpan<float> values)
    {
        if (values.Length != Length)
        {
            throw new ArgumentException(
                $"{values.Length} values do not fill a tensor of shape {TensorShape.Format(_shape)} ({Length} elements).",
                nameof(values));
        }

        values.CopyTo(_data);
    }

    /// <summary>Copies the values into a new array.</summary>
    public float[] ToArray() => AsSpan().ToArray();

    /// <summary>A new tensor with the same shape and values.</summary>
    public Tensor Clone() => new(Backend, AsSpan(), _shape);

    /// <summary>The shape as text, for example <c>[256, 1, 28, 28]</c>.</summary>
    public override string ToString() => $"Tensor{TensorShape.Format(_shape)}";

    /// <summary>
    /// Gives this tensor a new shape, keeping its memory when it is large enough, so that a loop over batches of
    /// varying size allocates nothing. The values are undefined afterwards unless the element count is unchanged.
    /// </summary>
    public void Resize(ReadOnlySpan<int> shape)
    {
        if (shape.SequenceEqual(_shape))
        {
            return;
        }

        int length = TensorShape.ElementCount(shape, nameof(shape));
        if (length > _data.Length)
        {
            _data = new float[length];
        }

        if (_shape.Length != shape.Length)
        {
            _shape = shape.ToArray();
        }
        else
        {
            shape.CopyTo(_shape);
        }

        Length = length;
    }

    /// <summary>
    /// Drops the tensor's memory: it becomes empty (every dimension 0) until <see cref="Resize"/> gives it a shape again.
    /// For the buffers a module keeps between calls (<see cref="NN.Module.ReleaseBuffers"/>).
    /// </summary>
    internal void ReleaseStorage()
    {
        _data = [];
        Array.Clear(_shape);
        Length = 0;
    }

    /// <summary>The memory behind the tensor; only the first <see cref="Length"/> values are in use.</summary>
    internal float[] Data
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _data;
    }
}
