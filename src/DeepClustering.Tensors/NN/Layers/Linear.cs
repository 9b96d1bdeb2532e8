using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.NN.Initialization;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tensors.NN.Layers;

/// <summary>A fully connected layer, <c>y = x · Wᵀ + b</c>, with W of shape [out, in] as in PyTorch.</summary>
public sealed class Linear : Module
{
    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _inputGradient;

    /// <summary>Creates the layer and initialises its parameters from <paramref name="random"/>.</summary>
    /// <param name="backend">Where the layer's tensors live.</param>
    /// <param name="inputFeatures">Width of each input row.</param>
    /// <param name="outputFeatures">Width of each output row.</param>
    /// <param name="random">The generator that draws the initial values.</param>
    /// <param name="bias">Whether the layer has a bias.</param>
    /// <param name="weightInitializer">Initializer of W; PyTorch's default when null.</param>
    /// <param name="biasInitializer">Initializer of b; PyTorch's default when null.</param>
    public Linear(IComputeBackend backend, int inputFeatures, int outputFeatures, RandomGenerator random, bool bias = true,
        IInitializer? weightInitializer = null, IInitializer? biasInitializer = null)
        : base(backend)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputFeatures);
        ArgumentNullException.ThrowIfNull(random);
        InputFeatures = inputFeatures;
        OutputFeatures = outputFeatures;
        Weight = new Parameter(new Tensor(backend, outputFeatures, inputFeatures));
        (weightInitializer ?? Initializers.PyTorchDefault).Initialize(Weight.Value, inputFeatures, outputFeatures, random);
        if (bias)
        {
            Bias = new Parameter(new Tensor(backend, outputFeatures));
            (biasInitializer ?? Initializers.PyTorchDefault).Initialize(Bias.Value, inputFeatures, outputFeatures, random);
        }
    }

    /// <summary>Width of each input row.</summary>
    public int InputFeatures { get; }

    /// <summary>Width of each output row.</summary>
    public int OutputFeatures { get; }

    /// <summary>The weights, [out, in].</summary>
    public Parameter Weight { get; }

    /// <summary>The bias, [out], or null.</summary>
    public Parameter? Bias { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 2 || input.Size(1) != InputFeatures)
        {
            throw new ArgumentException(
                $"Linear({InputFeatures}→{OutputFeatures}) expects input [n, {InputFeatures}] but got {TensorShape.Format(input.Shape)}.",
                nameof(input));
        }

        _input = input;
        var output = EnsureBuffer(ref _output, [input.Size(0), OutputFeatures]);
        Backend.LinearForward(input, Weight.Value, Bias?.Value, output);
        return output;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient)
    {
        var input = RequireForward(_input);
        Tensor? inputGradient = InputGradientRequired ? EnsureBuffer(ref _inputGradient, input.Shape) : null;
        bool weightAccumulate = Weight.RequiresGradient && Weight.BeginGradientWrite();
        Backend.LinearBackward(outputGradient, input, Weight.Value, inputGradient,
            Weight.RequiresGradient ? Weight.RawGradient : null, weightAccumulate);
        if (Bias is { RequiresGradient: true } bias)
        {
            Backend.ChannelSum(outputGradient, bias.RawGradient, bias.BeginGradientWrite());
        }

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
