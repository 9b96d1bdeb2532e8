using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Activations;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Tensors.Tests.TestSupport;

namespace DeepClustering.Tensors.Tests.NN.Activations;

public sealed class ActivationTests : IDisposable
{
    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 2 });

    public void Dispose() => _backend.Dispose();

    // 3 × 13 = 39 elements: more than one vector of 8 or 16 floats plus a scalar tail, so both paths of the
    // vectorised backward kernels are checked.

    [Fact]
    public void ReLU_gradient_matches_finite_differences_away_from_the_kink()
    {
        // |x| ≥ 0.1 > h = 0.01: no central difference straddles 0.
        var x = TestData.AwayFromZero(_backend, new RandomGenerator(1), 0.1, 2, 3, 13);
        CheckWithReference(new ReLU(_backend), x, v => Math.Max(v, 0));
    }

    [Theory]
    [InlineData(LeakyReLU.DefaultSlope)]
    [InlineData(0.2f)]
    public void LeakyReLU_gradient_matches_finite_differences_away_from_the_kink(float slope)
    {
        var x = TestData.AwayFromZero(_backend, new RandomGenerator(2), 0.1, 2, 3, 13);
        CheckWithReference(new LeakyReLU(_backend, slope), x, v => v > 0 ? v : slope * v);
    }

    [Fact]
    public void Sigmoid_gradient_matches_finite_differences()
    {
        var x = TestData.Uniform(_backend, new RandomGenerator(3), -4, 4, 3, 13);
        CheckWithReference(new Sigmoid(_backend), x, v => 1 / (1 + Math.Exp(-v)));
    }

    [Fact]
    public void Tanh_gradient_matches_finite_differences()
    {
        var x = TestData.Uniform(_backend, new RandomGenerator(4), -3, 3, 3, 13);
        CheckWithReference(new Tanh(_backend), x, Math.Tanh);
    }

    private static void CheckWithReference(Module activation, Tensor x, Func<double, double> reference)
    {
        var input = x.ToArray();
        var output = activation.Forward(x).ToArray();
        for (int i = 0; i < input.Length; i++)
        {
            Assert.Equal(reference(input[i]), output[i], 1e-6);
        }

        GradientChecker.Check(activation, x, GradientTolerance.Layers).AssertWithin(GradientTolerance.Layers);
    }
}
