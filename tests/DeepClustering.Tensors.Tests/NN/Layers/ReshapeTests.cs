using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN.Layers;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Tensors.Tests.TestSupport;

namespace DeepClustering.Tensors.Tests.NN.Layers;

public sealed class ReshapeTests : IDisposable
{
    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 2 });

    public void Dispose() => _backend.Dispose();

    [Fact]
    public void Flatten_gradient_matches_finite_differences_and_keeps_the_input_shape()
    {
        var x = TestData.Uniform(_backend, new RandomGenerator(1), -1, 1, 2, 3, 2, 4);
        var layer = new Flatten(_backend);

        Assert.Equal([2, 24], layer.Forward(x).Shape.ToArray());
        GradientChecker.Check(layer, x, GradientTolerance.Layers).AssertWithin(GradientTolerance.Layers);
        Assert.Equal([2, 3, 2, 4], layer.Backward(layer.Forward(x))!.Shape.ToArray());
    }

    [Fact]
    public void Reshape_gradient_matches_finite_differences_and_keeps_the_input_shape()
    {
        var x = TestData.Uniform(_backend, new RandomGenerator(2), -1, 1, 3, 12);
        var layer = new Reshape(_backend, 2, 3, 2);

        var y = layer.Forward(x);
        Assert.Equal([3, 2, 3, 2], y.Shape.ToArray());
        Assert.Equal(x.ToArray(), y.ToArray());
        GradientChecker.Check(layer, x, GradientTolerance.Layers).AssertWithin(GradientTolerance.Layers);
        Assert.Equal([3, 12], layer.Backward(layer.Forward(x))!.Shape.ToArray());
    }
}
