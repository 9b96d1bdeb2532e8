using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Regularization;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tensors.Tests.TestSupport;

/// <summary>
/// Gradient checks of networks that hold activity regularizers: the scalar is L = Σ output ⊙ R + Σ the
/// regularizers' penalties, so dL/doutput = R and the regularizers add their own gradients on the way back.
/// Large networks can check a sample of each tensor's entries instead of all of them.
/// </summary>
internal static class RegularizedGradientChecker
{
    /// <summary>
    /// Checks the input gradient and every parameter's gradient of <paramref name="network"/> on
    /// <paramref name="input"/> against central differences of L. With <paramref name="entriesPerTensor"/> set,
    /// that many entries of each tensor, drawn without replacement from the seeded generator, are checked.
    /// </summary>
    public static GradientCheckResult Check(Module network, Tensor input, GradientTolerance tolerance, long seed = 12345,
        int? entriesPerTensor = null, double upstreamScale = 1)
    {
        var regularizers = ActivityRegularization.FindAll(network);
        var output = network.Forward(input);
        var random = new RandomGenerator(seed);
        var upstream = TestData.Uniform(network.Backend, random, -upstreamScale, upstreamScale, output.Shape.ToArray());

        network.ZeroGradient();
        var inputGradient = network.Backward(upstream)?.ToArray();
        var parameters = network.NamedParameters()
            .Select(p => (p.Name, p.Parameter.Value, Gradient: p.Parameter.Gradient.ToArray()))
            .ToList();

        double Objective()
        {
            var y = network.Forward(input);
            var values = y.AsSpan();
            var r = upstream.AsSpan();
            double sum = 0;
            for (int i = 0; i < values.Length; i++)
            {
                sum += (double)values[i] * r[i];
            }

            return sum + ActivityRegularization.TotalPenalty(regularizers);
        }

        var result = new GradientCheckResult();
        if (inputGradient is not null)
        {
            Differentiate("input", input, inputGradient, tolerance.Step, Objective, result, Pick(input.Length, entriesPerTensor, random));
        }

        foreach (var (name, value, gradient) in parameters)
        {
            Differentiate(name, value, gradient, tolerance.Step, Objective, result, Pick(value.Length, entriesPerTensor, random));
        }

        return result;
    }

    private static int[] Pick(int length, int? count, RandomGenerator random)
    {
        var indices = Enumerable.Range(0, length).ToArray();
        if (count is not { } wanted || wanted >= length)
        {
            return indices;
        }

        random.Shuffle<int>(indices);
        return indices[..wanted];
    }

    private static void Differentiate(string name, Tensor tensor, float[] analytic, double step, Func<double> objective,
        GradientCheckResult result, int[] indices)
    {
        Assert.Equal(tensor.Length, analytic.Length);
        foreach (int i in indices)
        {
            float original = tensor.AsSpan()[i];
            float plus = (float)(original + step);
            float minus = (float)(original - step);
            tensor.AsSpan()[i] = plus;
            double up = objective();
            tensor.AsSpan()[i] = minus;
            double down = objective();
            tensor.AsSpan()[i] = original;
            result.Add(name, i, analytic[i], (up - down) / ((double)plus - minus));
        }
    }
}
