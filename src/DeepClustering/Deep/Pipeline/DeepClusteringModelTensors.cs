using DeepClustering.Networks;
using DeepClustering.Persistence;
using DeepClustering.Tensors;

namespace DeepClustering.Pipeline;

/// <summary>
/// The tensors of a <see cref="DeepClusteringModel"/>'s file, checked against its header before any network is built:
/// the autoencoder's parameters must be exactly those its architecture implies (names and shapes, computed without
/// building it), the centres must be ClusterCount × EmbeddingDimension, every value must be finite, and a file of this
/// format version or an earlier one may hold no other tensor. Since the tensors were read from the file, a network
/// built after these checks holds no more values than the file does.
/// </summary>
internal sealed class DeepClusteringModelTensors
{
    /// <summary>The prefix of the autoencoder's parameters in the file.</summary>
    public const string AutoencoderPrefix = "autoencoder.";

    /// <summary>The name of the cluster centres.</summary>
    public const string CentersName = "centers";

    private DeepClusteringModelTensors(IReadOnlyList<NamedTensor> parameters, NamedTensor centers)
    {
        Parameters = parameters;
        Centers = centers;
    }

    /// <summary>The autoencoder's parameters, named as the network names them (without the prefix).</summary>
    public IReadOnlyList<NamedTensor> Parameters { get; }

    /// <summary>The cluster centres, ClusterCount × EmbeddingDimension.</summary>
    public NamedTensor Centers { get; }

    /// <summary>Checks the tensors of <paramref name="file"/> against <paramref name="header"/>.</summary>
    /// <exception cref="InvalidDataException">A tensor is missing, extra, of the wrong shape, or holds a NaN or an infinity.</exception>
    public static DeepClusteringModelTensors Read(ModelFile file, DeepClusteringModelHeader header, string source)
    {
        IReadOnlyList<ParameterShape> expected;
        try
        {
            expected = AutoencoderParameterShapes.For(header.Architecture);
        }
        catch (ArgumentException e)
        {
            throw Refuse(source, $"its architecture cannot be built: {e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal)}");
        }

        var parameters = new List<NamedTensor>(expected.Count);
        foreach (var parameter in expected)
        {
            string name = AutoencoderPrefix + parameter.Name;
            if (!file.TryGetTensor(name, out var tensor))
            {
                throw Refuse(source,
                    $"its {header.Architecture.Kind} architecture has the parameter '{parameter.Name}' {TensorShape.Format(parameter.Shape)}, " +
                    $"but the file holds no tensor '{name}'.");
            }

            if (!tensor.Shape.SequenceEqual(parameter.Shape))
            {
                throw Refuse(source,
                    $"its architecture gives the parameter '{parameter.Name}' the shape {TensorShape.Format(parameter.Shape)}, " +
                    $"but the tensor '{name}' has the shape {tensor.ShapeText}.");
            }

            RequireFinite(tensor, source);
            parameters.Add(tensor.WithName(parameter.Name));
        }

        var centers = file.TryGetTensor(CentersName, out var stored)
            ? stored
            : throw Refuse(source, $"it holds no tensor '{CentersName}' for the cluster centres.");
        if (centers.Rank != 2 || centers.Shape[0] != header.ClusterCount || centers.Shape[1] != header.EmbeddingDimension)
        {
            throw Refuse(source,
                $"its centres have the shape {centers.ShapeText}, but its header says {header.ClusterCount} clusters in an embedding of " +
                $"{header.EmbeddingDimension} dimensions, [{header.ClusterCount}, {header.EmbeddingDimension}].");
        }

        RequireFinite(centers, source);
        RequireNoOthers(file, expected, header.Architecture.Kind, source);
        return new DeepClusteringModelTensors(parameters, centers);
    }

    /// <summary>A file of this format version or an earlier one holds only the parameters and the centres; later minor versions may add tensors.</summary>
    private static void RequireNoOthers(ModelFile file, IReadOnlyList<ParameterShape> expected, AutoencoderKind kind, string source)
    {
        if (file.Tensors.Count == expected.Count + 1 || file.Version.Minor > ModelFormatVersion.Current.Minor)
        {
            return;
        }

        var known = expected.Select(p => AutoencoderPrefix + p.Name).Append(CentersName).ToHashSet(StringComparer.Ordinal);
        var extra = file.Tensors.First(t => !known.Contains(t.Name));
        throw Refuse(source,
            extra.Name.StartsWith(AutoencoderPrefix, StringComparison.Ordinal)
                ? $"its tensor '{extra.Name}' {extra.ShapeText} is no parameter of its {kind} architecture."
                : $"its tensor '{extra.Name}' {extra.ShapeText} is neither a parameter of its autoencoder nor its centres.");
    }

    private static void RequireFinite(NamedTensor tensor, string source)
    {
        var values = tensor.Values;
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw Refuse(source,
                    $"its tensor '{tensor.Name}' holds {values[i]} at position {i}; a model's parameters and centres must be finite.");
            }
        }
    }

    private static InvalidDataException Refuse(string source, string problem) => new($"'{source}' is not a valid model: {problem}");
}
