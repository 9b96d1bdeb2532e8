using DeepClustering.Networks;
using DeepClustering.Training;

namespace DeepClustering.Refiners.Dec;

/// <summary>
/// The optimizer of DEC's cluster centres, on the host: torch.optim.Adam or torch.optim.SGD with momentum, element by
/// element as the engine's kernels compute them. Both are per-element rules, so stepping the centres here and the
/// encoder in the network's optimizer takes the same steps as one optimizer over both (DEC-keras and IDEC train them
/// with one Keras optimizer).
/// </summary>
internal sealed class CentreOptimizer
{
    // torch.optim.Adam's defaults, which DEC-keras' and IDEC's Keras Adam share apart from ε.
    private const float Beta1 = 0.9f;
    private const float Beta2 = 0.999f;
    private const float AdamEpsilon = 1e-8f;

    private readonly OptimizerKind _kind;
    private readonly float _learningRate;
    private readonly float _momentum;
    private readonly float[] _first;
    private readonly float[] _second;
    private int _steps;

    public CentreOptimizer(OptimizerKind kind, float learningRate, float momentum, int length)
    {
        _kind = kind;
        _learningRate = learningRate;
        _momentum = momentum;
        _first = new float[length];
        _second = kind == OptimizerKind.Adam ? new float[length] : [];
    }

    /// <summary>One step of <paramref name="parameter"/> along <paramref name="gradient"/>.</summary>
    public void Step(Span<float> parameter, ReadOnlySpan<float> gradient)
    {
        _steps++;
        if (_kind == OptimizerKind.Adam)
        {
            AdamStep(parameter, gradient, _first, _second, _learningRate, _steps);
        }
        else
        {
            SgdStep(parameter, gradient, _first, _learningRate, _momentum, firstStep: _steps == 1);
        }
    }

    /// <summary>
    /// Adam (Kingma and Ba 2015, algorithm 1) as torch.optim.Adam computes it: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g²,
    /// θ ← θ − (lr / (1 − β₁ᵗ))·m / (√v / √(1 − β₂ᵗ) + ε).
    /// </summary>
    internal static void AdamStep(Span<float> parameter, ReadOnlySpan<float> gradient, Span<float> m, Span<float> v, float learningRate, int step)
    {
        float biasCorrection1 = 1f - MathF.Pow(Beta1, step);
        float biasCorrection2Sqrt = MathF.Sqrt(1f - MathF.Pow(Beta2, step));
        float stepSize = learningRate / biasCorrection1;
        for (int i = 0; i < parameter.Length; i++)
        {
            float g = gradient[i];
            m[i] = Beta1 * m[i] + (1f - Beta1) * g;
            v[i] = Beta2 * v[i] + (1f - Beta2) * g * g;
            parameter[i] = parameter[i] - stepSize * m[i] / (MathF.Sqrt(v[i]) / biasCorrection2Sqrt + AdamEpsilon);
        }
    }

    /// <summary>SGD with momentum as torch.optim.SGD computes it (dampening 0): b ← μb + g (b ← g at the first step), θ ← θ − lr·b.</summary>
    internal static void SgdStep(Span<float> parameter, ReadOnlySpan<float> gradient, Span<float> velocity, float learningRate, float momentum, bool firstStep)
    {
        for (int i = 0; i < parameter.Length; i++)
        {
            float g = gradient[i];
            if (momentum != 0f)
            {
                float buffer = firstStep ? g : momentum * velocity[i] + g;
                velocity[i] = buffer;
                g = buffer;
            }

            parameter[i] -= learningRate * g;
        }
    }
}
