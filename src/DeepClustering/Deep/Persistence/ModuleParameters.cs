using DeepClustering.Tensors;
using DeepClustering.Tensors.NN;

namespace DeepClustering.Persistence;

/// <summary>
/// Stores a module's parameters as <see cref="NamedTensor"/>s and loads them back, so that a network can be saved in
/// a <see cref="ModelFile"/> next to other tensors (cluster centres, for example) under a name prefix.
/// </summary>
public static class ModuleParameters
{
    /// <summary>
    /// A copy of every parameter of <paramref name="module"/>, named <paramref name="prefix"/> followed by the
    /// parameter's dotted name (see <see cref="Module.NamedParameters"/>), with its shape.
    /// </summary>
    /// <param name="module">The module whose parameters to copy.</param>
    /// <param name="prefix">
    /// Put before every name, as it is: <c>"network."</c> stores <c>encoder.0.weight</c> as
    /// <c>network.encoder.0.weight</c>. Empty when the file holds only this module's parameters.
    /// </param>
    public static IReadOnlyList<NamedTensor> ToTensors(Module module, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(prefix);
        return module.NamedParameters().Select(p => NamedTensor.FromTensor(prefix + p.Name, p.Parameter.Value)).ToList();
    }

    /// <summary>
    /// Loads the parameters of <paramref name="module"/> from the tensors of <paramref name="file"/> whose names start
    /// with <paramref name="prefix"/>. Every parameter must have a tensor of the same shape, and every tensor under
    /// the prefix must be a parameter; the module is changed only when all of that holds.
    /// </summary>
    /// <param name="module">The module to load into; it must have been built with the saved architecture.</param>
    /// <param name="file">The file content holding the parameters.</param>
    /// <param name="prefix">The prefix the parameters were stored under (see <see cref="ToTensors"/>).</param>
    /// <exception cref="InvalidDataException">
    /// A parameter has no tensor, a tensor's shape differs from its parameter's, or a tensor under the prefix is
    /// no parameter of the module. The message names the file, the parameter and both shapes.
    /// </exception>
    public static void Load(Module module, ModelFile file, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(prefix);
        var parameters = module.NamedParameters().ToList();
        var values = new Dictionary<string, float[]>(parameters.Count, StringComparer.Ordinal);
        foreach (var (name, parameter) in parameters)
        {
            var moduleShape = parameter.Value.Shape;
            if (!file.TryGetTensor(prefix + name, out var tensor))
            {
                throw new InvalidDataException(
                    $"{file.Describe()} holds no tensor '{prefix + name}' for the module's parameter '{name}' of shape " +
                    $"{TensorShape.Format(moduleShape)}: it was saved from another architecture, or under another prefix.");
            }

            if (!tensor.Shape.SequenceEqual(moduleShape))
            {
                throw new InvalidDataException(
                    $"{file.Describe()} does not fit the module: parameter '{name}' has shape {TensorShape.Format(moduleShape)} " +
                    $"in the module but tensor '{tensor.Name}' has shape {TensorShape.Format(tensor.Shape)} in the file.");
            }

            values.Add(name, tensor.ToArray());
        }

        foreach (var tensor in file.Tensors)
        {
            if (tensor.Name.StartsWith(prefix, StringComparison.Ordinal) && !values.ContainsKey(tensor.Name[prefix.Length..]))
            {
                throw new InvalidDataException(
                    $"{file.Describe()} does not fit the module: its tensor '{tensor.Name}' of shape {TensorShape.Format(tensor.Shape)} " +
                    $"is {(prefix.Length == 0 ? "no parameter of the module (a file loaded with an empty prefix must hold only the module's parameters)" : $"under the prefix '{prefix}' but no parameter of the module")}.");
            }
        }

        module.SetParameterValues(values);
    }
}
