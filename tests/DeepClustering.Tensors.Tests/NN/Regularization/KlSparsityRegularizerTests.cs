using System.Text.Json.Nodes;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN.Activations;
using DeepClustering.Tensors.NN.Layers;
using DeepClustering.Tensors.NN.Regularization;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Tensors.Tests.TestSupport;

namespace DeepClustering.Tensors.Tests.NN.Regularization;

public sealed class KlSparsityRegularizerTests : IDisposable
{
    private static readonly Lazy<JsonNode> s_golden = new(() => JsonNode.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "NN", "Regularization", "Golden", "kl_sparsity.json")))!);

    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 2 });

    public void Dispose() => _backend.Dispose();

    public static TheoryData<string> GoldenCases()
    {
        var data = new TheoryData<string>();
        foreach (var c in s_golden.Value["cases"]!.AsArray())
        {
            data.Add(c!["name"]!.GetValue<string>());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Means_penalty_and_gradient_match_torch_autograd(string name)
    {
        var golden = s_golden.Value["cases"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;
        int[] shape = Floats(golden["shape"]!).Select(v => (int)v).ToArray();
        var activations = new Tensor(_backend, Floats(golden["activations"]!), shape);
        var upstream = new Tensor(_backend, Floats(golden["upstream"]!), shape);
        var regularizer = new KlSparsityRegularizer(_backend, new KlSparsityOptions
        {
            TargetActivation = golden["rho"]!.GetValue<double>(),
            Weight = golden["beta"]!.GetValue<double>(),
        });

        var output = regularizer.Forward(activations);
        Assert.Same(activations, output);
        AssertClose(Floats(golden["mean_activations"]!), regularizer.MeanActivations.ToArray(), relative: 1e-6, absolute: 1e-7);
        double penalty = golden["penalty"]!.GetValue<double>();
        Assert.True(Math.Abs(regularizer.LastPenalty - penalty) <= 1e-5 * Math.Abs(penalty),
            $"penalty {regularizer.LastPenalty}, torch {penalty}");

        var gradient = regularizer.Backward(upstream)!;
        Assert.Equal(shape, gradient.Shape.ToArray());
        AssertClose(Floats(golden["input_gradient"]!), gradient.ToArray(), relative: 1e-5, absolute: 1e-6);
    }

    [Fact]
    public void Mean_activations_are_the_column_means_of_the_batch()
    {
        // Columns (0.1, 0.3), (0.5, 0.9), (0.2, 0.2): means 0.2, 0.7, 0.2.
        var activations = new Tensor(_backend, [0.1f, 0.5f, 0.2f, 0.3f, 0.9f, 0.2f], 2, 3);
        var regularizer = new KlSparsityRegularizer(_backend);
        regularizer.Forward(activations);
        AssertClose([0.2f, 0.7f, 0.2f], regularizer.MeanActivations.ToArray(), relative: 1e-6, absolute: 1e-7);
    }

    [Fact]
    public void The_penalty_is_zero_when_every_unit_is_at_the_target_and_so_is_its_gradient()
    {
        var activations = new Tensor(_backend, [0.25f, 0.5f, 0.75f, 0f], 2, 2);    // means 0.5, 0.25
        var upstream = new Tensor(_backend, [1f, -2f, 3f, -4f], 2, 2);
        var atHalf = new KlSparsityRegularizer(_backend, new KlSparsityOptions { TargetActivation = 0.5 });
        atHalf.Forward(activations);

        // Unit 0 is at ρ = 0.5 and adds nothing; unit 1 (ρ̂ = 0.25) adds 3/2·(−0.5/0.25 + 0.5/0.75) = −2 to both rows.
        Assert.Equal(3 * KlSparsity.Divergence(0.5, 0.25), atHalf.LastPenalty, 1e-12);
        Assert.Equal([1f, -4f, 3f, -6f], atHalf.Backward(upstream)!.ToArray());
    }

    [Fact]
    public void A_zero_weight_passes_gradients_through_unchanged_and_reports_no_penalty()
    {
        var activations = new Tensor(_backend, [0.1f, 0.9f, 0.3f, 0.4f], 2, 2);
        var upstream = new Tensor(_backend, [1f, 2f, 3f, 4f], 2, 2);
        var off = new KlSparsityRegularizer(_backend, new KlSparsityOptions { Weight = 0 });
        off.Forward(activations);
        Assert.Equal(0, off.LastPenalty);
        Assert.Equal(upstream.ToArray(), off.Backward(upstream)!.ToArray());
    }

    [Fact]
    public void A_saturated_unit_gets_a_finite_penalty_and_a_finite_push_back()
    {
        var activations = new Tensor(_backend, [1f, 0.5f, 1f, 0.5f], 2, 2);    // unit 0 always fully on
        var regularizer = new KlSparsityRegularizer(_backend);
        regularizer.Forward(activations);
        Assert.True(double.IsFinite(regularizer.LastPenalty));
        Assert.Equal(3 * (KlSparsity.Divergence(0.05, 1 - 1e-6) + KlSparsity.Divergence(0.05, 0.5)), regularizer.LastPenalty, 1e-9);
        var gradient = regularizer.Backward(new Tensor(_backend, 2, 2))!.ToArray();
        Assert.All(gradient, g => Assert.True(float.IsFinite(g)));
        Assert.True(gradient[0] > 1e5f, $"the saturated unit's gradient {gradient[0]} should push it down hard");
    }

    [Fact]
    public void Gradient_of_penalty_plus_output_matches_finite_differences()
    {
        var random = new RandomGenerator(5);
        var activations = TestData.Uniform(_backend, random, 0.2, 0.8, 4, 3);
        var regularizer = new KlSparsityRegularizer(_backend);
        RegularizedGradientChecker.Check(regularizer, activations, GradientTolerance.Layers).AssertWithin(GradientTolerance.Layers);
    }

    [Fact]
    public void Gradient_through_a_sparse_hidden_layer_matches_finite_differences()
    {
        var random = new RandomGenerator(6);
        var network = new Sequential(_backend,
            new Linear(_backend, 5, 4, random),
            new Sigmoid(_backend),
            new KlSparsityRegularizer(_backend, new KlSparsityOptions { TargetActivation = 0.1, Weight = 2 }),
            new Linear(_backend, 4, 3, random));
        var input = TestData.Uniform(_backend, random, -1, 1, 6, 5);

        var result = RegularizedGradientChecker.Check(network, input, GradientTolerance.Layers);

        result.AssertWithin(GradientTolerance.Layers);
        Assert.Equal(["input", "0.weight", "0.bias", "3.weight", "3.bias"], result.TensorNames);
    }

    [Fact]
    public void Channel_activations_average_over_batch_and_positions()
    {
        // [n = 1, channels = 2, 2 positions]: channel means 0.2 and 0.6, each over 2 values.
        var activations = new Tensor(_backend, [0.1f, 0.3f, 0.5f, 0.7f], 1, 2, 2);
        var regularizer = new KlSparsityRegularizer(_backend);
        regularizer.Forward(activations);
        AssertClose([0.2f, 0.6f], regularizer.MeanActivations.ToArray(), relative: 1e-6, absolute: 1e-7);
        var gradient = regularizer.Backward(new Tensor(_backend, 1, 2, 2))!.ToArray();
        float expected0 = (float)KlSparsity.ActivationGradient(3, 0.05, 0.2, 2);
        Assert.Equal(expected0, gradient[0], 1e-5f);
        Assert.Equal(expected0, gradient[1], 1e-5f);
    }

    [Fact]
    public void Bad_inputs_and_gradients_are_refused()
    {
        var regularizer = new KlSparsityRegularizer(_backend);
        Assert.Throws<InvalidOperationException>(() => regularizer.Backward(new Tensor(_backend, 2, 2)));
        Assert.Throws<ArgumentException>(() => regularizer.Forward(new Tensor(_backend, 4)));
        regularizer.Forward(new Tensor(_backend, 2, 3));
        Assert.Throws<ArgumentException>(() => regularizer.Backward(new Tensor(_backend, 3, 2)));
    }

    [Theory]
    [InlineData(0.0, 3.0, 1e-6, "TargetActivation")]
    [InlineData(1.0, 3.0, 1e-6, "TargetActivation")]
    [InlineData(double.NaN, 3.0, 1e-6, "TargetActivation")]
    [InlineData(0.05, -1.0, 1e-6, "Weight")]
    [InlineData(0.05, double.PositiveInfinity, 1e-6, "Weight")]
    [InlineData(0.05, 3.0, 0.0, "Epsilon")]
    [InlineData(0.05, 3.0, 0.5, "Epsilon")]
    public void Invalid_options_are_refused_naming_the_option(double target, double weight, double epsilon, string name)
    {
        var options = new KlSparsityOptions { TargetActivation = target, Weight = weight, Epsilon = epsilon };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new KlSparsityRegularizer(_backend, options));
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void Defaults_are_the_documented_values()
    {
        var regularizer = new KlSparsityRegularizer(_backend);
        Assert.Equal((0.05, 3.0, 1e-6), (regularizer.TargetActivation, regularizer.Weight, regularizer.Epsilon));
        Assert.Equal(0, regularizer.LastPenalty);
        Assert.True(regularizer.MeanActivations.IsEmpty);
    }

    private static float[] Floats(JsonNode node) => node.AsArray().Select(v => (float)v!.GetValue<double>()).ToArray();

    private static void AssertClose(float[] expected, float[] actual, double relative, double absolute)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= absolute + relative * Math.Abs(expected[i]),
                $"[{i}]: expected {expected[i]}, got {actual[i]}");
        }
    }
}
