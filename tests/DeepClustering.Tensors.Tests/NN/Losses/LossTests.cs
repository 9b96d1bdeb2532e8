using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN.Losses;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Tensors.Tests.TestSupport;

namespace DeepClustering.Tensors.Tests.NN.Losses;

public sealed class LossTests : IDisposable
{
    // A loss is a mean over N elements, so its derivatives are O(1/N): 0.005…0.1 here (N = 39). Its value is
    // reduced in float32 (MSE sums its squares in float32 blocks), and perturbing one element changes the
    // rounding of that whole sum: ≈ √N·u·L ≈ 1e-6 for L = O(1), or ≈ 5e-5 on a derivative after dividing by
    // 2h = 0.02 (1.2e-5 is the largest error seen). MSE is quadratic in each element and BCE's third derivative
    // is at most 0.1/N, so the truncation error is 0 or below 1e-5 relative. Absolute = 1e-4 and
    // Relative = 1e-3 leave a margin; a wrong sign (error 2|n| ≥ 0.01) still fails.
    private static readonly GradientTolerance Tolerance = new(1e-2, 1e-4, 1e-3);

    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 2 });

    public void Dispose() => _backend.Dispose();

    [Fact]
    public void Mean_squared_error_gradient_matches_finite_differences_and_the_value_matches_the_definition()
    {
        var random = new RandomGenerator(1);
        var prediction = TestData.Uniform(_backend, random, -2, 2, 3, 13);
        var target = TestData.Uniform(_backend, random, -2, 2, 3, 13);
        var loss = new MeanSquaredErrorLoss(_backend);

        double expected = prediction.ToArray().Zip(target.ToArray(), (p, t) => ((double)p - t) * ((double)p - t)).Average();
        Assert.Equal(expected, loss.Forward(prediction, target), 1e-6);
        GradientChecker.CheckLoss(loss, prediction, target, Tolerance).AssertWithin(Tolerance);
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(15.0)]
    public void Binary_cross_entropy_with_logits_gradient_matches_finite_differences_and_the_value_matches_the_definition(double logitRange)
    {
        // Range 15: large logits, where a naive log(σ(x)) would lose everything and the stable form must hold.
        var random = new RandomGenerator(2);
        var logits = TestData.Uniform(_backend, random, -logitRange, logitRange, 3, 13);
        var target = TestData.Uniform(_backend, random, 0, 1, 3, 13);
        var loss = new BinaryCrossEntropyWithLogitsLoss(_backend);

        double expected = logits.ToArray().Zip(target.ToArray(), (x, t) =>
        {
            double p = 1 / (1 + Math.Exp(-(double)x));
            return -(t * Math.Log(p) + (1 - t) * Math.Log(1 - p));
        }).Average();
        Assert.Equal(expected, loss.Forward(logits, target), 1e-5);
        GradientChecker.CheckLoss(loss, logits, target, Tolerance).AssertWithin(Tolerance);
    }

    [Fact]
    public void Binary_cross_entropy_stays_finite_at_extreme_logits()
    {
        var logits = new Tensor(_backend, [-200f, -50f, 50f, 200f], 1, 4);
        var target = new Tensor(_backend, [0f, 1f, 0f, 1f], 1, 4);
        var loss = new BinaryCrossEntropyWithLogitsLoss(_backend);

        double value = loss.Forward(logits, target);

        // −log σ(−50)·… : the terms are 0, 50, 50, 0.
        Assert.Equal(25.0, value, 1e-4);
        Assert.Equal([0f, -0.25f, 0.25f, 0f], loss.Backward().ToArray());
    }

    [Fact]
    public void Losses_over_several_blocks_match_the_definition()
    {
        // 15 000 elements: MSE works in blocks of 4 096, so the value and gradient cross block boundaries.
        var random = new RandomGenerator(3);
        var prediction = TestData.Uniform(_backend, random, -2, 2, 3, 5000);
        var target = TestData.Uniform(_backend, random, 0, 1, 3, 5000);
        var p = prediction.ToArray();
        var t = target.ToArray();
        int count = p.Length;

        var mse = new MeanSquaredErrorLoss(_backend);
        double mseValue = mse.Forward(prediction, target);
        var mseGradient = mse.Backward().ToArray();
        var bce = new BinaryCrossEntropyWithLogitsLoss(_backend);
        double bceValue = bce.Forward(prediction, target);
        var bceGradient = bce.Backward().ToArray();

        double expectedMse = 0, expectedBce = 0;
        for (int i = 0; i < count; i++)
        {
            double d = (double)p[i] - t[i];
            expectedMse += d * d;
            double sigmoid = 1 / (1 + Math.Exp(-(double)p[i]));
            expectedBce -= t[i] * Math.Log(sigmoid) + (1 - t[i]) * Math.Log(1 - sigmoid);
            Assert.Equal(2 * d / count, mseGradient[i], 1e-9);
            Assert.Equal((sigmoid - t[i]) / count, bceGradient[i], 1e-9);
        }

        Assert.Equal(expectedMse / count, mseValue, 1e-5);
        Assert.Equal(expectedBce / count, bceValue, 1e-5);
    }
}
