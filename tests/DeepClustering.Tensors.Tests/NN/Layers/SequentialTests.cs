using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN.Activations;
using DeepClustering.Tensors.NN.Convolution;
using DeepClustering.Tensors.NN.Layers;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Tensors.Tests.TestSupport;

namespace DeepClustering.Tensors.Tests.NN.Layers;

public sealed class SequentialTests : IDisposable
{
    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 2 });

    public void Dispose() => _backend.Dispose();

    [Fact]
    public void Gradients_of_a_convolutional_network_match_finite_differences()
    {
        var random = new RandomGenerator(1);
        var model = new Sequential(_backend,
            new Conv2d(_backend, 2, 3, 3, random, stride: 1, padding: 1),
            new Tanh(_backend),
            new Flatten(_backend),
            new Linear(_backend, 3 * 4 * 5, 4, random),
            new Sigmoid(_backend));
        var x = TestData.Uniform(_backend, random, -1, 1, 2, 2, 4, 5);

        var result = GradientChecker.Check(model, x, GradientTolerance.Layers);

        result.AssertWithin(GradientTolerance.Layers);
        Assert.Equal(["input", "0.weight", "0.bias", "3.weight", "3.bias"], result.TensorNames.ToArray());
    }

    [Fact]
    public void Gradients_stay_right_when_the_batch_size_changes_between_calls()
    {
        // The layers reuse their buffers: a larger batch grows them, a smaller one uses a prefix.
        var random = new RandomGenerator(2);
        var model = new Sequential(_backend,
            new Conv2d(_backend, 1, 2, 3, random, stride: 2, padding: 1),
            new Tanh(_backend),
            new Flatten(_backend),
            new Linear(_backend, 2 * 3 * 3, 3, random));
        foreach (int batch in new[] { 4, 1, 3 })
        {
            if (batch == 1)
            {
                model.Forward(TestData.Uniform(_backend, random, -1, 1, 7, 1, 5, 5));
            }

            var x = TestData.Uniform(_backend, random, -1, 1, batch, 1, 5, 5);
            GradientChecker.Check(model, x, GradientTolerance.Layers).AssertWithin(GradientTolerance.Layers);
        }
    }

    [Fact]
    public void Gradients_of_a_relu_network_match_finite_differences_away_from_the_kinks()
    {
        // A central difference is exact only if no ReLU input crosses 0 between x − h and x + h. A step of
        // h = 0.01 on an input (|∂z/∂x| = |w| ≤ 1/√5) or on a first-layer weight or bias (|∂z/∂θ| ≤ max|x| = 1)
        // moves a pre-activation z by at most 0.01, so the data are drawn until every |z| ≥ 0.03.
        for (long seed = 1; seed <= 200; seed++)
        {
            var random = new RandomGenerator(seed);
            var first = new Linear(_backend, 5, 4, random);
            var model = new Sequential(_backend, first, new ReLU(_backend), new Linear(_backend, 4, 3, random), new Tanh(_backend));
            var x = TestData.Uniform(_backend, random, -1, 1, 3, 5);
            var preActivations = first.Forward(x).ToArray();
            if (preActivations.Any(z => Math.Abs(z) < 0.03f))
            {
                continue;
            }

            // Both signs occur, so the check covers the gradient through active and through dead units.
            Assert.Contains(preActivations, z => z > 0);
            Assert.Contains(preActivations, z => z < 0);
            GradientChecker.Check(model, x, GradientTolerance.Layers).AssertWithin(GradientTolerance.Layers);
            return;
        }

        Assert.Fail("No seed gave pre-activations away from the kink.");
    }

    [Fact]
    public void Without_an_input_gradient_the_parameter_gradients_are_still_right()
    {
        var random = new RandomGenerator(3);
        var model = new Sequential(_backend, new Linear(_backend, 4, 3, random), new Tanh(_backend), new Linear(_backend, 3, 2, random));
        model.InputGradientRequired = false;
        var x = TestData.Uniform(_backend, random, -1, 1, 3, 4);

        var result = GradientChecker.Check(model, x, GradientTolerance.Layers);

        result.AssertWithin(GradientTolerance.Layers);
        Assert.DoesNotContain("input", result.TensorNames);
        Assert.Null(model.Backward(model.Forward(x)));
    }

    [Fact]
    public void ZeroGradient_clears_every_parameter_of_a_nested_tree()
    {
        // A Sequential inside a custom module (which walks its children the default way) inside a Sequential.
        var random = new RandomGenerator(4);
        var inner = new Sequential(_backend, new Conv2d(_backend, 1, 2, 3, random, padding: 1), new Flatten(_backend));
        var model = new Sequential(_backend,
            new Wrapper(inner),
            new Linear(_backend, 2 * 3 * 3, 3, random),
            new ConvTranspose2dAfterReshape(_backend, random));
        var x = TestData.Uniform(_backend, random, -1, 1, 2, 1, 3, 3);
        var y = model.Forward(x);
        model.ZeroGradient();
        model.Backward(TestData.Uniform(_backend, random, -1, 1, y.Shape.ToArray()));
        var parameters = model.NamedParameters().ToList();
        Assert.Equal(6, parameters.Count);
        Assert.All(parameters, p => Assert.Contains(p.Parameter.Gradient.ToArray(), v => v != 0f));

        model.ZeroGradient();

        Assert.All(parameters, p => Assert.All(p.Parameter.Gradient.ToArray(), v => Assert.Equal(0f, v)));
    }

    private sealed class Wrapper(DeepClustering.Tensors.NN.Module inner) : DeepClustering.Tensors.NN.Module(inner.Backend)
    {
        public override Tensor Forward(Tensor input) => inner.Forward(input);

        public override Tensor? Backward(Tensor outputGradient) => inner.Backward(outputGradient);

        public override IEnumerable<(string Name, DeepClustering.Tensors.NN.Module Module)> NamedChildren() => [("inner", inner)];
    }

    private sealed class ConvTranspose2dAfterReshape(DeepClustering.Tensors.Backends.IComputeBackend backend, RandomGenerator random)
        : DeepClustering.Tensors.NN.Module(backend)
    {
        private readonly Sequential _layers = new(backend, new Reshape(backend, 3, 1, 1), new ConvTranspose2d(backend, 3, 2, 2, random, stride: 2));

        public override Tensor Forward(Tensor input) => _layers.Forward(input);

        public override Tensor? Backward(Tensor outputGradient) => _layers.Backward(outputGradient);

        public override IEnumerable<(string Name, DeepClustering.Tensors.NN.Module Module)> NamedChildren() => [("layers", _layers)];
    }
}
