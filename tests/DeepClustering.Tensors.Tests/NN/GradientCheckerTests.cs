using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Layers;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Tensors.Tests.TestSupport;

namespace DeepClustering.Tensors.Tests.NN;

/// <summary>The gradient check itself must reject the bugs it is meant to catch.</summary>
public sealed class GradientCheckerTests : IDisposable
{
    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 2 });

    public void Dispose() => _backend.Dispose();

    [Theory]
    [InlineData(Corruption.None, true)]
    [InlineData(Corruption.NegateInputGradient, false)]
    [InlineData(Corruption.NegateBiasGradient, false)]
    [InlineData(Corruption.TransposeWeightGradient, false)]
    [InlineData(Corruption.ScaleWeightGradientByTwo, false)]
    public void Rejects_wrong_signs_and_transposed_gradients(Corruption corruption, bool expectedToPass)
    {
        // A square weight, so that a transposed gradient has the right shape and only its values are wrong.
        var random = new RandomGenerator(1);
        var layer = new CorruptedLinear(_backend, 4, random, corruption);
        var x = TestData.Uniform(_backend, random, -1, 1, 3, 4);

        var failure = GradientChecker.Check(layer, x, GradientTolerance.Layers).Failure(GradientTolerance.Layers);

        Assert.Equal(expectedToPass, failure is null);
    }

    public enum Corruption
    {
        None,
        NegateInputGradient,
        NegateBiasGradient,
        TransposeWeightGradient,
        ScaleWeightGradientByTwo,
    }

    /// <summary>A square linear layer whose backward pass can be broken on purpose.</summary>
    private sealed class CorruptedLinear(IComputeBackend backend, int features, RandomGenerator random, Corruption corruption) : Module(backend)
    {
        private readonly Linear _inner = new(backend, features, features, random);

        public override Tensor Forward(Tensor input) => _inner.Forward(input);

        public override Tensor? Backward(Tensor outputGradient)
        {
            var dx = _inner.Backward(outputGradient)!;
            var dw = _inner.Weight.Gradient.AsSpan();
            switch (corruption)
            {
                case Corruption.NegateInputGradient:
                    Negate(dx.AsSpan());
                    break;
                case Corruption.NegateBiasGradient:
                    Negate(_inner.Bias!.Gradient.AsSpan());
                    break;
                case Corruption.TransposeWeightGradient:
                    for (int i = 0; i < features; i++)
                    {
                        for (int j = i + 1; j < features; j++)
                        {
                            (dw[i * features + j], dw[j * features + i]) = (dw[j * features + i], dw[i * features + j]);
                        }
                    }

                    break;
                case Corruption.ScaleWeightGradientByTwo:
                    foreach (ref float v in dw)
                    {
                        v *= 2;
                    }

                    break;
            }

            return dx;
        }

        public override IEnumerable<(string Name, Module Module)> NamedChildren() => [("inner", _inner)];

        private static void Negate(Span<float> values)
        {
            foreach (ref float v in values)
            {
                v = -v;
            }
        }
    }
}
