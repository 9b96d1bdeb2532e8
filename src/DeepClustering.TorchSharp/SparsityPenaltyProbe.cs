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
        var clamped = mean + (mean.clamp(Epsilon, 1 - Epsilon) - mean).detach();
        var divergence = Target * (Target / clamped).log() + (1 - Target) * ((1 - Target) / (1 - clamped)).log();
        return divergence.sum() * Weight;
    }
}
