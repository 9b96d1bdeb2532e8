using DeepClustering.Tensors.Backends;

namespace DeepClustering.Tensors.NN.Layers;

/// <summary>Runs modules one after another; parameters are named by position (<c>0.weight</c>) or by the given names.</summary>
public sealed class Sequential : Module
{
    private readonly List<(string Name, Module Module)> _modules = [];
    private bool _inputGradientRequired = true;

    /// <summary>Creates a sequence of <paramref name="modules"/>, named 0, 1, 2, ….</summary>
    public Sequential(IComputeBackend backend, params Module[] modules)
        : base(backend)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var module in modules)
        {
            Add(module);
        }
    }

    /// <summary>The modules in order.</summary>
    public IReadOnlyList<Module> Modules => _modules.Select(m => m.Module).ToList();

    /// <summary>The number of modules.</summary>
    public int Count => _modules.Count;

    /// <inheritdoc />
    public override bool InputGradientRequired
    {
        get => _inputGradientRequired;
        set
        {
            _inputGradientRequired = value;
            if (_modules.Count > 0)
            {
                _modules[0].Module.InputGradientRequired = value;
            }
        }
    }

    /// <summary>Appends a module named by its position.</summary>
    public Sequential Add(Module module) => Add(_modules.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);

    /// <summary>Appends a named module.</summary>
    public Sequential Add(string name, Module module)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(module);
        if (_modules.Any(m => m.Name == name))
        {
            throw new ArgumentException($"A module named '{name}' is already in the sequence.", nameof(name));
        }

        if (!ReferenceEquals(module.Backend, Backend))
        {
            throw new ArgumentException($"The module runs on '{module.Backend.Name}', the sequence on '{Backend.Name}'.", nameof(module));
        }

        if (_modules.Count == 0)
        {
            module.InputGradientRequired = _inputGradientRequired;
        }

        module.Train(IsTraining);
        _modules.Add((name, module));
        return this;
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var (_, module) in _modules)
        {
            x = module.Forward(x);
        }

        return x;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient)
    {
        Tensor? gradient = outputGradient;
        for (int i = _modules.Count - 1; i >= 0 && gradient is not null; i--)
        {
            gradient = _modules[i].Module.Backward(gradient);
        }

        return gradient;
    }

    /// <inheritdoc />
    public override IEnumerable<(string Name, Module Module)> NamedChildren() => _modules;

    internal override void ZeroGradientsOfTree()
    {
        for (int i = 0; i < _modules.Count; i++)
        {
            _modules[i].Module.ZeroGradientsOfTree();
        }
    }
}
