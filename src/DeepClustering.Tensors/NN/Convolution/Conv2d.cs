using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.NN.Initialization;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tensors.NN.Convolution;

/// <summary>
/// A 2-D convolution (cross-correlation, as PyTorch's Conv2d) over NCHW input, with square kernel, stride and
/// zero padding: output size ⌊(h + 2p − k)/s⌋ + 1. Weights have shape [out, in, k, k].
/// </summary>
public sealed class Conv2d : Module
{
    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private ConvolutionGeometry _geometry;

    /// <summary>Creates the layer and initialises its parameters from <paramref name="random"/>.</summary>
    /// <param name="backend">Where the layer's tensors live.</param>
    /// <param name="inputChannels">Channels of the input.</param>
    /// <param name="outputChannels">Channels of the output (number of filters).</param>
    /// <param name="kernelSize">Side of the square kernel.</param>
    /// <param name="random">The generator that draws the initial values.</param>
    /// <param name="stride">Step between kernel positions.</param>
    /// <param name="padding">Zeros added on each side of the input.</param>
    /// <param name="bias">Whether the layer has a bias.</param>
    /// <param name="weightInitializer">Initializer of the weights; PyTorch's default when null.</param>
    /// <param name="biasInitializer">Initializer of the bias; PyTorch's default when null.</param>
    public Conv2d(IComputeBackend backend, int inputChannels, int outputChannels, int kernelSize, RandomGenerator random,
        int stride = 1, int padding = 0, bool bias = true, IInitializer? weightInitializer = null, IInitializer? biasInitializer = null)
        : base(backend)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        ArgumentNullException.ThrowIfNull(random);
        (InputChannels, OutputChannels, KernelSize, Stride, Padding) = (inputChannels, outputChannels, kernelSize, stride, padding);
        int fanIn = inputChannels * kernelSize * kernelSize;
        int fanOut = outputChannels * kernelSize * kernelSize;
        Weight = new Parameter(new Tensor(backend, outputChannels, inputChannels, kernelSize, kernelSize));
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

    /// <summary>Step between kernel positions.</summary>
    public int Stride { get; }

    /// <summary>Zeros added on each side of the input.</summary>
    public int Padding { get; }

    /// <summary>The weights, [out, in, k, k].</summary>
    public Parameter Weight { get; }

    /// <summary>The bias, [out], or null.</summary>
    public Parameter? Bias { get; }

    /// <summary>The output height or width for an input of side <paramref name="inputSize"/>.</summary>
    public int OutputSize(int inputSize) => (inputSize + 2 * Padding - KernelSize) / Stride + 1;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4 || input.Size(1) != InputChannels)
        {
            throw new ArgumentException(
                $"Conv2d expects input [n, {InputChannels}, h, w] but got {TensorShape.Format(input.Shape)}.", nameof(input));
        }

        _geometry = new ConvolutionGeometry(InputChannels, input.Size(2), input.Size(3), OutputChannels,
            KernelSize, KernelSize, Stride, Stride, Padding, Padding);
        _geometry.Validate();
        _input = input;
        var output = EnsureBuffer(ref _output, [input.Size(0), OutputChannels, _geometry.OutputHeight, _geometry.OutputWidth]);
        Backend.Conv2dForward(input, Weight.Value, Bias?.Value, output, _geometry);
        return output;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient)
    {
        var input = RequireForward(_input);
        if (Weight.RequiresGradient)
        {
            Backend.Conv2dBackwardWeight(outputGradient, input, Weight.RawGradient, _geometry, Weight.BeginGradientWrite());
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
        Backend.Conv2dBackwardData(outputGradient, Weight.Value, inputGradient, _geometry);
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
