using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.NN;

namespace DeepClustering.Tensors.Optimizers;

/// <summary>
/// Adam with bias correction (Kingma and Ba, 2015, Algorithm 1), computed as torch.optim.Adam does:
/// m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − (lr / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε).
/// </summary>
public sealed class Adam : Optimizer
{
    private readonly Tensor[] _firstMoments;
    private readonly Tensor[] _secondMoments;
    private readonly int[] _steps;
    private readonly AdamOptions _options;
    private float _learningRate;

    /// <summary>Creates the optimizer with default options.</summary>
    public Adam(IEnumerable<Parameter> parameters)
        : this(parameters, new AdamOptions())
    {
    }

    /// <summary>Creates the optimizer.</summary>
    public Adam(IEnumerable<Parameter> parameters, AdamOptions options)
        : base(parameters)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _learningRate = options.LearningRate;
        _firstMoments = Parameters.Select(p => new Tensor(p.Value.Backend, p.Value.Shape.ToArray())).ToArray();
        _secondMoments = Parameters.Select(p => new Tensor(p.Value.Backend, p.Value.Shape.ToArray())).ToArray();
        _steps = new int[Parameters.Count];
    }

    /// <inheritdoc />
    public override float LearningRate
    {
        get => _learningRate;
        set => _learningRate = CheckLearningRate(value, nameof(value));
    }

    /// <inheritdoc />
    protected override void Update(int index, Parameter parameter)
    {
        // The bias correction counts this parameter's own updates, as torch.optim.Adam keeps state['step'] per
        // parameter: one that was frozen for a while starts again from step 1 when it is unfrozen.
        int step = ++_steps[index];
        var settings = new AdamStepSettings(_learningRate, _options.Beta1, _options.Beta2, _options.Epsilon,
            _options.WeightDecay, _options.DecoupledWeightDecay, step);
        parameter.Value.Backend.AdamStep(parameter.Value, parameter.Gradient, _firstMoments[index], _secondMoments[index], settings);
    }
}
