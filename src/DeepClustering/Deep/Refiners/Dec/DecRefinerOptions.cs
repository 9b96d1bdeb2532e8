using DeepClustering.Networks;
using DeepClustering.Training;

namespace DeepClustering.Refiners.Dec;

/// <summary>
/// Options of <see cref="DecRefiner"/>: which of DEC, IDEC and DSSEC to train, the refresh interval and stopping rule of
/// the target distribution, the mini-batches and the optimizer. The optimizer, its learning rate and its momentum
/// default by variant to what the reference code uses (see <see cref="Defaults"/>).
/// </summary>
public sealed class DecRefinerOptions
{
    /// <summary>The default values, with where each comes from.</summary>
    public static class Defaults
    {
        /// <summary>
        /// Mini-batch steps between two refreshes of the target distribution, 140: DEC-keras' <c>DEC.py</c> sets
        /// <c>update_interval = 140</c> for MNIST and Fashion-MNIST (30 for USPS, Reuters-10k and STL), and the IDEC code's
        /// <c>--update_interval</c> defaults to 140 ("recommends: update_interval=140" for MNIST, 30 for USPS, 3 for
        /// Reuters-10k). 140 × 256 rows ≈ half an epoch of MNIST's 70 000.
        /// </summary>
        public const int UpdateInterval = 140;

        /// <summary>
        /// Training stops at a refresh after the first where the fraction of labels changed since the previous refresh is
        /// below this, 0.001: DEC-keras' and the IDEC code's <c>--tol 0.001</c> (DEC's "tol = 0.1%").
        /// </summary>
        public const double Tolerance = 1e-3;

        /// <summary>The cap on mini-batch steps, 20 000: DEC-keras' and the IDEC code's <c>--maxiter 2e4</c>; DSSEC's "max iteration: 20,000".</summary>
        public const int MaxIterations = 20_000;

        /// <summary>Rows per mini-batch, 256: DEC-keras' and the IDEC code's <c>--batch_size 256</c>.</summary>
        public const int BatchSize = 256;

        /// <summary>
        /// The weight γ of the clustering loss in IDEC's and DSSEC's total loss L_r + γ·L_c, 0.1: the IDEC code's
        /// <c>--gamma 0.1</c> ("coefficient of clustering loss"); DSSEC compares γ = 0.1, 0.3 and 0.5 and uses IDEC's
        /// loss. DEC has no reconstruction term and always weighs its clustering loss 1.
        /// </summary>
        public const double Gamma = 0.1;

        /// <summary>The degrees of freedom α of the Student's t kernel, 1 (DEC; DEC-keras' and IDEC's <c>ClusteringLayer(alpha=1.0)</c>).</summary>
        public const double Alpha = StudentTAssignment.DefaultAlpha;

        /// <summary>DEC's optimizer, SGD: DEC-keras compiles the DEC model with <c>SGD(0.01, 0.9)</c>.</summary>
        public const OptimizerKind DecOptimizer = OptimizerKind.Sgd;

        /// <summary>DEC's SGD learning rate, 0.01 (DEC-keras <c>SGD(0.01, 0.9)</c>).</summary>
        public const float DecSgdLearningRate = 0.01f;

        /// <summary>DEC's SGD momentum, 0.9 (DEC-keras <c>SGD(0.01, 0.9)</c>).</summary>
        public const float DecSgdMomentum = 0.9f;

        /// <summary>
        /// IDEC's optimizer, Adam: the IDEC code (<c>IDEC.py</c>, <c>__main__</c>) sets <c>optimizer = 'adam'</c> for MNIST,
        /// Keras' Adam with its default learning rate 0.001; for USPS and Reuters-10k it keeps <c>SGD(lr=0.1, momentum=0.99)</c>
        /// (<see cref="IdecSgdLearningRate"/>, <see cref="IdecSgdMomentum"/>). Taken from the code; the paper's own
        /// statement of the optimizer could not be checked here.
        /// </summary>
        public const OptimizerKind IdecOptimizer = OptimizerKind.Adam;

        /// <summary>IDEC's SGD learning rate when SGD is chosen, 0.1 (the IDEC code's <c>SGD(lr=0.1, momentum=0.99)</c> for USPS and Reuters-10k).</summary>
        public const float IdecSgdLearningRate = 0.1f;

        /// <summary>IDEC's SGD momentum when SGD is chosen, 0.99 (the IDEC code's <c>SGD(lr=0.1, momentum=0.99)</c>).</summary>
        public const float IdecSgdMomentum = 0.99f;

        /// <summary>
        /// DSSEC's optimizer, Adam as IDEC on MNIST. Not verified: the DSSEC description at hand
        /// (<c>shared/seeds/001_…</c>) says only that the network and the centres are updated by back-propagation with
        /// "SGD", and gives the pretraining learning rate (0.001) and the iteration cap (20 000) but not the clustering
        /// phase's optimizer; DSSEC builds on IDEC's loss, so it gets IDEC's settings.
        /// </summary>
        public const OptimizerKind DssecOptimizer = OptimizerKind.Adam;

        /// <summary>Adam's learning rate, 0.001: Keras' default, which the IDEC code's <c>'adam'</c> gets; also used for DEC when Adam is chosen.</summary>
        public const float AdamLearningRate = 1e-3f;

