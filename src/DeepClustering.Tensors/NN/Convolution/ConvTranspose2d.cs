using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.NN.Initialization;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tensors.NN.Convolution;

/// <summary>
/// A 2-D transposed convolution (PyTorch's ConvTranspose2d), the gradient of a convolution with respect to its
/// input: output size (h − 1)·s − 2p + k + outputPadding. Weights have shape [in, out, k, k].
/// </summary>
public sealed class ConvTranspose2d : Module
{
    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private ConvolutionGeometry _geometry;

    /// <summary>Creates the layer and initialises its parameters from <paramref name="random"/>.</summary>
    /// <param name="backend">Where the layer's tensors live.</param>
    /// <param name="inputChannels">Channels of the input.</param>
    /// <param name="outputChannels">Channels of the output.</param>
    /// <param name="kernelSize">Side of the square kernel.</param>
    /// <param name="random">The generator that draws the initial values.</param>
    /// <param name="stride">Upsampling step.</param>
    /// <param name="padding">Rows and columns removed from each side of the full output.</param>
    /// <param name="outputPadding">Rows and columns added on one side of the output; less than the stride.</param>
    /// <param name="bias">Whether the layer has a bias.</param>
    /// <param name="weightInitializer">Initializer of the weights; PyTorch's default when null.</param>
    /// <param name="biasInitializer">Initializer of the bias; PyTorch's default when null.</param>
    public ConvTranspose2d(IComputeBackend backend, int inputChannels, int outputChannels, int kernelSize, RandomGenerator random,
        int stride = 1, int padding = 0, int outputPadding = 0, bool bias = true,
        IInitializer? weightInitializer = null, IInitializer? biasInitializer = null)
        : base(backend)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        ArgumentOutOfRangeException.ThrowIfNegative(outputPadding);
        if (outputPadding >= stride)
        {
            throw new ArgumentOutOfRangeException(nameof(outputPadding), outputPadding, $"The output padding must be less than the stride ({stride}).");
        }

        ArgumentNullException.ThrowIfNull(random);
        (InputChannels, OutputChannels, KernelSize, Stride, Padding, OutputPadding) =
            (inputChannels, outputChannels, kernelSize, stride, padding, outputPadding);

        // PyTorch computes the fans from the weight [in, out, k, k]: fan-in is out·k·k.
        int fanIn = outputChannels * kernelSize * kernelSize;
        int fanOut = inputChannels * kernelSize * kernelSize;
        Weight = new Parameter(new Tensor(backend, inputChannels, outputChannels, kernelSize, kernelSize));
        (weightInitializer ?? Initializers.PyTorchDefault).Initialize(Weight.Value, fanIn, fanOut, random);
        if (bias)
        {
            Bias = new Parameter(new Tensor(backend, outputChannels));
            (biasInitializer ?? Initializers.PyTorchDefault).Initialize(Bias.Value, fanIn, fanOut, random);
        }
    }

    /// <summary>Channels of the input.</summary>
    public int InputChannels { get; }

    /// <summary>Channels of the output.</summary>
    public int OutputChannels { get; }

    /// <summary>Side of the square kernel.</summary>
    public int KernelSize { get; }

    /// <summary>Upsampling step.</summary>
    public int Stride { get; }

    /// <summary>Rows and columns removed from each side of the full output.</summary>
    public int Padding { get; }

    /// <summary>Rows and columns added on one side of the output.</summary>
    public int OutputPadding { get; }

    /// <summary>The weights, [in, out, k, k].</summary>
    public Parameter Weight { get; }

    /// <summary>The bias, [out], or null.</summary>
    public Parameter? Bias { get; }

    /// <summary>The output height or width for an input of side <paramref name="inputSize"/>.</summary>
    public int OutputSize(int inputSize) => (inputSize - 1) * Stride - 2 * Padding + KernelSize + OutputPadding;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4 || input.Size(1) != InputChannels)
        {
            throw new ArgumentException(
                $"ConvTranspose2d expects input [n, {InputChannels}, h, w] but got {TensorShape.Format(input.Shape)}.", nameof(input));
        }

        int height = OutputSize(input.Size(2));
        int width = OutputSize(input.Size(3));
        if (height <= 0 || width <= 0)
        {
            throw new ArgumentException($"Input {TensorShape.Format(input.Shape)} gives an empty output.", nameof(input));
        }

        // The convolution whose input gradient this layer computes maps our output back to our input.
        _geometry = new ConvolutionGeometry(OutputChannels, height, width, InputChannels,
            KernelSize, KernelSize, Stride, Stride, Padding, Padding);
        _input = input;
        var output = EnsureBuffer(ref _output, [input.Size(0), OutputChannels, height, width]);
        Backend.Conv2dBackwardData(input, Weight.Value, output, _geometry);
        if (Bias is not null)
        {
            Backend.AddChannelBias(output, Bias.Value);
        }

        return output;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient)
    {
        var input = RequireForward(_input);
        // Checked here: the kernels below see the gradient as a convolution's input and would report a batch
        // mismatch against a shape that is neither the gradient's nor the output's.
        TensorShape.RequireSame(_output!, outputGradient, nameof(outputGradient));
        if (Weight.RequiresGradient)
        {
            Backend.Conv2dBackwardWeight(input, outputGradient, Weight.RawGradient, _geometry, Weight.BeginGradientWrite());
        }

        if (Bias is { RequiresGradient: true } bias)
        {
            Backend.ChannelSum(outputGradient, bias.RawGradient, bias.BeginGradientWrite());
        }

        if (!InputGradientRequired)
        {
            return null;
        }

        var inputGradient = EnsureBuffer(ref _inputGradient, input.Shape);
        Backend.Conv2dForward(outputGradient, Weight.Value, null, inputGradient, _geometry);
        return inputGradient;
    }

    internal override void ZeroGradientsOfTree()
    {
        Weight.ZeroGradient();
        Bias?.ZeroGradient();
    }

    /// <inheritdoc />
    protected override IEnumerable<(string Name, Parameter Parameter)> OwnParameters()
    {
        yield return ("weight", Weight);
        if (Bias is not null)
        {
            yield return ("bias", Bias);
        }
    }
}
