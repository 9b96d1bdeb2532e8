using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN.Layers;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Tensors.Tests.TestSupport;

namespace DeepClustering.Tensors.Tests.NN.Layers;

public sealed class DropoutTests : IDisposable
{
    private const float Probability = 0.3f;
    private const long MaskSeed = 99;
    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 2 });

    public void Dispose() => _backend.Dispose();

    [Fact]
    public void Training_gradient_matches_finite_differences_with_the_mask_of_the_forward_pass()
    {
        var x = TestData.AwayFromZero(_backend, new RandomGenerator(1), 0.1, 1, 4, 10);
        var layer = new Dropout(_backend, Probability, new RandomGenerator(MaskSeed));

        // The finite differences must see the mask of the analytic pass: a fresh layer whose generator has
        // the same seed draws the same mask for the same number of elements.
        var result = GradientChecker.Check(layer, x, GradientTolerance.Layers,
            evaluate: input => new Dropout(_backend, Probability, new RandomGenerator(MaskSeed)).Forward(input));

        result.AssertWithin(GradientTolerance.Layers);
        var output = new Dropout(_backend, Probability, new RandomGenerator(MaskSeed)).Forward(x).ToArray();
        var input = x.ToArray();
        var inputEntries = result.Entries.Where(e => e.Tensor == "input").ToList();
        Assert.Contains(output, v => v == 0f);
        for (int i = 0; i < output.Length; i++)
        {
            // Dropped elements have zero gradient; kept ones are scaled by 1/(1 − p).
            double expectedScale = output[i] == 0f ? 0 : 1 / (1 - (double)Probability);
            Assert.Equal(expectedScale, output[i] / (double)input[i], 1e-6);
        }

        Assert.Contains(inputEntries, e => e.Analytic == 0 && e.Numeric == 0);
    }

    [Fact]
    public void Evaluation_mode_is_the_identity_in_both_directions()
    {
        var x = TestData.Uniform(_backend, new RandomGenerator(2), -1, 1, 3, 7);
        var layer = new Dropout(_backend, Probability, new RandomGenerator(MaskSeed));
        layer.Eval();

        Assert.Equal(x.ToArray(), layer.Forward(x).ToArray());
        GradientChecker.Check(layer, x, GradientTolerance.Layers).AssertWithin(GradientTolerance.Layers);
    }

    [Fact]
    public void Keeps_about_one_minus_p_of_the_elements_scaled_by_the_inverse()
    {
        var x = new Tensor(_backend, 100, 100);
        x.AsSpan().Fill(1f);
        var layer = new Dropout(_backend, Probability, new RandomGenerator(3));

        var y = layer.Forward(x).ToArray();

        int kept = y.Count(v => v != 0f);
        // Binomial(10000, 0.7): standard deviation ≈ 46; allow 5 of them.
        Assert.InRange(kept, 7000 - 230, 7000 + 230);
        Assert.All(y.Where(v => v != 0f), v => Assert.Equal(1 / (1 - Probability), v, 6));
    }
}