        /// <summary>The optimizer of <paramref name="variant"/>: SGD for DEC, Adam for IDEC and DSSEC.</summary>
        public static OptimizerKind OptimizerFor(DecVariant variant) => variant switch
        {
            DecVariant.Dec => DecOptimizer,
            DecVariant.Idec => IdecOptimizer,
            DecVariant.Dssec => DssecOptimizer,
            _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown DEC variant."),
        };

        /// <summary>The learning rate of <paramref name="optimizer"/> for <paramref name="variant"/>.</summary>
        public static float LearningRateFor(DecVariant variant, OptimizerKind optimizer) => optimizer switch
        {
            OptimizerKind.Adam => AdamLearningRate,
            OptimizerKind.Sgd => variant == DecVariant.Dec ? DecSgdLearningRate : IdecSgdLearningRate,
            _ => throw new ArgumentOutOfRangeException(nameof(optimizer), optimizer, "Unknown optimizer."),
        };

        /// <summary>The SGD momentum for <paramref name="variant"/>: 0.9 for DEC, 0.99 for IDEC and DSSEC.</summary>
        public static float SgdMomentumFor(DecVariant variant) => variant == DecVariant.Dec ? DecSgdMomentum : IdecSgdMomentum;
    }

    /// <summary>DEC, IDEC or DSSEC.</summary>
    public DecVariant Variant { get; init; } = DecVariant.Dec;

    /// <summary>Mini-batch steps between two refreshes of the target distribution over the whole data set.</summary>
    public int UpdateInterval { get; init; } = Defaults.UpdateInterval;

    /// <summary>Stop when, at a refresh after the first, fewer than this fraction of labels changed since the previous refresh; in [0, 1] (0 never stops early).</summary>
    public double Tolerance { get; init; } = Defaults.Tolerance;

    /// <summary>The cap on mini-batch steps.</summary>
    public int MaxIterations { get; init; } = Defaults.MaxIterations;

    /// <summary>Rows per mini-batch; the last batch of a pass may be smaller.</summary>
    public int BatchSize { get; init; } = Defaults.BatchSize;

    /// <summary>The weight γ of the clustering loss for IDEC and DSSEC; DEC ignores it.</summary>
    public double Gamma { get; init; } = Defaults.Gamma;

    /// <summary>The degrees of freedom α of the Student's t kernel.</summary>
    public double Alpha { get; init; } = Defaults.Alpha;

    /// <summary>The optimizer; null takes the variant's (<see cref="Defaults.OptimizerFor"/>).</summary>
    public OptimizerKind? Optimizer { get; init; }

    /// <summary>The optimizer's learning rate; null takes the default for the variant and optimizer (<see cref="Defaults.LearningRateFor"/>).</summary>
    public float? LearningRate { get; init; }

    /// <summary>SGD's momentum, in [0, 1); null takes the variant's (<see cref="Defaults.SgdMomentumFor"/>). Only for SGD.</summary>
    public float? Momentum { get; init; }

    /// <summary>IDEC's and DSSEC's reconstruction loss: mean squared error, as the IDEC code's <c>'mse'</c>; DEC ignores it.</summary>
    public ReconstructionLossKind ReconstructionLoss { get; init; } = ReconstructionLossKind.MeanSquaredError;

    /// <summary>
    /// Whether each pass over the data visits the rows in a new random order drawn from <see cref="RefinementContext.Seed"/>.
    /// Off by default: DEC-keras and the IDEC code take the batches in the data's order.
    /// </summary>
    public bool Shuffle { get; init; }

    /// <summary>The optimizer that will run: <see cref="Optimizer"/> or the variant's.</summary>
    internal OptimizerKind ResolvedOptimizer => Optimizer ?? Defaults.OptimizerFor(Variant);

    /// <summary>The learning rate that will run.</summary>
    internal float ResolvedLearningRate => LearningRate ?? Defaults.LearningRateFor(Variant, ResolvedOptimizer);

    /// <summary>The SGD momentum that will run.</summary>
    internal float ResolvedMomentum => Momentum ?? Defaults.SgdMomentumFor(Variant);

    /// <summary>Whether the variant trains the decoder with a reconstruction loss (IDEC, DSSEC).</summary>
    internal bool UsesReconstruction => Variant != DecVariant.Dec;

    /// <summary>Throws an exception that names the first option out of range.</summary>
    internal void Validate()
    {
        if (!Enum.IsDefined(Variant))
        {
            throw new ArgumentOutOfRangeException(nameof(Variant), Variant, "Unknown DEC variant.");
        }

        if (UpdateInterval <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(UpdateInterval), UpdateInterval, "The update interval must be positive.");
        }

        if (!(Tolerance >= 0 && Tolerance <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "The tolerance is a fraction of labels, in [0, 1].");
        }

        if (MaxIterations <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "The iteration cap must be positive.");
        }

        if (BatchSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "The batch size must be positive.");
        }

        if (!(Gamma > 0) || !double.IsFinite(Gamma) || !float.IsFinite((float)Gamma))
        {
            throw new ArgumentOutOfRangeException(nameof(Gamma), Gamma, "The clustering loss weight γ must be positive and finite.");
        }

        if (!(Alpha > 0) || !double.IsFinite(Alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "The Student's t degrees of freedom α must be positive and finite.");
        }

        OptimizerSettingsValidation.Check(ResolvedOptimizer, LearningRate, Momentum);

        if (!Enum.IsDefined(ReconstructionLoss))
        {
            throw new ArgumentOutOfRangeException(nameof(ReconstructionLoss), ReconstructionLoss, "Unknown reconstruction loss.");
        }
    }
}
