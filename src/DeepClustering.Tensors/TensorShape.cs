namespace DeepClustering.Tensors;

/// <summary>Helpers to validate and describe tensor shapes.</summary>
public static class TensorShape
{
    /// <summary>The product of the dimensions; throws when one is not positive or the product overflows.</summary>
    public static int ElementCount(ReadOnlySpan<int> shape, string argumentName)
    {
        if (shape.Length == 0)
        {
            throw new ArgumentException("A shape needs at least one dimension.", argumentName);
        }

        long count = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] <= 0)
            {
                throw new ArgumentException(
                    $"Dimension {i} of shape {Format(shape)} is {shape[i]}; every dimension must be positive.", argumentName);
            }

            count *= shape[i];
            if (count > Array.MaxLength)
            {
                throw new ArgumentException($"A tensor of shape {Format(shape)} has too many elements.", argumentName);
            }
        }

        return (int)count;
    }

    /// <summary>Formats a shape as <c>[a, b, c]</c>.</summary>
    public static string Format(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    /// <summary>Throws when <paramref name="tensor"/> does not have exactly the <paramref name="expected"/> shape.</summary>
    public static void Require(Tensor tensor, ReadOnlySpan<int> expected, string argumentName)
    {
        ArgumentNullException.ThrowIfNull(tensor, argumentName);
        if (!tensor.Shape.SequenceEqual(expected))
        {
            throw new ArgumentException(
                $"Expected shape {Format(expected)} but got {Format(tensor.Shape)}.", argumentName);
        }
    }

    /// <summary>Throws when the two tensors differ in shape, naming both shapes.</summary>
    public static void RequireSame(Tensor a, Tensor b, string argumentName)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b, argumentName);
        if (!a.Shape.SequenceEqual(b.Shape))
        {
            throw new ArgumentException(
                $"Shapes differ: {Format(a.Shape)} and {Format(b.Shape)}.", argumentName);
        }
    }
}
