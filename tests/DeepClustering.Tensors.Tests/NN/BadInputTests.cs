using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Activations;
using DeepClustering.Tensors.NN.Convolution;
using DeepClustering.Tensors.NN.Initialization;
using DeepClustering.Tensors.NN.Layers;
using DeepClustering.Tensors.NN.Losses;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tensors.Tests.NN;

/// <summary>Wrong shapes, wrong call order and invalid arguments fail early with a message that says what is wrong.</summary>
public sealed class BadInputTests : IDisposable
{
    private static readonly CpuBackend Backend = new(new CpuBackendOptions { Threads = 1 });

    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 2 });

    public void Dispose() => _backend.Dispose();

    public static TheoryData<string, Func<Module>> Layers => new()
    {
        { "Linear", () => new Linear(Backend, 4, 3, new RandomGenerator(1)) },
        { "Conv2d", () => new Conv2d(Backend, 2, 3, 3, new RandomGenerator(1), padding: 1) },
        { "ConvTranspose2d", () => new ConvTranspose2d(Backend, 2, 3, 3, new RandomGenerator(1), stride: 2, padding: 1, outputPadding: 1) },
        { "ReLU", () => new ReLU(Backend) },
        { "LeakyReLU", () => new LeakyReLU(Backend) },
        { "Sigmoid", () => new Sigmoid(Backend) },
        { "Tanh", () => new Tanh(Backend) },
        { "Flatten", () => new Flatten(Backend) },
        { "Reshape", () => new Reshape(Backend, 2, 2) },
        { "Dropout", () => new Dropout(Backend, 0.5f, new RandomGenerator(1)) },
        { "Sequential", () => new Sequential(Backend, new Linear(Backend, 4, 3, new RandomGenerator(1)), new Tanh(Backend)) },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void Backward_before_Forward_throws_InvalidOperationException(string name, Func<Module> create)
    {
        var layer = create();

        var error = Assert.Throws<InvalidOperationException>(() => layer.Backward(new Tensor(Backend, 2, 4)));

        Assert.Contains("Forward", error.Message, StringComparison.Ordinal);
        Assert.NotNull(name);
    }

    [Fact]
    public void Loss_Backward_before_Forward_throws_InvalidOperationException()
    {
        Assert.Throws<InvalidOperationException>(() => new MeanSquaredErrorLoss(_backend).Backward());
        Assert.Throws<InvalidOperationException>(() => new BinaryCrossEntropyWithLogitsLoss(_backend).Backward());
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_gradient_of_the_wrong_shape_is_refused_naming_both_shapes(string name, Func<Module> create)
    {
        var layer = create();
        var input = name switch
        {
            "Conv2d" or "ConvTranspose2d" => new Tensor(Backend, 2, 2, 3, 3),
            _ => new Tensor(Backend, 2, 4),
        };
        var output = layer.Forward(input);
        // One more row than the output: the same rank, a different shape.
        var shape = output.Shape.ToArray();
        shape[0]++;
        var gradient = new Tensor(Backend, shape);

        var error = Assert.ThrowsAny<ArgumentException>(() => layer.Backward(gradient));

        Assert.Contains(TensorShape.Format(output.Shape), error.Message, StringComparison.Ordinal);
        Assert.Contains(TensorShape.Format(shape), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Layers_name_the_expected_and_the_actual_input_shape()
    {
        var random = new RandomGenerator(1);
        AssertNamesBoth(() => new Linear(_backend, 5, 4, random).Forward(new Tensor(_backend, 2, 4)), "[n, 5]", "[2, 4]");
        AssertNamesBoth(() => new Conv2d(_backend, 3, 2, 3, random).Forward(new Tensor(_backend, 2, 2, 5, 5)), "[n, 3, h, w]", "[2, 2, 5, 5]");
        AssertNamesBoth(() => new Conv2d(_backend, 3, 2, 3, random).Forward(new Tensor(_backend, 2, 3, 5)), "[n, 3, h, w]", "[2, 3, 5]");
        AssertNamesBoth(() => new ConvTranspose2d(_backend, 3, 2, 3, random).Forward(new Tensor(_backend, 1, 4, 2, 2)), "[n, 3, h, w]", "[1, 4, 2, 2]");
        AssertNamesBoth(() => new Reshape(_backend, 2, 3).Forward(new Tensor(_backend, 2, 5)), "[5]", "[2, 3]");
    }

    [Fact]
    public void A_kernel_larger_than_the_padded_input_is_refused()
    {
        var conv = new Conv2d(_backend, 1, 1, 5, new RandomGenerator(1), padding: 1);

        var error = Assert.Throws<ArgumentException>(() => conv.Forward(new Tensor(_backend, 1, 1, 2, 2)));

        Assert.Contains("5×5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Losses_and_kernels_name_both_shapes()
    {
        var a = new Tensor(_backend, 2, 3);
        var b = new Tensor(_backend, 3, 2);
        AssertNamesBoth(() => new MeanSquaredErrorLoss(_backend).Forward(a, b), "[2, 3]", "[3, 2]");
        AssertNamesBoth(() => new BinaryCrossEntropyWithLogitsLoss(_backend).Forward(a, b), "[2, 3]", "[3, 2]");
        AssertNamesBoth(() => _backend.Relu(a, b), "[2, 3]", "[3, 2]");
        AssertNamesBoth(() => _backend.AddScaled(1f, a, b), "[2, 3]", "[3, 2]");
        AssertNamesBoth(() => _backend.Copy(a, new Tensor(_backend, 7)), "[2, 3]", "[7]");
        AssertNamesBoth(() => _backend.LinearForward(a, new Tensor(_backend, 4, 2), null, new Tensor(_backend, 2, 4)), "[4, 3]", "[4, 2]");
        AssertNamesBoth(() => new Tensor(_backend, [1f, 2f, 3f], 2, 2), "[2, 2]", "3 values");
    }

    public static TheoryData<string, Action> InvalidArguments => new()
    {
        { "inputFeatures", () => new Linear(Backend, 0, 3, new RandomGenerator(1)) },
        { "outputFeatures", () => new Linear(Backend, 3, -1, new RandomGenerator(1)) },
        { "inputChannels", () => new Conv2d(Backend, 0, 3, 3, new RandomGenerator(1)) },
        { "outputChannels", () => new Conv2d(Backend, 1, 0, 3, new RandomGenerator(1)) },
        { "kernelSize", () => new Conv2d(Backend, 1, 3, 0, new RandomGenerator(1)) },
        { "stride", () => new Conv2d(Backend, 1, 3, 3, new RandomGenerator(1), stride: 0) },
        { "padding", () => new Conv2d(Backend, 1, 3, 3, new RandomGenerator(1), padding: -1) },
        { "inputChannels", () => new ConvTranspose2d(Backend, 0, 3, 3, new RandomGenerator(1)) },
        { "outputChannels", () => new ConvTranspose2d(Backend, 1, -2, 3, new RandomGenerator(1)) },
        { "kernelSize", () => new ConvTranspose2d(Backend, 1, 3, -3, new RandomGenerator(1)) },
        { "stride", () => new ConvTranspose2d(Backend, 1, 3, 3, new RandomGenerator(1), stride: 0) },
        { "padding", () => new ConvTranspose2d(Backend, 1, 3, 3, new RandomGenerator(1), padding: -1) },
        { "outputPadding", () => new ConvTranspose2d(Backend, 1, 3, 3, new RandomGenerator(1), outputPadding: -1) },
        { "outputPadding", () => new ConvTranspose2d(Backend, 1, 3, 3, new RandomGenerator(1), stride: 2, outputPadding: 2) },
        { "probability", () => new Dropout(Backend, -0.1f, new RandomGenerator(1)) },
        { "probability", () => new Dropout(Backend, 1f, new RandomGenerator(1)) },
        { "probability", () => new Dropout(Backend, float.NaN, new RandomGenerator(1)) },
        { "negativeSlope", () => new LeakyReLU(Backend, float.NaN) },
        { "negativeSlope", () => new LeakyReLU(Backend, float.PositiveInfinity) },
        { "sampleShape", () => new Reshape(Backend, 4, 0) },
        { "sampleShape", () => new Reshape(Backend, -2, 3) },
        { "Threads", () => new CpuBackend(new CpuBackendOptions { Threads = -1 }) },
        { "scale", () => Initializers.VarianceScalingUniformFanIn(0) },
    };

    [Theory]
    [MemberData(nameof(InvalidArguments))]
    public void Invalid_layer_arguments_throw_ArgumentOutOfRangeException_naming_the_parameter(string parameter, Action create)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(create);

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void A_module_from_another_backend_cannot_join_a_sequence()
    {
        using var other = new CpuBackend(new CpuBackendOptions { Threads = 1 });
        var sequence = new Sequential(_backend);

        var error = Assert.Throws<ArgumentException>(() => sequence.Add(new Tanh(other)));

        Assert.Equal("module", error.ParamName);
    }

    private static void AssertNamesBoth(Action action, string first, string second)
    {
        var error = Assert.ThrowsAny<ArgumentException>(action);
        Assert.Contains(first, error.Message, StringComparison.Ordinal);
        Assert.Contains(second, error.Message, StringComparison.Ordinal);
    }
}
