using DeepClustering.Tensors.Backends;

namespace DeepClustering.Tensors.NN;

/// <summary>
/// A layer or a composition of layers with a forward pass and its backward pass. Each module keeps what its
/// backward pass needs from the last forward pass, and owns the tensors it returns: they are overwritten by
/// the next call, so training allocates nothing per batch once the buffers exist.
/// </summary>
/// <remarks>
/// Gradients flow by explicit calls: <c>Forward</c> then <c>Backward</c> with the gradient of the loss with
/// respect to the output, which adds the parameters' gradients and returns the gradient with respect to the
/// input. Any loss, for example a clustering loss on an encoder's embedding, can be pushed back this way.
/// </remarks>
public abstract class Module
{
    private List<Tensor>? _buffers;

    /// <summary>Creates a module whose tensors live on <paramref name="backend"/>.</summary>
    protected Module(IComputeBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        Backend = backend;
    }

    /// <summary>The backend that runs this module's kernels.</summary>
    public IComputeBackend Backend { get; }

    /// <summary>Whether the module is in training mode (dropout active) or evaluation mode.</summary>
    public bool IsTraining { get; private set; } = true;

    /// <summary>
    /// Whether <see cref="Backward"/> computes the gradient with respect to the input. Turn it off on a
    /// network's first layer to skip work nobody reads; <see cref="Backward"/> then returns null.
    /// </summary>
    public virtual bool InputGradientRequired { get; set; } = true;

    /// <summary>Computes the output for a batch. The returned tensor belongs to the module.</summary>
    public abstract Tensor Forward(Tensor input);

    /// <summary>
    /// Given the gradient of the loss with respect to the last output, adds the parameters' gradients and
    /// returns the gradient with respect to the last input (null when <see cref="InputGradientRequired"/> is off).
    /// </summary>
    public abstract Tensor? Backward(Tensor outputGradient);

    /// <summary>Switches to training mode, or to evaluation mode when <paramref name="training"/> is false.</summary>
    public void Train(bool training = true)
    {
        IsTraining = training;
        foreach (var (_, child) in NamedChildren())
        {
            child.Train(training);
        }
    }

    /// <summary>Switches to evaluation mode.</summary>
    public void Eval() => Train(false);

    /// <summary>The direct sub-modules with their names.</summary>
    public virtual IEnumerable<(string Name, Module Module)> NamedChildren() => [];

    /// <summary>This module's own parameters with their names (not those of its children).</summary>
    protected virtual IEnumerable<(string Name, Parameter Parameter)> OwnParameters() => [];

    /// <summary>All parameters, with dotted names such as <c>encoder.0.weight</c>, in a fixed order.</summary>
    public IEnumerable<(string Name, Parameter Parameter)> NamedParameters()
    {
        foreach (var item in OwnParameters())
        {
            yield return item;
        }

        foreach (var (childName, child) in NamedChildren())
        {
            foreach (var (name, parameter) in child.NamedParameters())
            {
                yield return ($"{childName}.{name}", parameter);
            }
        }
    }

    /// <summary>All parameters in the order of <see cref="NamedParameters"/>.</summary>
    public IReadOnlyList<Parameter> Parameters() => NamedParameters().Select(p => p.Parameter).ToList();

    /// <summary>Clears the gradients of all parameters.</summary>
    public void ZeroGradient() => ZeroGradientsOfTree();

    /// <summary>
    /// Clears the gradients of this module's parameters and of its children's. This runs once per training step,
    /// so it must not allocate: walking <see cref="NamedParameters"/> built a dotted name string and an iterator
    /// per parameter. The default walks <see cref="OwnParameters"/> and <see cref="NamedChildren"/> (an iterator
    /// each); the engine's layers and <see cref="Layers.Sequential"/> override it to walk their fields.
    /// </summary>
    internal virtual void ZeroGradientsOfTree()
    {
        foreach (var (_, parameter) in OwnParameters())
        {
            parameter.ZeroGradient();
        }

        foreach (var (_, child) in NamedChildren())
        {
            child.ZeroGradientsOfTree();
        }
    }

    /// <summary>Copies every parameter's values out, by name.</summary>
    public IReadOnlyDictionary<string, float[]> GetParameterValues() =>
        NamedParameters().ToDictionary(p => p.Name, p => p.Parameter.Value.ToArray());

    /// <summary>
    /// Copies parameter values in, by name. Every parameter of the module must be present with the right
    /// number of values, and no unknown name may appear; nothing is changed when the check fails.
    /// </summary>
    public void SetParameterValues(IReadOnlyDictionary<string, float[]> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var parameters = NamedParameters().ToList();
        foreach (var (name, parameter) in parameters)
        {
            if (!values.TryGetValue(name, out var source))
            {
                throw new ArgumentException($"No values for parameter '{name}'.", nameof(values));
            }

            if (source.Length != parameter.Value.Length)
            {
                throw new ArgumentException(
                    $"Parameter '{name}' of shape {TensorShape.Format(parameter.Value.Shape)} needs {parameter.Value.Length} values, got {source.Length}.",
                    nameof(values));
            }
        }

        var known = parameters.Select(p => p.Name).ToHashSet();
        var unknown = values.Keys.FirstOrDefault(k => !known.Contains(k));
        if (unknown is not null)
        {
            throw new ArgumentException($"Unknown parameter '{unknown}'.", nameof(values));
        }

        foreach (var (name, parameter) in parameters)
        {
            parameter.Value.CopyFrom(values[name]);
        }
    }

    /// <summary>
    /// Releases the memory of every buffer this module and its children keep between calls (outputs and gradients sized
    /// for the largest batch seen); the next call allocates again what it needs. A trained network calls it when its
    /// training ends, so that a fitted model does not keep the training batch's workspace.
    /// </summary>
    public void ReleaseBuffers()
    {
        foreach (var buffer in _buffers ?? [])
        {
            buffer.ReleaseStorage();
        }

        foreach (var (_, child) in NamedChildren())
        {
            child.ReleaseBuffers();
        }
    }

    /// <summary>Returns <paramref name="buffer"/> shaped as <paramref name="shape"/>, creating it on first use.</summary>
    protected Tensor EnsureBuffer(ref Tensor? buffer, ReadOnlySpan<int> shape)
    {
        if (buffer is null)
        {
            buffer = new Tensor(Backend, shape.ToArray());
            (_buffers ??= []).Add(buffer);
        }
        else
        {
            buffer.Resize(shape);
        }

        return buffer;
    }

    /// <summary>Throws when <see cref="Backward"/> is called before any <see cref="Forward"/>.</summary>
    protected static T RequireForward<T>(T? saved)
        where T : class =>
        saved ?? throw new InvalidOperationException("Backward was called before Forward.");
}
