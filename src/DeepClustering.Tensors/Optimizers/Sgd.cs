using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.NN;

namespace DeepClustering.Tensors.Optimizers;

/// <summary>
/// Stochastic gradient descent with optional momentum, Nesterov momentum and weight decay, computed as
/// torch.optim.SGD does (dampening 0): g ← g + λθ, b ← μb + g, θ ← θ − lr·(Nesterov ? g + μb : b).
/// </summary>
public sealed class Sgd : Optimizer
{
    private readonly Tensor?[] _velocities;
    private readonly bool[] _started;
    private readonly SgdOptions _options;
    private float _learningRate;

    /// <summary>Creates the optimizer.</summary>
    public Sgd(IEnumerable<Parameter> parameters, SgdOptions options)
        : base(parameters)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _learningRate = options.LearningRate;
        _velocities = Parameters
            .Select(p => options.Momentum != 0f ? new Tensor(p.Value.Backend, p.Value.Shape.ToArray()) : null)
            .ToArray();
        _started = new bool[Parameters.Count];
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
        var settings = new SgdStepSettings(_learningRate, _options.Momentum, _options.WeightDecay, _options.Nesterov, !_started[index]);
        _started[index] = true;
        parameter.Value.Backend.SgdStep(parameter.Value, parameter.Gradient, _velocities[index], settings);
    }
}
