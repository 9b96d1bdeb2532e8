using TorchSharp;
using static TorchSharp.torch;

namespace DeepClustering.TorchSharp;

/// <summary>
/// The KL sparsity penalty of a stacked sparse autoencoder's hidden layer, as a module in the same place as the managed
/// engine's <c>KlSparsityRegularizer</c>: the identity in the forward pass, which keeps its input so that the trainer can
/// add β·Σ_j KL(ρ‖ρ̂_j) (Ng, CS294A "Sparse autoencoder") to the loss of the same step. The kept tensor belongs to the
/// step's dispose scope; <see cref="TakePenalty"/> hands the penalty over and forgets it.
/// </summary>
internal sealed class SparsityPenaltyProbe : nn.Module<Tensor, Tensor>
{
    private Tensor? _activations;

    public SparsityPenaltyProbe(double target, double weight, double epsilon)
        : base(nameof(SparsityPenaltyProbe))
    {
        Target = target;
        Weight = weight;
        Epsilon = epsilon;
    }

    /// <summary>ρ, the target mean activation.</summary>
    public double Target { get; }

    /// <summary>β, the weight of the penalty.</summary>
    public double Weight { get; }

    /// <summary>ε, the clamp of the mean activations.</summary>
    public double Epsilon { get; }

    public override Tensor forward(Tensor input)
    {
        // Views, not the input itself: TorchSharp's Sequential disposes the outputs it passes along, so the kept tensor
        // and the returned one each get a handle of their own (both views of the same storage, in the step's scope).
        _activations = is_grad_enabled() ? input.alias() : null;
        return input.alias();
    }

    /// <summary>
    /// β·Σ_j KL(ρ‖ρ̂_j) of the last forward pass's activations, ρ̂_j the mean of unit (or channel) j over the batch and
    /// all positions, evaluated at ρ̂ clamped to [ε, 1 − ε] with the gradient passed straight through the clamp, as
    /// the managed engine does (the exact gradient inside the clamp, a finite push back at a saturated unit); null when
    /// no forward pass with gradients ran since the last call.
    /// </summary>
    public Tensor? TakePenalty()
    {
        var activations = _activations;
        _activations = null;
        if (activations is null)
        {
            return null;
        }

        var dimensions = Enumerable.Range(0, (int)activations.dim()).Where(d => d != 1).Select(d => (long)d).ToArray();
        var mean = activations.mean(dimensions);

        // TorchSharp's Scalars are freed by their finalizers unless disposed, and tensors are not: each is disposed here.
        using Scalar epsilon = Epsilon.ToScalar(), ceiling = (1 - Epsilon).ToScalar(), one = 1.0.ToScalar();
        using Scalar target = Target.ToScalar(), complement = (1 - Target).ToScalar(), weight = Weight.ToScalar();
        var clamped = mean + (mean.clamp(epsilon, ceiling) - mean).detach();
        var divergence = target * (target / clamped).log() + complement * (complement / (one - clamped)).log();
        return divergence.sum() * weight;
    }
}
