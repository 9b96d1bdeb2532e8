using DeepClustering.Tensors.Backends;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tensors.Tests.TestSupport;

/// <summary>Random test tensors drawn from a seeded generator, so every test sees the same numbers on every run.</summary>
internal static class TestData
{
    /// <summary>Values uniform in [low, high).</summary>
    public static Tensor Uniform(IComputeBackend backend, RandomGenerator random, double low, double high, params int[] shape)
    {
        var tensor = new Tensor(backend, shape);
        var values = tensor.AsSpan();
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)random.NextUniform(low, high);
        }

        return tensor;
    }

    /// <summary>
    /// Values whose magnitude is uniform in [minMagnitude, maxMagnitude) with a random sign: inputs of ReLU-type
    /// activations kept away from the kink at 0, so a finite-difference step smaller than minMagnitude never
    /// crosses it.
    /// </summary>
    public static Tensor AwayFromZero(IComputeBackend backend, RandomGenerator random, double minMagnitude, double maxMagnitude, params int[] shape)
    {
        var tensor = new Tensor(backend, shape);
        var values = tensor.AsSpan();
        for (int i = 0; i < values.Length; i++)
        {
            double magnitude = random.NextUniform(minMagnitude, maxMagnitude);
            values[i] = (float)(random.NextDouble() < 0.5 ? -magnitude : magnitude);
        }

        return tensor;
    }
}
