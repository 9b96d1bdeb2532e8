using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN.Initialization;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tensors.Tests.NN.Initialization;

public sealed class InitializerTests : IDisposable
{
    private const int FanIn = 300;
    private const int FanOut = 100;
    private const int Count = 60_000;

    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 1 });

    public void Dispose() => _backend.Dispose();

    public static TheoryData<string, double> UniformLimits() => new()
    {
        // Limits worked out by hand from each initializer's definition, for fan-in 300 and fan-out 100.
        { nameof(Initializers.PyTorchDefault), 1.0 / Math.Sqrt(FanIn) },
        { nameof(Initializers.GlorotUniform), Math.Sqrt(6.0 / (FanIn + FanOut)) },
        { nameof(Initializers.HeUniform), Math.Sqrt(6.0 / FanIn) },
        { nameof(Initializers.DecVarianceScaling), Math.Sqrt(3.0 * (1.0 / 3.0) / FanIn) },
    };

    [Theory]
    [MemberData(nameof(UniformLimits))]
    public void Uniform_initializers_fill_their_interval_with_the_variance_of_a_uniform_law(string name, double limit)
    {
        var initializer = (IInitializer)typeof(Initializers).GetProperty(name)!.GetValue(null)!;
        var values = Draw(initializer);

        Assert.All(values, v => Assert.InRange(v, -limit, limit));
        Assert.True(values.Max() > 0.99 * limit && values.Min() < -0.99 * limit, "the draws should reach both ends");
        double variance = values.Select(v => (double)v * v).Average();
        // U(−l, l) has variance l²/3; the standard error of the mean of 60,000 squares is below 0.4% of it.
        Assert.InRange(variance, 0.98 * limit * limit / 3, 1.02 * limit * limit / 3);
    }

    [Fact]
    public void He_normal_has_mean_zero_and_variance_two_over_fan_in()
    {
        var values = Draw(Initializers.HeNormal);
        double mean = values.Average(v => (double)v);
        double variance = values.Select(v => (double)v * v).Average() - mean * mean;

        Assert.InRange(mean, -0.002, 0.002);
        Assert.InRange(variance, 0.98 * 2.0 / FanIn, 1.02 * 2.0 / FanIn);
    }

    [Fact]
    public void The_same_seed_gives_the_same_values_and_constants_are_constant()
    {
        Assert.Equal(Draw(Initializers.GlorotUniform, seed: 5), Draw(Initializers.GlorotUniform, seed: 5));
        Assert.NotEqual(Draw(Initializers.GlorotUniform, seed: 5), Draw(Initializers.GlorotUniform, seed: 6));
        Assert.All(Draw(Initializers.Constant(0.25f)), v => Assert.Equal(0.25f, v));
        Assert.All(Draw(Initializers.Zeros), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Variance_scaling_refuses_a_scale_that_is_not_positive()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Initializers.VarianceScalingUniformFanIn(0));
        Assert.Equal("scale", error.ParamName);
    }

    private float[] Draw(IInitializer initializer, long seed = 1)
    {
        var tensor = new Tensor(_backend, Count);
        initializer.Initialize(tensor, FanIn, FanOut, new RandomGenerator(seed));
        return tensor.ToArray();
    }
}
