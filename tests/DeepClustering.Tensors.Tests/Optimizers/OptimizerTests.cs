using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.Optimizers;

namespace DeepClustering.Tensors.Tests.Optimizers;

/// <summary>
/// Two steps on θ₀ = [1, −2, 0.5] with the gradients g₁ = [0.5, −1, 2] and g₂ = [−0.25, 0.5, 1] and a
/// learning rate of 0.1, against values worked out by hand from torch.optim's update rules (dampening 0). The
/// engine computes in float32, so the values agree to about 1e-7; 1e-6 is allowed.
/// </summary>
public sealed class OptimizerTests : IDisposable
{
    private const double Tolerance = 1e-6;
    private static readonly float[] Start = [1f, -2f, 0.5f];
    private static readonly float[] FirstGradient = [0.5f, -1f, 2f];
    private static readonly float[] SecondGradient = [-0.25f, 0.5f, 1f];

    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 2 });

    public void Dispose() => _backend.Dispose();

    [Fact]
    public void Sgd_without_momentum_steps_against_the_gradient()
    {
        // θ₁ = θ₀ − 0.1·g₁ = [0.95, −1.9, 0.3]; θ₂ = θ₁ − 0.1·g₂ = [0.975, −1.95, 0.2].
        CheckTwoSteps(p => new Sgd(p, new SgdOptions { LearningRate = 0.1f }),
            [0.95, -1.9, 0.3], [0.975, -1.95, 0.2]);
    }

    [Fact]
    public void Sgd_momentum_starts_the_velocity_at_the_first_gradient()
    {
        // b₁ = g₁, θ₁ = θ₀ − 0.1·b₁ = [0.95, −1.9, 0.3];
        // b₂ = 0.9·b₁ + g₂ = [0.2, −0.4, 2.8], θ₂ = θ₁ − 0.1·b₂ = [0.93, −1.86, 0.02].
        CheckTwoSteps(p => new Sgd(p, new SgdOptions { LearningRate = 0.1f, Momentum = 0.9f }),
            [0.95, -1.9, 0.3], [0.93, -1.86, 0.02]);
    }

    [Fact]
    public void Sgd_nesterov_looks_ahead_along_the_velocity()
    {
        // b₁ = g₁, d₁ = g₁ + 0.9·b₁ = 1.9·g₁, θ₁ = θ₀ − 0.1·d₁ = [0.905, −1.81, 0.12];
        // b₂ = 0.9·b₁ + g₂ = [0.2, −0.4, 2.8], d₂ = g₂ + 0.9·b₂ = [−0.07, 0.14, 3.52],
        // θ₂ = θ₁ − 0.1·d₂ = [0.912, −1.824, −0.232].
        CheckTwoSteps(p => new Sgd(p, new SgdOptions { LearningRate = 0.1f, Momentum = 0.9f, Nesterov = true }),
            [0.905, -1.81, 0.12], [0.912, -1.824, -0.232]);
    }

    [Fact]
    public void Sgd_weight_decay_adds_the_l2_gradient()
    {
        // g₁ + 0.1·θ₀ = [0.6, −1.2, 2.05], θ₁ = [0.94, −1.88, 0.295];
        // g₂ + 0.1·θ₁ = [−0.156, 0.312, 1.0295], θ₂ = [0.9556, −1.9112, 0.19205].
        CheckTwoSteps(p => new Sgd(p, new SgdOptions { LearningRate = 0.1f, WeightDecay = 0.1f }),
            [0.94, -1.88, 0.295], [0.9556, -1.9112, 0.19205]);
    }

    [Fact]
    public void Sgd_with_momentum_nesterov_and_weight_decay_together()
    {
        // d₁ = g₁ + 0.1·θ₀ = [0.6, −1.2, 2.05], b₁ = d₁, θ₁ = θ₀ − 0.1·1.9·d₁ = [0.886, −1.772, 0.1105];
        // d₂ = g₂ + 0.1·θ₁ = [−0.1614, 0.3228, 1.01105], b₂ = 0.9·b₁ + d₂ = [0.3786, −0.7572, 2.85605],
        // θ₂ = θ₁ − 0.1·(d₂ + 0.9·b₂) = [0.868066, −1.736132, −0.2476495].
        CheckTwoSteps(p => new Sgd(p, new SgdOptions { LearningRate = 0.1f, Momentum = 0.9f, Nesterov = true, WeightDecay = 0.1f }),
            [0.886, -1.772, 0.1105], [0.868066, -1.736132, -0.2476495]);
    }

    [Fact]
    public void Adam_with_bias_correction()
    {
        // Step 1: m = 0.1·g₁, v = 0.001·g₁²; bias correction gives m̂ = g₁, √v̂ = |g₁|, so every element moves
        // by lr = 0.1 against the sign of its gradient: θ₁ = [0.9, −1.9, 0.4].
        // Step 2: m = 0.09·g₁ + 0.1·g₂ = [0.02, −0.04, 0.28], v = 0.000999·g₁² + 0.001·g₂² =
        // [3.1225e-4, 1.249e-3, 4.996e-3]; 1 − β₁² = 0.19, 1 − β₂² = 0.001999;
        // θ₂ = θ₁ − (0.1/0.19)·m / (√v/√0.001999 + 1e-8) = [0.8733663, −1.8733663, 0.30678204].
        CheckTwoSteps(p => new Adam(p, new AdamOptions { LearningRate = 0.1f }),
            [0.9, -1.9, 0.4], [0.8733663, -1.8733663, 0.30678204]);
    }

    [Fact]
    public void Adam_weight_decay_is_added_to_the_gradient()
    {
        // g ← g + 0.1·θ before the moments; step 1 still moves each element by 0.1 (the signs do not change).
        CheckTwoSteps(p => new Adam(p, new AdamOptions { LearningRate = 0.1f, WeightDecay = 0.1f }),
            [0.9, -1.9, 0.4], [0.85444137, -1.8537473, 0.30657011]);
    }

    [Fact]
    public void AdamW_decays_the_weights_outside_the_moments()
    {
        // θ ← θ·(1 − 0.1·0.1) before the Adam update on the raw gradient: θ₁ = 0.99·θ₀ − 0.1·sign(g₁) =
        // [0.89, −1.88, 0.395]; step 2 is the Adam step above applied to 0.99·θ₁.
        CheckTwoSteps(p => new Adam(p, new AdamOptions { LearningRate = 0.1f, WeightDecay = 0.1f, DecoupledWeightDecay = true }),
            [0.89, -1.88, 0.395], [0.8544663, -1.8345663, 0.29783204]);
    }

    [Fact]
    public void Adam_agrees_on_the_vector_path_and_on_the_parallel_path()
    {
        var single = ThreeStepsOnOneAndTwoThreads(p => new Adam([p], new AdamOptions { LearningRate = 0.01f, WeightDecay = 0.01f }));
        var theta = Values(Count, 1).Select(v => (double)v).ToArray();
        var m = new double[Count];
        var v = new double[Count];
        for (int step = 1; step <= 3; step++)
        {
            var g = Values(Count, step + 1);
            for (int i = 0; i < Count; i++)
            {
                double gi = g[i] + 0.01 * theta[i];
                m[i] = 0.9 * m[i] + 0.1 * gi;
                v[i] = 0.999 * v[i] + 0.001 * gi * gi;
                theta[i] -= 0.01 / (1 - Math.Pow(0.9, step)) * m[i] / (Math.Sqrt(v[i] / (1 - Math.Pow(0.999, step))) + 1e-8);
            }
        }

        for (int i = 0; i < Count; i++)
        {
            Assert.True(Math.Abs(theta[i] - single[i]) <= 1e-5, $"Element {i}: {single[i]} against {theta[i]}.");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sgd_agrees_on_the_vector_path_and_on_the_parallel_path(bool nesterov)
    {
        var single = ThreeStepsOnOneAndTwoThreads(
            p => new Sgd([p], new SgdOptions { LearningRate = 0.5f, Momentum = 0.9f, WeightDecay = 0.01f, Nesterov = nesterov }));
        var theta = Values(Count, 1).Select(v => (double)v).ToArray();
        var velocity = new double[Count];
        for (int step = 1; step <= 3; step++)
        {
            var g = Values(Count, step + 1);
            for (int i = 0; i < Count; i++)
            {
                double gi = g[i] + 0.01 * theta[i];
                velocity[i] = step == 1 ? gi : 0.9 * velocity[i] + gi;
                theta[i] -= 0.5 * (nesterov ? gi + 0.9 * velocity[i] : velocity[i]);
            }
        }

        for (int i = 0; i < Count; i++)
        {
            Assert.True(Math.Abs(theta[i] - single[i]) <= 1e-5 * Math.Max(1, Math.Abs(theta[i])), $"Element {i}: {single[i]} against {theta[i]}.");
        }
    }

    [Fact]
    public void A_frozen_parameter_is_not_updated()
    {
        var frozen = new Parameter(new Tensor(_backend, Start, 3)) { RequiresGradient = false };
        var trained = new Parameter(new Tensor(_backend, Start, 3));
        var sgd = new Sgd([frozen, trained], new SgdOptions { LearningRate = 0.1f });
        FirstGradient.CopyTo(frozen.Gradient.AsSpan());
        FirstGradient.CopyTo(trained.Gradient.AsSpan());

        sgd.Step();

        Assert.Equal(Start, frozen.Value.ToArray());
        Assert.NotEqual(Start, trained.Value.ToArray());
    }

    [Fact]
    public void Adam_counts_the_bias_correction_steps_of_each_parameter_separately()
    {
        // PyTorch keeps Adam's step count per parameter and skips parameters without a gradient. A parameter
        // frozen for two steps must take, once unfrozen, the first-step update θ₀ − lr·sign(g₁) = [0.9, −1.9, 0.4];
        // with the optimizer's global count (3) the bias correction would shrink it to 0.64·lr.
        var early = new Parameter(new Tensor(_backend, Start, 3));
        var late = new Parameter(new Tensor(_backend, Start, 3)) { RequiresGradient = false };
        var adam = new Adam([early, late], new AdamOptions { LearningRate = 0.1f });
        for (int step = 0; step < 2; step++)
        {
            FirstGradient.CopyTo(early.Gradient.AsSpan());
            adam.Step();
        }

        late.RequiresGradient = true;
        FirstGradient.CopyTo(late.Gradient.AsSpan());
        adam.Step();

        AssertClose([0.9, -1.9, 0.4], late.Value.ToArray());
        Assert.Equal(3, adam.StepCount);
    }

    public static TheoryData<string, Func<Parameter[], Optimizer>> InvalidOptions => new()
    {
        { "LearningRate", p => new Sgd(p, new SgdOptions { LearningRate = 0f }) },
        { "LearningRate", p => new Sgd(p, new SgdOptions { LearningRate = -0.1f }) },
        { "LearningRate", p => new Sgd(p, new SgdOptions { LearningRate = float.NaN }) },
        { "LearningRate", p => new Sgd(p, new SgdOptions { LearningRate = float.PositiveInfinity }) },
        { "Momentum", p => new Sgd(p, new SgdOptions { Momentum = 1f }) },
        { "Momentum", p => new Sgd(p, new SgdOptions { Momentum = -0.5f }) },
        { "Momentum", p => new Sgd(p, new SgdOptions { Momentum = float.NaN }) },
        { "WeightDecay", p => new Sgd(p, new SgdOptions { WeightDecay = -1e-4f }) },
        { "WeightDecay", p => new Sgd(p, new SgdOptions { WeightDecay = float.NaN }) },
        { "Nesterov", p => new Sgd(p, new SgdOptions { Nesterov = true }) },
        { "LearningRate", p => new Adam(p, new AdamOptions { LearningRate = 0f }) },
        { "LearningRate", p => new Adam(p, new AdamOptions { LearningRate = float.NaN }) },
        { "Beta1", p => new Adam(p, new AdamOptions { Beta1 = 1f }) },
        { "Beta1", p => new Adam(p, new AdamOptions { Beta1 = -0.1f }) },
        { "Beta2", p => new Adam(p, new AdamOptions { Beta2 = 1f }) },
        { "Beta2", p => new Adam(p, new AdamOptions { Beta2 = float.NaN }) },
        { "Epsilon", p => new Adam(p, new AdamOptions { Epsilon = 0f }) },
        { "Epsilon", p => new Adam(p, new AdamOptions { Epsilon = float.NaN }) },
        { "WeightDecay", p => new Adam(p, new AdamOptions { WeightDecay = -1f }) },
        { "WeightDecay", p => new Adam(p, new AdamOptions { WeightDecay = float.PositiveInfinity }) },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_throw_naming_the_option(string option, Func<Parameter[], Optimizer> create)
    {
        var parameter = new Parameter(new Tensor(_backend, Start, 3));

        var error = Assert.ThrowsAny<ArgumentException>(() => create([parameter]));

        Assert.Equal(option, error.ParamName);
        if (option != "Nesterov")
        {
            Assert.IsType<ArgumentOutOfRangeException>(error);
        }
    }

    [Fact]
    public void An_invalid_learning_rate_cannot_be_set_later()
    {
        var adam = new Adam([new Parameter(new Tensor(_backend, Start, 3))]);

        Assert.Throws<ArgumentOutOfRangeException>(() => adam.LearningRate = -1f);
        Assert.Throws<ArgumentOutOfRangeException>(() => adam.LearningRate = float.NaN);
        Assert.Equal(AdamOptions.Defaults.LearningRate, adam.LearningRate);
    }

    [Fact]
    public void Optimizers_refuse_empty_or_repeated_parameter_lists()
    {
        var parameter = new Parameter(new Tensor(_backend, Start, 3));

        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => new Adam([])).ParamName);
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => new Adam([parameter, parameter])).ParamName);
    }

    private void CheckTwoSteps(Func<Parameter[], Optimizer> create, double[] afterFirst, double[] afterSecond)
    {
        var parameter = new Parameter(new Tensor(_backend, Start, 3));
        var optimizer = create([parameter]);

        FirstGradient.CopyTo(parameter.Gradient.AsSpan());
        optimizer.Step();
        AssertClose(afterFirst, parameter.Value.ToArray());
        optimizer.ZeroGradient();
        SecondGradient.CopyTo(parameter.Gradient.AsSpan());
        optimizer.Step();
        AssertClose(afterSecond, parameter.Value.ToArray());
        Assert.Equal(2, optimizer.StepCount);
    }

    private static void AssertClose(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance, $"Element {i}: expected {expected[i]}, got {actual[i]}.");
        }
    }

    /// <summary>Elements of the parameter in the vector-path tests (see <see cref="ThreeStepsOnOneAndTwoThreads"/>).</summary>
    private const int Count = 70_003;

    /// <summary>
    /// Three steps of the optimizer made by <paramref name="create"/> on a parameter of <see cref="Count"/> elements, on one
    /// thread and on two. 70 003 elements cover the vectorised kernel, its scalar tail, and (from 65 536 elements on) the
    /// slices split between threads; the two runs must agree bit for bit. Returns the one-thread parameter, for the
    /// caller to check against a double reference.
    /// </summary>
    private float[] ThreeStepsOnOneAndTwoThreads(Func<Parameter, Optimizer> create)
    {
        using var oneThread = new CpuBackend(new CpuBackendOptions { Threads = 1 });
        float[] Run(CpuBackend backend)
        {
            var parameter = new Parameter(new Tensor(backend, Values(Count, 1), Count));
            var optimizer = create(parameter);
            for (int step = 1; step <= 3; step++)
            {
                Values(Count, step + 1).CopyTo(parameter.Gradient.AsSpan());
                optimizer.Step();
            }

            return parameter.Value.ToArray();
        }

        var single = Run(oneThread);
        var dual = Run(_backend);
        Assert.Equal(single.Select(BitConverter.SingleToInt32Bits), dual.Select(BitConverter.SingleToInt32Bits));
        return single;
    }

    private static float[] Values(int count, long seed)
    {
        var random = new DeepClustering.Numerics.Randomness.RandomGenerator(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)random.NextUniform(-1, 1);
        }

        return values;
    }
}
