using System.Globalization;
using System.Text.Json.Nodes;
using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN.Losses;
using DeepClustering.Tensors.Optimizers;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Tensors.Tests.Parity;

namespace DeepClustering.Tests.Parity;

/// <summary>
/// One full Adam training step of each autoencoder (MSE reconstruction loss, batch of 8, lr 1e-3) against
/// PyTorch: the loss before and after the step, and for every parameter its gradient and its value after the
/// step, through summaries (sum, sum of |x|, sum of squares, max |x|, a signed checksum) and 256 sampled
/// elements. The reference (Golden/autoencoders.json) is written by
/// tests/DeepClustering.Tensors.Tests/Parity/make_torch_reference.py, which also documents the initial weights
/// (a closed-form generator scaled by PyTorch's default bound 1/√fan_in) and the tolerance.
/// </summary>
public sealed class AutoencoderParityTests
{
    private static readonly Lazy<JsonNode> s_golden = new(() => JsonNode.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Parity", "Golden", "autoencoders.json")))!);

    [Fact]
    public void Dense_autoencoder_Adam_step_matches_torch() =>
        CheckAdamStep("dense", backend => DenseAutoencoder.CreateDec(backend, 784, new RandomGenerator(1)));

    [Fact]
    public void Convolutional_autoencoder_Adam_step_matches_torch() =>
        CheckAdamStep("conv", backend => ConvolutionalAutoencoder.Create(backend, 1, 10, new RandomGenerator(1)));

    private static void CheckAdamStep(string key, Func<IComputeBackend, Autoencoder> create)
    {
        var golden = s_golden.Value[key]!;
        uint checksumSeed = s_golden.Value["checksum_seed"]!.GetValue<uint>();
        var references = golden["parameters"]!.AsArray().Select(p => p!).ToArray();
        var optimizer = golden["optimizer"]!;
        float learningRate = (float)optimizer["lr"]!.GetValue<double>();
        float epsilon = (float)optimizer["eps"]!.GetValue<double>();

        using var backend = new CpuBackend(new CpuBackendOptions { Threads = 2 });
        var model = create(backend);
        var parameters = model.NamedParameters().ToList();
        Assert.Equal(references.Select(p => p["name"]!.GetValue<string>()), parameters.Select(p => p.Name));

        // The initial weights: the generator's values, checked against the sums PyTorch saw.
        var initial = new Dictionary<string, float[]>();
        foreach (var (reference, (name, parameter)) in references.Zip(parameters))
        {
            var generated = new GeneratedTensor(reference["seed"]!.GetValue<uint>(), (float)reference["scale"]!.GetValue<double>(), 0f,
                reference["shape"]!.AsArray().Select(d => d!.GetValue<int>()).ToArray(), []);
            Assert.Equal(generated.Shape, parameter.Value.Shape.ToArray());
            var values = generated.Values();
            double sum = values.Sum(v => (double)v);
            // Exact float32 values summed in double: only the summation order differs from numpy's.
            Assert.True(Math.Abs(sum - reference["initial_sum"]!.GetValue<double>()) <= 1e-9 * values.Length * generated.Scale,
                $"{name}: the initial values do not match the generator PyTorch used");
            initial[name] = values;
        }

        model.SetParameterValues(initial);
        var x = GeneratedTensor.Parse(golden["input"]!).ToTensor(backend);
        var loss = new MeanSquaredErrorLoss(backend);
        var adam = new Adam(model.Parameters(), new AdamOptions
        {
            LearningRate = learningRate,
            Beta1 = (float)optimizer["beta1"]!.GetValue<double>(),
            Beta2 = (float)optimizer["beta2"]!.GetValue<double>(),
            Epsilon = epsilon,
            WeightDecay = (float)optimizer["weight_decay"]!.GetValue<double>(),
        });

        var problems = new List<string>();
        adam.ZeroGradient();
        double lossBefore = loss.Forward(model.Forward(x), x);
        model.Backward(loss.Backward());
        AddIfAny(problems, ParityAssert.ScalarMismatch($"{key} loss before the step", lossBefore, golden["loss_before"]!.GetValue<double>()));
        foreach (var (reference, (name, parameter)) in references.Zip(parameters))
        {
            var signs = Signs(checksumSeed, parameter.Value.Length);
            CompareSummary($"{key} {name} gradient", parameter.Gradient.AsSpan(), reference["gradient"]!, signs, null, problems);
        }

        adam.Step();
        double lossAfter = loss.Forward(model.Forward(x), x);
        AddIfAny(problems, ParityAssert.ScalarMismatch($"{key} loss after the step", lossAfter, golden["loss_after"]!.GetValue<double>()));
        foreach (var (reference, (name, parameter)) in references.Zip(parameters))
        {
            var signs = Signs(checksumSeed, parameter.Value.Length);
            var gradient = reference["gradient"]!;
            var gradientSamples = gradient["values"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
            double gradientFloor = ParityAssert.FloorFraction * gradient["max_abs"]!.GetValue<double>();

            // A first Adam step moves θ by lr·g/(|g| + ε), whose derivative in g is lr·ε/(|g| + ε)²: where |g| is
            // comparable to ε, gradient differences far inside the gradient's own tolerance are amplified into θ
            // (PyTorch's own float32 step shows it). So each sampled element may also differ by the gradient's
            // tolerance carried through the step; see make_torch_reference.py.
            double PropagatedTolerance(int sample)
            {
                double g = gradientSamples[sample];
                double tg = ParityAssert.Tolerance(g, gradientFloor);
                double slack = Math.Max(Math.Abs(g) - tg, 0) + epsilon;
                return learningRate * (double)epsilon * tg / (slack * slack);
            }

            CompareSummary($"{key} {name} after the step", parameter.Value.AsSpan(), reference["after_step"]!, signs, PropagatedTolerance, problems);
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// Compares a tensor with PyTorch's summary of it. Each summary is held to the sum of the element bounds
    /// 1e-4·max(|b|, s) over the tensor (s = 1e-2·max|b|): sum, signed checksum and sum |x| within
    /// 1e-4·(Σ|b| + n·s); sum of squares within 2e-4·(Σb² + 2s·Σ|b| + n·s²); max |x| within 1e-4·(max|b| + s).
    /// The sampled elements get the element bound, plus <paramref name="extraTolerance"/> when given.
    /// </summary>
    private static void CompareSummary(string what, ReadOnlySpan<float> actual, JsonNode reference, float[] signs,
        Func<int, double>? extraTolerance, List<string> problems)
    {
        double maxAbs = reference["max_abs"]!.GetValue<double>();
        double sumAbs = reference["sum_abs"]!.GetValue<double>();
        double sumSquares = reference["sum_squares"]!.GetValue<double>();
        double s = ParityAssert.FloorFraction * maxAbs;
        int n = actual.Length;

        double sum = 0, absolute = 0, squares = 0, max = 0, signed = 0;
        for (int i = 0; i < n; i++)
        {
            double v = actual[i];
            sum += v;
            absolute += Math.Abs(v);
            squares += v * v;
            max = Math.Max(max, Math.Abs(v));
            signed += signs[i] * v;
        }

        double linear = ParityAssert.Relative * (sumAbs + n * s);
        Check("sum", sum, reference["sum"]!.GetValue<double>(), linear);
        Check("signed checksum", signed, reference["signed_checksum"]!.GetValue<double>(), linear);
        Check("sum of |x|", absolute, sumAbs, linear);
        Check("sum of squares", squares, sumSquares, 2 * ParityAssert.Relative * (sumSquares + 2 * s * sumAbs + n * s * s));
        Check("max |x|", max, maxAbs, ParityAssert.Relative * (maxAbs + s));

        var indices = reference["indices"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
        var values = reference["values"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        Assert.True(indices.Length >= Math.Min(n, 256), $"{what}: too few samples in the golden file");
        int failed = 0;
        for (int k = 0; k < indices.Length; k++)
        {
            double a = actual[indices[k]];
            double tolerance = ParityAssert.Tolerance(values[k], s) + (extraTolerance?.Invoke(k) ?? 0);
            if (!(Math.Abs(a - values[k]) <= tolerance) && failed++ < 5)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{what}[{indices[k]}]: {a:R} vs torch {values[k]:R} (error {Math.Abs(a - values[k]):G3}, tolerance {tolerance:G3})"));
            }
        }

        if (failed > 0)
        {
            problems.Add($"{what}: {failed} of {indices.Length} sampled elements outside the tolerance");
        }

        void Check(string summary, double value, double expected, double bound)
        {
            if (!(Math.Abs(value - expected) <= bound))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{what} {summary}: {value:R} vs torch {expected:R} (error {Math.Abs(value - expected):G3}, bound {bound:G3})"));
            }
        }
    }

    /// <summary>The ±1 weights of the signed checksum: +1 where the generator's value for the seed is ≥ 0.</summary>
    private static float[] Signs(uint seed, int count)
    {
        var signs = DeterministicValues.Uniform(seed, count);
        for (int i = 0; i < count; i++)
        {
            signs[i] = signs[i] >= 0f ? 1f : -1f;
        }

        return signs;
    }

    private static void AddIfAny(List<string> problems, string? problem)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }
}
