using DeepClustering.Tensors;

namespace DeepClustering.Data;

/// <summary>
/// The content of an IDX file: a dense, row-major array of one <see cref="IdxElementType"/> and its shape.
/// </summary>
/// <remarks>
/// Create one with <see cref="Create{T}(T[], int[])"/> to write it with <see cref="IdxFile.Write(string, IdxArray, IdxCompression)"/>,
/// or get one from <see cref="IdxFile.Read(string)"/>. The values array is held as it is, not copied.
/// </remarks>
public sealed class IdxArray
{
    /// <summary>The most dimensions an IDX file can declare: its rank is one byte.</summary>
    public const int MaxRank = byte.MaxValue;

    private readonly int[] _shape;

    internal IdxArray(IdxElementType elementType, Array values, int[] shape)
    {
        ElementType = elementType;
        Values = values;
        _shape = shape;
    }

    /// <summary>The type of every element, as written in the file's magic number.</summary>
    public IdxElementType ElementType { get; }

    /// <summary>The size of each dimension, outermost first (for MNIST images: count, rows, columns).</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>The number of dimensions.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of elements, the product of the shape.</summary>
    public int Length => Values.Length;

    /// <summary>
    /// The values in row-major order: a <see cref="byte"/>[], <see cref="sbyte"/>[], <see cref="short"/>[],
    /// <see cref="int"/>[], <see cref="float"/>[] or <see cref="double"/>[] according to <see cref="ElementType"/>.
    /// </summary>
    public Array Values { get; }

    /// <summary>Wraps <paramref name="values"/> (not a copy) with its shape.</summary>
    /// <typeparam name="T">
    /// <see cref="byte"/>, <see cref="sbyte"/>, <see cref="short"/>, <see cref="int"/>, <see cref="float"/> or
    /// <see cref="double"/>; it sets the <see cref="ElementType"/>.
    /// </typeparam>
    /// <param name="values">The values in row-major order; their count must equal the product of the shape.</param>
    /// <param name="shape">The size of each dimension; between 1 and <see cref="MaxRank"/> dimensions, each positive.</param>
    /// <exception cref="ArgumentException">The type has no IDX code, or the shape is invalid or does not match the values.</exception>
    public static IdxArray Create<T>(T[] values, params int[] shape)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(shape);
        IdxElementType elementType = IdxElementTypes.Of<T>() ?? throw new ArgumentException(
            $"IDX has no element type for {typeof(T).Name}; use byte, sbyte, short, int, float or double.", nameof(values));
        if (shape.Length is 0 or > MaxRank)
        {
            throw new ArgumentException(
                $"An IDX array has between 1 and {MaxRank} dimensions, not {shape.Length}.", nameof(shape));
        }

        long count = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] <= 0)
            {
                throw new ArgumentException(
                    $"Dimension {i} of shape {TensorShape.Format(shape)} is {shape[i]}; every dimension must be positive.",
                    nameof(shape));
            }

            count *= shape[i];
            if (count > Array.MaxLength)
            {
                throw new ArgumentException(
                    $"Shape {TensorShape.Format(shape)} has more elements than one array can hold.", nameof(shape));
            }
        }

        if (count != values.Length)
        {
            throw new ArgumentException(
                $"{values.Length} values do not fill shape {TensorShape.Format(shape)} ({count} elements).", nameof(values));
        }

        return new IdxArray(elementType, values, (int[])shape.Clone());
    }

    /// <summary>The size of dimension <paramref name="dimension"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The array has no such dimension.</exception>
    public int Size(int dimension)
    {
        if ((uint)dimension >= (uint)_shape.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension,
                $"An IDX array of shape {TensorShape.Format(_shape)} has no dimension {dimension}.");
        }

        return _shape[dimension];
    }

    /// <summary>The values as <typeparamref name="T"/>[], which must be the type that <see cref="ElementType"/> stores.</summary>
    /// <exception cref="InvalidOperationException">The array holds another element type.</exception>
    public T[] GetValues<T>()
        where T : unmanaged
    {
        // Switch on the declared type, not the array: the runtime lets an sbyte[] pass as a byte[].
        if (IdxElementTypes.Of<T>() == ElementType)
        {
            return (T[])Values;
        }

        throw new InvalidOperationException(
            $"This IDX array holds {IdxElementTypes.Describe(ElementType)}, not {typeof(T).Name} values.");
    }

    /// <summary>A new array with every value converted to <see cref="float"/> (doubles are rounded).</summary>
    public float[] ToSingleArray()
    {
        var result = new float[Length];
        switch (ElementType)
        {
            case IdxElementType.UnsignedByte:
                byte[] bytes = (byte[])Values;
                for (int i = 0; i < bytes.Length; i++) result[i] = bytes[i];
                break;
            case IdxElementType.SignedByte:
                sbyte[] signedBytes = (sbyte[])Values;
                for (int i = 0; i < signedBytes.Length; i++) result[i] = signedBytes[i];
                break;
            case IdxElementType.Int16:
                short[] shorts = (short[])Values;
                for (int i = 0; i < shorts.Length; i++) result[i] = shorts[i];
                break;
            case IdxElementType.Int32:
                int[] ints = (int[])Values;
                for (int i = 0; i < ints.Length; i++) result[i] = ints[i];
                break;
            case IdxElementType.Single:
                ((float[])Values).CopyTo(result, 0);
                break;
            case IdxElementType.Double:
                double[] doubles = (double[])Values;
                for (int i = 0; i < doubles.Length; i++) result[i] = (float)doubles[i];
                break;
        }

        return result;
    }

    /// <summary>The shape and element type, for example <c>IDX [10000, 28, 28] of unsigned bytes (0x08)</c>.</summary>
    public override string ToString() => $"IDX {TensorShape.Format(_shape)} of {IdxElementTypes.Describe(ElementType)}";
}
