namespace DeepClustering.Networks;

/// <summary>One parameter a network has: its dotted name and its shape.</summary>
/// <param name="Name">The name, such as <c>encoder.0.weight</c>.</param>
/// <param name="Shape">The size of each dimension.</param>
internal sealed record ParameterShape(string Name, int[] Shape)
{
    /// <summary>The number of values, the product of the shape.</summary>
    public long ElementCount => Shape.Aggregate(1L, (product, size) => product * size);
}
