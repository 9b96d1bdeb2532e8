using DeepClustering.Networks;
using DeepClustering.Training;
using TorchSharp;
using Parameter = TorchSharp.Modules.Parameter;
using static TorchSharp.torch;

namespace DeepClustering.TorchSharp;

/// <summary>
/// Adam and SGD with momentum over TorchSharp parameters, with PyTorch's update rules (<c>torch.optim.Adam</c>,
/// <c>torch.optim.SGD</c> without dampening, Nesterov or weight decay), written here so that a step leaves nothing to the
/// garbage collector.
/// </summary>
/// <remarks>
/// Why not TorchSharp's own optimizers: they are exact, and their tensors live in dispose scopes, but each step turns
/// its doubles (β₁, 1 − β₁, the bias corrections, …) into native <see cref="Scalar"/>s that only a finalizer frees.
/// Left to a garbage collection that a training loop with few managed allocations seldom triggers, those small native
/// objects sit between the step's large tensors in the C heap: on the dense 784-500-500-2000-10 autoencoder
/// the resident set grew by about 3.5 MB a batch (docs/torchsharp.md has the measurement). Here every Scalar is created
/// once or disposed in the step that made it.
/// </remarks>
internal sealed class TorchSharpOptimizer : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly Tensor?[] _first;
    private readonly Tensor?[] _second;
    private readonly OptimizerKind _kind;
    private readonly double _learningRate;
    private readonly double _momentum;
    private readonly Scalar _beta1;
    private readonly Scalar _oneMinusBeta1;
    private readonly Scalar _beta2;
    private readonly Scalar _oneMinusBeta2;
    private readonly Scalar _epsilonScalar;
    private readonly Scalar _momentumScalar;
    private readonly Scalar _negativeLearningRate;
    private long _steps;
    private bool _disposed;

    /// <summary>PyTorch's defaults for Adam's moment decays.</summary>
    private const double Beta1 = 0.9, Beta2 = 0.999;

    public TorchSharpOptimizer(IEnumerable<Parameter> parameters, OptimizerKind kind, double learningRate, double momentum, double epsilon)
    {
        _parameters = parameters.ToArray();
        _first = new Tensor?[_parameters.Length];
        _second = new Tensor?[_parameters.Length];
        _kind = kind;
        _learningRate = learningRate;
        _momentum = momentum;
        _beta1 = Beta1.ToScalar();
        _oneMinusBeta1 = (1 - Beta1).ToScalar();
        _beta2 = Beta2.ToScalar();
        _oneMinusBeta2 = (1 - Beta2).ToScalar();
        _epsilonScalar = epsilon.ToScalar();
        _momentumScalar = momentum.ToScalar();
        _negativeLearningRate = (-learningRate).ToScalar();
    }

    /// <summary>Sets every gradient to zero in place (a parameter without one yet is left so).</summary>
    public void ZeroGradients()
    {
        foreach (var parameter in _parameters)
        {
            using var gradient = parameter.grad;
            gradient?.zero_();
        }
    }

    /// <summary>One update of every parameter that has a gradient.</summary>
    public void Step()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _steps++;
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        if (_kind == OptimizerKind.Sgd)
        {
            StepSgd();
        }
        else
        {
            StepAdam();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var state in _first.Concat(_second))
        {
            state?.Dispose();
        }

        foreach (var scalar in new[] { _beta1, _oneMinusBeta1, _beta2, _oneMinusBeta2, _epsilonScalar, _momentumScalar, _negativeLearningRate })
        {
            scalar.Dispose();
        }
    }

    /// <summary>m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).</summary>
    private void StepAdam()
    {
        double correction1 = 1 - Math.Pow(Beta1, _steps);
        double correction2 = 1 - Math.Pow(Beta2, _steps);
        using Scalar rootCorrection2 = Math.Sqrt(correction2).ToScalar(), stepSize = (-_learningRate / correction1).ToScalar();
        for (int i = 0; i < _parameters.Length; i++)
        {
            var gradient = _parameters[i].grad;
            if (gradient is null)
            {
                continue;
            }

            var m = _first[i] ??= State(_parameters[i]);
            var v = _second[i] ??= State(_parameters[i]);
            m.mul_(_beta1).add_(gradient, alpha: _oneMinusBeta1);
            v.mul_(_beta2).addcmul_(gradient, gradient, value: _oneMinusBeta2);
            var denominator = v.sqrt().div_(rootCorrection2).add_(_epsilonScalar);
            _parameters[i].addcdiv_(m, denominator, value: stepSize);
        }
    }

    /// <summary>b ← g on the first step, then b ← μb + g; p ← p − lr·b (plain SGD when μ = 0).</summary>
    private void StepSgd()
    {
        for (int i = 0; i < _parameters.Length; i++)
        {
            var gradient = _parameters[i].grad;
            if (gradient is null)
            {
                continue;
            }

            if (_momentum == 0)
            {
                _parameters[i].add_(gradient, alpha: _negativeLearningRate);
                continue;
            }

            if (_first[i] is not { } buffer)
            {
                _first[i] = gradient.detach().clone().DetachFromDisposeScope();
            }
            else
            {
                buffer.mul_(_momentumScalar).add_(gradient);
            }

            _parameters[i].add_(_first[i]!, alpha: _negativeLearningRate);
        }
    }

    /// <summary>A zero state tensor like <paramref name="parameter"/>, outside the step's dispose scope.</summary>
    private static Tensor State(Parameter parameter) => zeros_like(parameter).DetachFromDisposeScope();
}
