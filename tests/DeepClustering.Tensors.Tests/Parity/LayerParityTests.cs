using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Activations;
using DeepClustering.Tensors.NN.Convolution;
using DeepClustering.Tensors.NN.Layers;
using DeepClustering.Tensors.NN.Losses;
using DeepClustering.Tensors.Optimizers;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tensors.Tests.Parity;

/// <summary>
/// Parity of every layer, loss and optimizer with PyTorch: forward outputs, input and parameter gradients
/// for a given upstream gradient, loss values and gradients, and two optimizer steps, against the values that
/// make_torch_reference.py computed (Golden/layers.json and layers.bin). Tolerance: see <see cref="ParityAssert"/>.
/// </summary>
public sealed class LayerParityTests : IDisposable
{
    private static readonly string[] s_kinds =
    [
        "linear", "conv2d", "conv_transpose2d", "relu", "leaky_relu", "sigmoid", "tanh", "flatten", "reshape",
        "dropout_eval", "mse", "bce_logits", "sgd", "adam",
    ];

    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 2 });

    public static TheoryData<string> LinearCases => LayerGolden.Names("linear");

    public static TheoryData<string> Conv2dCases => LayerGolden.Names("conv2d");

    public static TheoryData<string> ConvTranspose2dCases => LayerGolden.Names("conv_transpose2d");

    public static TheoryData<string> LeakyReluCases => LayerGolden.Names("leaky_relu");

    public static TheoryData<string> BceCases => LayerGolden.Names("bce_logits");

    public static TheoryData<string> SgdCases => LayerGolden.Names("sgd");

    public static TheoryData<string> AdamCases => LayerGolden.Names("adam");

    public void Dispose() => _backend.Dispose();

    [Fact]
    public void Generator_reproduces_the_python_values_bit_for_bit()
    {
        var check = LayerGolden.Instance.Root["generator_check"]!;
        var expected = check["values"]!.AsArray().Select(v => (float)v!.GetValue<double>()).ToArray();
        var actual = DeterministicValues.Uniform(check["seed"]!.GetValue<uint>(), expected.Length);
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Every_case_of_the_golden_file_has_a_test()
    {
        var kinds = LayerGolden.Instance.Cases.Select(c => c.Kind).Distinct().Order().ToArray();
        Assert.Equal(s_kinds.Order().ToArray(), kinds);
        Assert.True(LayerGolden.Instance.Cases.Count >= 30, "the golden file lost cases");
    }

    [Theory]
    [MemberData(nameof(LinearCases))]
    public void Linear_matches_torch(string name)
    {
        var c = LayerGolden.Case(name);
        bool bias = c.ConfigBool("bias");
        var layer = new Linear(_backend, c.ConfigInt("in_features"), c.ConfigInt("out_features"), new RandomGenerator(1), bias);
        c.LoadParameter(layer.Weight, "weight");
        if (bias)
        {
            c.LoadParameter(layer.Bias!, "bias");
        }

        CheckModule(c, layer);
    }

    [Theory]
    [MemberData(nameof(Conv2dCases))]
    public void Conv2d_matches_torch(string name)
    {
        var c = LayerGolden.Case(name);
        bool bias = c.ConfigBool("bias");
        var layer = new Conv2d(_backend, c.ConfigInt("in_channels"), c.ConfigInt("out_channels"), c.ConfigInt("kernel_size"),
            new RandomGenerator(1), stride: c.ConfigInt("stride"), padding: c.ConfigInt("padding"), bias: bias);
        c.LoadParameter(layer.Weight, "weight");
        if (bias)
        {
            c.LoadParameter(layer.Bias!, "bias");
        }

        CheckModule(c, layer);
    }

    [Theory]
    [MemberData(nameof(ConvTranspose2dCases))]
    public void ConvTranspose2d_matches_torch(string name)
    {
        var c = LayerGolden.Case(name);
        bool bias = c.ConfigBool("bias");
        var layer = new ConvTranspose2d(_backend, c.ConfigInt("in_channels"), c.ConfigInt("out_channels"), c.ConfigInt("kernel_size"),
            new RandomGenerator(1), stride: c.ConfigInt("stride"), padding: c.ConfigInt("padding"),
            outputPadding: c.ConfigInt("output_padding"), bias: bias);
        c.LoadParameter(layer.Weight, "weight");
        if (bias)
        {
            c.LoadParameter(layer.Bias!, "bias");
        }

        CheckModule(c, layer);
    }

    [Fact]
    public void ReLU_matches_torch() => CheckModule(LayerGolden.Case("relu"), new ReLU(_backend));

    [Theory]
    [MemberData(nameof(LeakyReluCases))]
    public void LeakyReLU_matches_torch(string name)
    {
        var c = LayerGolden.Case(name);
        CheckModule(c, new LeakyReLU(_backend, c.ConfigFloat("negative_slope")));
    }

    [Fact]
    public void Sigmoid_matches_torch() => CheckModule(LayerGolden.Case("sigmoid"), new Sigmoid(_backend));

    [Fact]
    public void Tanh_matches_torch() => CheckModule(LayerGolden.Case("tanh"), new Tanh(_backend));

    [Fact]
    public void Flatten_matches_torch() => CheckModule(LayerGolden.Case("flatten"), new Flatten(_backend));

    [Fact]
    public void Reshape_matches_torch()
    {
        var c = LayerGolden.Case("reshape");
        var shape = c.Config["shape"]!.AsArray().Select(d => d!.GetValue<int>()).ToArray();
        CheckModule(c, new Reshape(_backend, shape));
    }

    [Fact]
    public void Dropout_in_evaluation_mode_matches_torch()
    {
        var c = LayerGolden.Case("dropout_eval");
        var layer = new Dropout(_backend, c.ConfigFloat("p"), new RandomGenerator(1));
        layer.Eval();
        CheckModule(c, layer);
    }

    [Fact]
    public void MSELoss_matches_torch()
    {
        var c = LayerGolden.Case("mse");
        CheckLoss(c, new MeanSquaredErrorLoss(_backend));
    }

    [Theory]
    [MemberData(nameof(BceCases))]
    public void BCEWithLogitsLoss_matches_torch(string name)
    {
        var c = LayerGolden.Case(name);
        CheckLoss(c, new BinaryCrossEntropyWithLogitsLoss(_backend));
    }

    [Theory]
    [MemberData(nameof(SgdCases))]
    public void Sgd_two_steps_match_torch(string name)
    {
        var c = LayerGolden.Case(name);
        var parameter = new Parameter(c.InputTensor(_backend, "param"));
        var sgd = new Sgd([parameter], new SgdOptions
        {
            LearningRate = c.ConfigFloat("lr"),
            Momentum = c.ConfigFloat("momentum"),
            WeightDecay = c.ConfigFloat("weight_decay"),
            Nesterov = c.ConfigBool("nesterov"),
        });
        CheckOptimizer(c, parameter, sgd);
    }

    [Theory]
    [MemberData(nameof(AdamCases))]
    public void Adam_two_steps_match_torch(string name)
    {
        var c = LayerGolden.Case(name);
        var parameter = new Parameter(c.InputTensor(_backend, "param"));
        var adam = new Adam([parameter], new AdamOptions
        {
            LearningRate = c.ConfigFloat("lr"),
            Beta1 = c.ConfigFloat("beta1"),
            Beta2 = c.ConfigFloat("beta2"),
            Epsilon = c.ConfigFloat("eps"),
            WeightDecay = c.ConfigFloat("weight_decay"),
            DecoupledWeightDecay = c.ConfigBool("decoupled"),
        });
        CheckOptimizer(c, parameter, adam);
    }

    /// <summary>
    /// The checks themselves must catch the classic mistakes: a kernel flipped (true convolution instead of
    /// PyTorch's cross-correlation), a weight read transposed, one sign wrong, values off by one index.
    /// </summary>
    [Fact]
    public void The_comparison_rejects_flipped_kernels_transposed_weights_sign_and_index_errors()
    {
        var c = LayerGolden.Case("conv2d_odd");
        var conv = new Conv2d(_backend, 3, 4, 3, new RandomGenerator(1), stride: 1, padding: 1);
        c.LoadParameter(conv.Bias!, "bias");
        var weight = c.Input("weight").Values();
        var flipped = conv.Weight.Value.AsSpan();
        for (int kernel = 0; kernel < 4 * 3; kernel++)
        {
            for (int i = 0; i < 9; i++)
            {
                flipped[kernel * 9 + i] = weight[kernel * 9 + 8 - i];
            }
        }

        var y = conv.Forward(c.InputTensor(_backend, "x")).ToArray();
        Assert.NotEmpty(ParityAssert.Mismatches("flipped kernel", y, c.OutputValues("y")));

        var wide = LayerGolden.Case("linear_wide");
        var linear = new Linear(_backend, 300, 130, new RandomGenerator(1));
        var w = wide.Input("weight").Values();
        var transposed = linear.Weight.Value.AsSpan();
        for (int i = 0; i < 130 * 300; i++)
        {
            // Read the [out, in] weight as if it were stored [in, out] (same element count, wrong layout).
            transposed[i] = w[(i % 130) * 300 + i / 130];
        }

        wide.LoadParameter(linear.Bias!, "bias");
        Assert.NotEmpty(ParityAssert.Mismatches("transposed weight", linear.Forward(wide.InputTensor(_backend, "x")).ToArray(), wide.OutputValues("y")));

        wide.LoadParameter(linear.Weight, "weight");
        var good = linear.Forward(wide.InputTensor(_backend, "x")).ToArray();
        var expected = wide.OutputValues("y");
        Assert.Empty(ParityAssert.Mismatches("correct", good, expected));

        // One element of median magnitude with the wrong sign: exactly that element is reported.
        var negated = (float[])good.Clone();
        int median = Enumerable.Range(0, negated.Length).OrderBy(i => Math.Abs(negated[i])).ElementAt(negated.Length / 2);
        negated[median] = -negated[median];
        var problems = ParityAssert.Mismatches("one sign", negated, expected);
        Assert.Equal(2, problems.Count);
        Assert.Contains($"1 of {good.Length} elements", problems[1], StringComparison.Ordinal);

        var shifted = new float[good.Length];
        Array.Copy(good, 1, shifted, 0, good.Length - 1);
        shifted[^1] = good[0];
        Assert.NotEmpty(ParityAssert.Mismatches("shifted by one", shifted, expected));
    }

    /// <summary>
    /// Forward x, backward dY; compares y, dx and every parameter gradient, then runs the backward pass again
    /// without clearing, which must double the parameter gradients (PyTorch accumulates into .grad as well).
    /// </summary>
    private void CheckModule(GoldenCase c, Module layer)
    {
        var y = layer.Forward(c.InputTensor(_backend, "x"));
        c.AssertOutput("y", y);
        var dy = c.InputTensor(_backend, "dy");
        var dx = layer.Backward(dy);
        Assert.NotNull(dx);
        c.AssertOutput("dx", dx);

        var parameters = layer.NamedParameters().ToList();
        Assert.Equal(
            c.OutputNames.Where(n => n.StartsWith("grad.", StringComparison.Ordinal)).Order().ToArray(),
            parameters.Select(p => "grad." + p.Name).Order().ToArray());
        foreach (var (name, parameter) in parameters)
        {
            c.AssertOutput("grad." + name, parameter.Gradient);
        }

        if (parameters.Count > 0)
        {
            layer.Backward(dy);
            foreach (var (name, parameter) in parameters)
            {
                c.AssertOutput("grad." + name, parameter.Gradient, factor: 2f);
            }
        }
    }

    private void CheckLoss(GoldenCase c, Loss loss)
    {
        double value = loss.Forward(c.InputTensor(_backend, "prediction"), c.InputTensor(_backend, "target"));
        ParityAssert.Scalar($"{c.Name} loss", value, c.Scalar("loss"));
        c.AssertOutput("grad", loss.Backward());
    }

    private static void CheckOptimizer(GoldenCase c, Parameter parameter, Optimizer optimizer)
    {
        for (int step = 1; step <= 2; step++)
        {
            c.Input($"grad{step}").Values().CopyTo(parameter.Gradient.AsSpan());
            optimizer.Step();
            c.AssertOutput($"after{step}", parameter.Value);
        }
    }
}
