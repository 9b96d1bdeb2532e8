using System.Text;
using DeepClustering.Tensors;
using DeepClustering.Tensors.Backends;

namespace DeepClustering.Persistence;

/// <summary>
/// A named array of <see cref="float"/> values with its shape, as a <see cref="ModelFile"/> stores it: network
/// parameters, cluster centres, a rotation matrix or preprocessing statistics. It holds its own copy of the values,
/// so it lives on no compute backend.
/// </summary>
public sealed class NamedTensor
{
    /// <summary>The most UTF-8 bytes a tensor's name may take.</summary>
    public const int MaxNameBytes = 1024;

    /// <summary>The most dimensions a tensor may have.</summary>
    public const int MaxRank = 8;

    private readonly int[] _shape;
    private readonly float[] _values;

    /// <summary>Creates a named tensor from a copy of <paramref name="values"/>.</summary>
    /// <param name="name">
    /// The name, unique within a file: non-empty, at most <see cref="MaxNameBytes"/> UTF-8 bytes, no control
    /// characters. Dotted names such as <c>network.encoder.0.weight</c> group tensors by what they belong to.
    /// </param>
    /// <param name="values">The values in row-major order; their count must equal the product of the shape.</param>
    /// <param name="shape">The size of each dimension: between 1 and <see cref="MaxRank"/> dimensions, each positive.</param>
    /// <exception cref="ArgumentException">The name or the shape is invalid, or the values do not fill the shape.</exception>
    public NamedTensor(string name, ReadOnlySpan<float> values, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(shape);
        RequireValidName(name, nameof(name));
        RequireValidShape(shape, nameof(shape));
        int length = TensorShape.ElementCount(shape, nameof(shape));
        if (values.Length != length)
        {
            throw new ArgumentException(
                $"{values.Length} values do not fill tensor '{name}' of shape {TensorShape.Format(shape)} ({length} elements).",
                nameof(values));
        }

        Name = name;
        _shape = (int[])shape.Clone();
        _values = values.ToArray();
    }

    /// <summary>Holds <paramref name="shape"/> and <paramref name="values"/> without copying them.</summary>
    private NamedTensor(string name, int[] shape, float[] values)
    {
        Name = name;
        _shape = shape;
        _values = values;
    }

    /// <summary>The tensor's name, unique within its file.</summary>
    public string Name { get; }

    /// <summary>The size of each dimension.</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>The number of dimensions.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of values, the product of the shape.</summary>
    public int Length => _values.Length;

    /// <summary>The values in row-major order.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>A named copy of an engine tensor's shape and values.</summary>
    /// <param name="name">The name; see <see cref="NamedTensor(string, ReadOnlySpan{float}, int[])"/>.</param>
    /// <param name="tensor">The tensor to copy.</param>
    public static NamedTensor FromTensor(string name, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return new NamedTensor(name, tensor.AsSpan(), tensor.Shape.ToArray());
    }

    /// <summary>A new engine tensor on <paramref name="backend"/> with this tensor's shape and a copy of its values.</summary>
    public Tensor ToTensor(IComputeBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return new Tensor(backend, _values, _shape);
    }

    /// <summary>A copy of the values.</summary>
    public float[] ToArray() => (float[])_values.Clone();

    /// <summary>The name and shape, for example <c>centres [10, 10]</c>.</summary>
    public override string ToString() => $"{Name} {TensorShape.Format(_shape)}";

    /// <summary>The same values and shape under another name.</summary>
    public NamedTensor WithName(string name) => new(name, _values, _shape);

    /// <summary>The shape written as <c>[10, 10]</c>.</summary>
    public string ShapeText => TensorShape.Format(_shape);

    /// <summary>
    /// A tensor that takes over <paramref name="shape"/> and <paramref name="values"/> without copying them; the reader
    /// has checked them against the rules of the public constructor.
    /// </summary>
    internal static NamedTensor Adopt(string name, int[] shape, float[] values) => new(name, shape, values);

    /// <summary>
    /// Why <paramref name="name"/> cannot name a tensor, or null when it can: it must be non-empty, at most
    /// <see cref="MaxNameBytes"/> UTF-8 bytes, free of control characters and of unpaired surrogates.
    /// </summary>
    internal static string? ProblemWithName(string name)
    {
        if (name.Length == 0)
        {
            return "is empty";
        }

        foreach (char c in name)
        {
            if (char.IsControl(c))
            {
                return $"contains the control character U+{(int)c:X4}";
            }
        }

        int byteCount;
        try
        {
            byteCount = StrictUtf8.GetByteCount(name);
        }
        catch (EncoderFallbackException)
        {
            return "contains an unpaired surrogate";
        }

        return byteCount > MaxNameBytes ? $"takes {byteCount} UTF-8 bytes, more than the {MaxNameBytes} allowed" : null;
    }

    /// <summary>Why a tensor cannot have <paramref name="rank"/> dimensions, or null when it can.</summary>
    internal static string? ProblemWithRank(int rank) =>
        rank is < 1 or > MaxRank ? $"has {rank} dimensions; a tensor has between 1 and {MaxRank}" : null;

    /// <summary>UTF-8 that throws on unpaired surrogates and invalid bytes instead of substituting U+FFFD.</summary>
    internal static UTF8Encoding StrictUtf8 { get; } = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static void RequireValidName(string name, string argumentName)
    {
        if (ProblemWithName(name) is { } problem)
        {
            throw new ArgumentException($"The tensor name '{name}' {problem}.", argumentName);
        }
    }

    private static void RequireValidShape(int[] shape, string argumentName)
    {
        if (ProblemWithRank(shape.Length) is { } problem)
        {
            throw new ArgumentException($"The shape {TensorShape.Format(shape)} {problem}.", argumentName);
        }
    }
}
