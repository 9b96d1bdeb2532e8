using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tensors.NN.Initialization;

/// <summary>The built-in initializers.</summary>
public static class Initializers
{
    /// <summary>
    /// PyTorch's default for Linear and convolution weights: kaiming_uniform with a = √5, that is
    /// U(−1/√fanIn, 1/√fanIn).
    /// </summary>
    public static IInitializer PyTorchDefault { get; } = new UniformInitializer(static (fanIn, _) => 1.0 / Math.Sqrt(fanIn));

    /// <summary>Glorot (Xavier) uniform: U(−√(6/(fanIn+fanOut)), √(6/(fanIn+fanOut))), Keras' default.</summary>
    public static IInitializer GlorotUniform { get; } = new UniformInitializer(static (fanIn, fanOut) => Math.Sqrt(6.0 / (fanIn + fanOut)));

    /// <summary>He (Kaiming) uniform for ReLU networks: U(−√(6/fanIn), √(6/fanIn)).</summary>
    public static IInitializer HeUniform { get; } = new UniformInitializer(static (fanIn, _) => Math.Sqrt(6.0 / fanIn));

    /// <summary>He (Kaiming) normal for ReLU networks: N(0, 2/fanIn).</summary>
    public static IInitializer HeNormal { get; } = new NormalInitializer(static (fanIn, _) => Math.Sqrt(2.0 / fanIn));

    /// <summary>
    /// Keras' VarianceScaling(scale = 1/3, mode = "fan_in", distribution = "uniform"), the initializer of the DEC
    /// reference code (Xie et al. 2016; DEC-keras): U(−√(3·scale/fanIn), √(3·scale/fanIn)) = U(−1/√fanIn, 1/√fanIn).
    /// </summary>
    public static IInitializer DecVarianceScaling { get; } = VarianceScalingUniformFanIn(1.0 / 3.0);

    /// <summary>All zeros (the usual bias initializer in Keras).</summary>
    public static IInitializer Zeros { get; } = new ConstantInitializer(0f);

    /// <summary>Keras' VarianceScaling(scale, mode = "fan_in", distribution = "uniform").</summary>
    public static IInitializer VarianceScalingUniformFanIn(double scale)
    {
        if (!(scale > 0) || double.IsInfinity(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be positive and finite.");
        }

        return new UniformInitializer((fanIn, _) => Math.Sqrt(3.0 * scale / fanIn));
    }

    /// <summary>Every element set to <paramref name="value"/>.</summary>
    public static IInitializer Constant(float value) => new ConstantInitializer(value);

    private sealed class UniformInitializer(Func<int, int, double> limit) : IInitializer
    {
        public void Initialize(Tensor tensor, int fanIn, int fanOut, RandomGenerator random)
        {
            ArgumentNullException.ThrowIfNull(random);
            double bound = limit(Math.Max(1, fanIn), Math.Max(1, fanOut));
            var values = new float[tensor.Length];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = (float)random.NextUniform(-bound, bound);
            }

            tensor.CopyFrom(values);
        }
    }

    private sealed class NormalInitializer(Func<int, int, double> standardDeviation) : IInitializer
    {
        public void Initialize(Tensor tensor, int fanIn, int fanOut, RandomGenerator random)
        {
            ArgumentNullException.ThrowIfNull(random);
            double std = standardDeviation(Math.Max(1, fanIn), Math.Max(1, fanOut));
            var values = new float[tensor.Length];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = (float)(std * random.NextGaussian());
            }

            tensor.CopyFrom(values);
        }
    }

    private sealed class ConstantInitializer(float value) : IInitializer
    {
        public void Initialize(Tensor tensor, int fanIn, int fanOut, RandomGenerator random) => tensor.Backend.Fill(tensor, value);
    }
}
