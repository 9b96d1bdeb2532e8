namespace DeepClustering.Persistence;

/// <summary>Matching a network's parameters with named values by name and shape, the same for every backend.</summary>
public static class NetworkParameters
{
    /// <summary>
    /// The values of <paramref name="given"/> for each parameter of <paramref name="expected"/>, by name. Every expected
    /// name must be given once with the same shape, and no other name may appear; the message names the parameter.
    /// </summary>
    /// <exception cref="ArgumentException">A name is missing, repeated or unknown, or a shape differs.</exception>
    public static Dictionary<string, float[]> MatchByName(IReadOnlyList<NamedTensor> expected, IReadOnlyList<NamedTensor> given, string argumentName)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(given, argumentName);
        var byName = new Dictionary<string, NamedTensor>(given.Count, StringComparer.Ordinal);
        foreach (var tensor in given)
        {
            ArgumentNullException.ThrowIfNull(tensor, argumentName);
            if (!byName.TryAdd(tensor.Name, tensor))
            {
                throw new ArgumentException($"The parameter '{tensor.Name}' is given twice.", argumentName);
            }
        }

        var values = new Dictionary<string, float[]>(expected.Count, StringComparer.Ordinal);
        foreach (var parameter in expected)
        {
            if (!byName.Remove(parameter.Name, out var tensor))
            {
                throw new ArgumentException($"No values for the parameter '{parameter.Name}' {parameter.ShapeText}.", argumentName);
            }

            if (!tensor.Shape.SequenceEqual(parameter.Shape))
            {
                throw new ArgumentException(
                    $"The parameter '{parameter.Name}' has shape {parameter.ShapeText} in the network but {tensor.ShapeText} in the values given.", argumentName);
            }

            values.Add(parameter.Name, tensor.ToArray());
        }

        if (byName.Count > 0)
        {
            var unknown = byName.Values.First();
            throw new ArgumentException($"'{unknown.Name}' {unknown.ShapeText} is no parameter of the network.", argumentName);
        }

        return values;
    }
}
