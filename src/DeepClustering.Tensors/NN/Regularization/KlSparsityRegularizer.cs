using DeepClustering.Tensors.Backends;

namespace DeepClustering.Tensors.NN.Regularization;

/// <summary>
/// The KL sparsity penalty of sparse autoencoders as a module placed after a sigmoid hidden layer: the identity in
/// the forward pass, which records each unit's mean activation ρ̂_j over the batch and the penalty
/// β·Σ_j KL(ρ‖ρ̂_j); the backward pass adds the penalty's gradient β/n·(−ρ/ρ̂_j + (1 − ρ)/(1 − ρ̂_j)) to every
/// sample's gradient of unit j (Ng, CS294A "Sparse autoencoder" notes; the hidden layers of DSSEC).
/// </summary>
/// <remarks>
/// <para>
/// Input [n, units] (a fully connected layer), or [n, channels, …], where ρ̂_j then averages channel j over the
/// batch and all positions (n in the gradient becomes n times the positions). The activations must lie in (0, 1),
/// as a sigmoid's do; ρ̂ is clamped to [ε, 1 − ε], and the penalty and its gradient are evaluated at the clamped
/// value (the exact gradient inside the clamp, a finite push back at a saturated unit).
/// </para>
/// <para>
/// The penalty is per batch, not per sample, and adds to whatever loss the network trains on. β = 3 comes from a
/// loss that sums halved squared errors over the d features of a sample; the engine's mean squared error also
/// averages over the features, so it is 2/d times that loss, and β·2/d gives the same balance (about 0.0077 for
/// d = 784 and β = 3).
/// </para>
/// <para>
/// The forward pass returns its input tensor itself (no copy). The per-unit work (means, penalty, gradient
/// coefficients: O(units)) runs on the host; the O(n·units) work goes through the backend's channel sum, copy and
/// channel-bias kernels.
/// </para>
/// </remarks>
public sealed class KlSparsityRegularizer : Module, IActivityRegularizer
{
    private Tensor? _input;
    private Tensor? _meanActivations;
    private Tensor? _gradientCoefficients;
    private Tensor? _inputGradient;

    /// <summary>Creates the regularizer; <paramref name="options"/> default to <see cref="KlSparsityOptions.Defaults"/>.</summary>
    public KlSparsityRegularizer(IComputeBackend backend, KlSparsityOptions? options = null)
        : base(backend)
    {
        options ??= new KlSparsityOptions();
        options.Validate();
        TargetActivation = options.TargetActivation;
        Weight = options.Weight;
        Epsilon = options.Epsilon;
    }

    /// <summary>The target mean activation ρ.</summary>
    public double TargetActivation { get; }

    /// <summary>The weight β of the penalty.</summary>
    public double Weight { get; }

    /// <summary>The clamp ε of the mean activations.</summary>
    public double Epsilon { get; }

    /// <summary>The penalty β·Σ_j KL(ρ‖ρ̂_j) of the last forward pass's batch; 0 before any.</summary>
    public double LastPenalty { get; private set; }

    /// <summary>
    /// Each unit's mean activation ρ̂_j over the last forward pass's batch, before clamping; empty before any. The
    /// span is overwritten by the next forward pass.
    /// </summary>
    public ReadOnlySpan<float> MeanActivations => _meanActivations is null ? [] : _meanActivations.AsSpan();

    /// <summary>Returns <paramref name="input"/> unchanged, recording the mean activations and the penalty.</summary>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank < 2)
        {
            throw new ArgumentException(
                $"The sparsity penalty expects activations [n, units] or [n, channels, …], got {TensorShape.Format(input.Shape)}.", nameof(input));
        }

        int units = input.Size(1);
        int count = input.Length / units;
        var means = EnsureBuffer(ref _meanActivations, [units]);
        var coefficients = EnsureBuffer(ref _gradientCoefficients, [units]);
        Backend.ChannelSum(input, means, accumulate: false);

        var meanValues = means.AsSpan();
        var coefficientValues = coefficients.AsSpan();
        for (int j = 0; j < units; j++)
        {
            meanValues[j] = (float)(meanValues[j] / (double)count);
            double clamped = KlSparsity.ClampMeanActivation(meanValues[j], Epsilon);
            coefficientValues[j] = (float)KlSparsity.ActivationGradient(Weight, TargetActivation, clamped, count);
        }

        LastPenalty = KlSparsity.Penalty(Weight, TargetActivation, Epsilon, meanValues);
        _input = input;
        return input;
    }

    /// <summary>Returns the output gradient plus the penalty's gradient with respect to the activations.</summary>
    public override Tensor? Backward(Tensor outputGradient)
    {
        var input = RequireForward(_input);
        ArgumentNullException.ThrowIfNull(outputGradient);
        if (!outputGradient.Shape.SequenceEqual(input.Shape))
        {
            throw new ArgumentException(
                $"The output gradient {TensorShape.Format(outputGradient.Shape)} does not match the last input {TensorShape.Format(input.Shape)}.",
                nameof(outputGradient));
        }

        if (!InputGradientRequired)
        {
            return null;
        }

        var inputGradient = EnsureBuffer(ref _inputGradient, input.Shape);
        Backend.Copy(outputGradient, inputGradient);
        if (Weight != 0)
        {
            Backend.AddChannelBias(inputGradient, _gradientCoefficients!);
        }

        return inputGradient;
    }
}
