using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN.Layers;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Tensors.Tests.TestSupport;

namespace DeepClustering.Tensors.Tests.NN.Layers;

public sealed class LinearTests : IDisposable
{
    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 2 });

    public void Dispose() => _backend.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Gradients_match_finite_differences(bool bias)
    {
        // 5 → 4 and a batch of 3: no dimension equals another, so a transposed gradient cannot line up.
        var random = new RandomGenerator(1);
        var layer = new Linear(_backend, 5, 4, random, bias);
        var x = TestData.Uniform(_backend, random, -1, 1, 3, 5);

        var result = GradientChecker.Check(layer, x, GradientTolerance.Layers);

        result.AssertWithin(GradientTolerance.Layers);
        Assert.Equal(bias ? ["input", "weight", "bias"] : ["input", "weight"], result.TensorNames.ToArray());
    }

    [Fact]
    public void Forward_matches_a_naive_product_with_the_pytorch_weight_layout()
    {
        var random = new RandomGenerator(2);
        var layer = new Linear(_backend, 3, 2, random);
        var w = layer.Weight.Value.ToArray();
        var b = layer.Bias!.Value.ToArray();
        var x = TestData.Uniform(_backend, random, -1, 1, 4, 3);
        var xs = x.ToArray();

        var y = layer.Forward(x).ToArray();

        for (int n = 0; n < 4; n++)
        {
            for (int o = 0; o < 2; o++)
            {
                double expected = b[o];
                for (int i = 0; i < 3; i++)
                {
                    expected += (double)xs[n * 3 + i] * w[o * 3 + i];
                }

                Assert.Equal(expected, y[n * 2 + o], 1e-6);
            }
        }
    }

    [Fact]
    public void Backward_overwrites_after_ZeroGradient_and_adds_otherwise()
    {
        var random = new RandomGenerator(3);
        var layer = new Linear(_backend, 3, 2, random);
        var x = TestData.Uniform(_backend, random, -1, 1, 4, 3);
        var dy = TestData.Uniform(_backend, random, -1, 1, 4, 2);
        layer.Forward(x);

        // Garbage in the buffer must not leak into the first gradient after ZeroGradient.
        layer.Weight.Gradient.AsSpan().Fill(100f);
        layer.Bias!.Gradient.AsSpan().Fill(100f);
        layer.ZeroGradient();
        layer.Backward(dy);
        var weightOnce = layer.Weight.Gradient.ToArray();
        var biasOnce = layer.Bias.Gradient.ToArray();
        layer.Backward(dy);
        var weightTwice = layer.Weight.Gradient.ToArray();
        var biasTwice = layer.Bias.Gradient.ToArray();
        layer.ZeroGradient();
        layer.Backward(dy);

        Assert.Equal(weightOnce.Select(v => 2 * v), weightTwice);
        Assert.Equal(biasOnce.Select(v => 2 * v), biasTwice);
        Assert.Equal(weightOnce, layer.Weight.Gradient.ToArray());
        Assert.Equal(biasOnce, layer.Bias.Gradient.ToArray());
    }

    [Fact]
    public void A_frozen_parameter_gets_no_gradient()
    {
        var random = new RandomGenerator(4);
        var layer = new Linear(_backend, 3, 2, random);
        layer.Weight.RequiresGradient = false;
        layer.ZeroGradient();
        layer.Forward(TestData.Uniform(_backend, random, -1, 1, 2, 3));
        layer.Backward(TestData.Uniform(_backend, random, -1, 1, 2, 2));

        Assert.All(layer.Weight.Gradient.ToArray(), v => Assert.Equal(0f, v));
        Assert.Contains(layer.Bias!.Gradient.ToArray(), v => v != 0f);
    }
}
