using DeepClustering.Networks;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Training;
using Microsoft.Extensions.Logging;

namespace DeepClustering.Refiners.Dec;

/// <summary>
/// Trains an encoder and DEC's cluster centres together: DEC (Xie, Girshick and Farhadi, ICML 2016), IDEC (Guo, Gao, Liu
/// and Yin, IJCAI 2017) or DSSEC (Cai, Wang and Guo, 2021), chosen by <see cref="DecRefinerOptions.Variant"/>, in the
/// loop of DEC-keras' <c>DEC.fit</c> and the IDEC code's <c>IDEC.clustering</c>.
/// </summary>
/// <remarks>
/// <para>
/// The centres start at <see cref="RefinementContext.InitialCenters"/> (k-means on the pretrained embeddings) and are
/// trained with the encoder, by an optimizer of their own of the same kind and settings (<see cref="CentreOptimizer"/>;
/// per-element rules, so the same steps as DEC-keras' one optimizer over both). At iteration 0 and every <see cref="DecRefinerOptions.UpdateInterval"/>
/// mini-batch steps the whole data set is embedded, its soft assignments Q and the target P (DEC eq. 3) are recomputed,
/// and the hard labels argmax Q are compared with those of the previous refresh (the first with
/// <see cref="RefinementContext.InitialLabels"/>); a history record is added, progress reported and a line logged.
/// Training stops at a refresh after the first where the fraction of changed labels is below
/// <see cref="DecRefinerOptions.Tolerance"/> (converged), or at <see cref="DecRefinerOptions.MaxIterations"/> steps, where
/// a last refresh gives the final labels. Between refreshes each step trains one mini-batch, taken in order over the data
/// and wrapping around (<see cref="InOrderBatches"/>), against its rows of P: KL(P‖Q) for DEC, the reconstruction loss
/// plus γ·KL(P‖Q) for IDEC and DSSEC: the network's trainer runs the batch and the reconstruction, the head
/// (<see cref="DecClusteringHead"/>) gives ∂KL/∂z and ∂KL/∂μ on the host. A stacked sparse encoder's penalties (DSSEC)
/// join the loss inside the network, and are reported in its terms.
/// </para>
/// <para>
/// The encoder is refined in place (and the decoder, for IDEC and DSSEC); the result carries the final centres and
/// labels. Cancellation is checked before every mini-batch and every refresh. With <see cref="DecRefinerOptions.Shuffle"/>
/// off (the default) nothing is random; with it on, the batch order comes from <see cref="RefinementContext.Seed"/>.
/// </para>
/// </remarks>
public sealed class DecRefiner : IClusterRefiner
{
    /// <summary>Creates the refiner.</summary>
    /// <param name="options">The options; DEC's defaults when null.</param>
    public DecRefiner(DecRefinerOptions? options = null)
    {
        options ??= new DecRefinerOptions();
        options.Validate();
        Options = options;
    }

    /// <summary>The options.</summary>
    public DecRefinerOptions Options { get; }

    /// <inheritdoc />
    public string Name => Options.Variant switch
    {
        DecVariant.Idec => "idec",
        DecVariant.Dssec => "dssec",
        _ => "dec",
    };

    /// <inheritdoc />
    /// <exception cref="RefinementCanceledException">
    /// Cancelled; checked before every step. It carries the centres as of the last step and the last refresh's labels.
    /// </exception>
    public RefinementResult Refine(RefinementContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var network = context.Network ?? throw new ArgumentException("The context has no network.", nameof(context));
        var inputs = context.Inputs ?? throw new ArgumentException("The context has no inputs.", nameof(context));
        _ = context.History ?? throw new ArgumentException("The context has no history.", nameof(context));
        int clusters = CheckContext(context);
        int rows = inputs.Rows;

        bool reconstructs = Options.UsesReconstruction;
        float clusteringLossWeight = reconstructs ? (float)Options.Gamma : 1f;
        var head = new DecClusteringHead(context.InitialCenters, network.EmbeddingDimension, Options.Alpha, clusteringLossWeight,
            new CentreOptimizer(Options.ResolvedOptimizer, Options.ResolvedLearningRate, Options.ResolvedOptimizer == OptimizerKind.Sgd ? Options.ResolvedMomentum : 0f,
                context.InitialCenters.Length));
        var trainerOptions = new NetworkTrainerOptions
        {
            Optimizer = Options.ResolvedOptimizer,
            LearningRate = Options.ResolvedLearningRate,
            Momentum = Options.ResolvedOptimizer == OptimizerKind.Sgd ? Options.ResolvedMomentum : 0f,
            ReconstructionWeight = reconstructs ? 1f : 0f,
            ReconstructionLoss = Options.ReconstructionLoss,
            HeadWeight = clusteringLossWeight,
        };
        var batches = new InOrderBatches(rows, Options.BatchSize, Options.Shuffle ? new RandomGenerator(context.Seed) : null);
        var labels = new int[rows];
        var previousLabels = (int[])context.InitialLabels.Clone();
        var sums = new LossSums();

        context.Logger.LogInformation(
            "{Refiner}: {Rows} rows, {Clusters} clusters, batch {BatchSize}, update interval {UpdateInterval}, tolerance {Tolerance}, at most {MaxIterations} iterations, {Optimizer} lr {LearningRate}, {Backend} on {Device}",
            Name, rows, clusters, batches.MaxBatchSize, Options.UpdateInterval, Options.Tolerance, Options.MaxIterations,
            Options.ResolvedOptimizer, Options.ResolvedLearningRate, network.BackendName, network.Device);

        int iteration = 0;
        bool converged = false;
        using (var trainer = network.CreateTrainer(inputs, trainerOptions))
        {
            while (true)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    // The state of the last completed step: the network and centres it trained, the last refresh's labels.
                    throw new RefinementCanceledException(
                        new RefinementResult(head.Centres.ToArray(), previousLabels, iteration, false) { StudentTAlpha = Options.Alpha },
                        new OperationCanceledException(cancellationToken));
                }

                if (iteration % Options.UpdateInterval == 0 || iteration == Options.MaxIterations)
                {
                    head.Refresh(trainer.EmbedAll(), labels);
                    double changed = LabelChange.Fraction(previousLabels, labels);
                    labels.CopyTo(previousLabels, 0);
                    Record(context, iteration, sums, changed, labels);
                    sums = new LossSums();

                    // DEC-keras and IDEC: `if ite > 0 and delta_label < tol: break`; the first refresh compares with the
                    // initial clustering but never stops. At the cap the refresh only gives the final labels.
                    if (iteration > 0 && iteration < Options.MaxIterations && LabelChange.IsBelowTolerance(changed, Options.Tolerance))
                    {
                        converged = true;
                        break;
                    }

                    if (iteration == Options.MaxIterations)
                    {
                        break;
                    }
                }

                var batch = batches.Next();
                int count = batch.Length;
                var losses = trainer.Step(batch, head);
                if (!double.IsFinite(losses.Total))
                {
                    throw new InvalidOperationException(
                        $"The {Name} loss became {losses.Total} at iteration {iteration}; lower the learning rate or check the data and the initial centres.");
                }

                head.StepCentres();
                sums.Add(losses, count);
                iteration++;
                context.Progress?.Report(new DeepClusteringProgress(TrainingPhase.Refinement, iteration, Options.MaxIterations, losses.Total, null)
                {
                    TotalIsUpperBound = true,
                });
            }
        }

        context.Logger.LogInformation("{Refiner}: {Outcome} after {Iterations} iterations",
            Name, converged ? "converged" : "stopped at the iteration cap", iteration);
        return new RefinementResult(head.Centres.ToArray(), previousLabels, iteration, converged) { StudentTAlpha = Options.Alpha };
    }

    /// <summary>Adds the history record of a refresh, reports progress and logs it.</summary>
    private void Record(RefinementContext context, int iteration, LossSums sums, double changed, int[] labels)
    {
        // The refresh before the first batch has no loss yet: its record says so (null), its progress reports 0.
        var record = context.History.Add(TrainingPhase.Refinement, iteration, sums.HasRows ? sums.MeanTotal : null, changed, labels);
        context.Progress?.Report(new DeepClusteringProgress(TrainingPhase.Refinement, iteration, Options.MaxIterations, sums.MeanTotal, changed)
        {
            TotalIsUpperBound = true,
            IsRefresh = true,
            Accuracy = record.Accuracy,
        });
        context.Logger.LogInformation(
            "{Refiner} iteration {Iteration}/{MaxIterations}: loss {Loss:G6} (clustering {ClusteringLoss:G6}, reconstruction {ReconstructionLoss:G6}, additional {AdditionalLoss:G6}), labels changed {LabelsChanged:G4}, ACC {Accuracy}, NMI {Nmi}, ARI {Ari}",
            Name, iteration, Options.MaxIterations, record.Loss, sums.MeanClustering, sums.MeanReconstruction, sums.MeanAdditional, changed,
            record.Accuracy, record.NormalizedMutualInformation, record.AdjustedRandIndex);
    }

    /// <summary>Checks the context against the encoder and returns the number of clusters.</summary>
    private static int CheckContext(RefinementContext context)
    {
        var encoder = context.Network;
        NetworkInputs.Require(encoder, context.Inputs, nameof(context));
        int rows = context.Inputs.Rows;
        if (rows == 0)
        {
            throw new ArgumentException("There are no inputs to refine on.", nameof(context));
        }

        int dimension = encoder.EmbeddingDimension;
        var centers = context.InitialCenters ?? throw new ArgumentException("The context has no initial centres.", nameof(context));
        if (centers.Length == 0 || centers.Length % dimension != 0)
        {
            throw new ArgumentException(
                $"The initial centres hold {centers.Length} values, not a positive number of rows of the embedding dimension {dimension}.",
                nameof(context));
        }

        int clusters = centers.Length / dimension;
        var labels = context.InitialLabels ?? throw new ArgumentException("The context has no initial labels.", nameof(context));
        if (labels.Length != rows)
        {
            throw new ArgumentException($"There are {labels.Length} initial labels for {rows} inputs.", nameof(context));
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)clusters)
            {
                throw new ArgumentException($"Initial label {i} is {labels[i]}; labels must be in 0 … {clusters - 1}.", nameof(context));
            }
        }

        return clusters;
    }

    /// <summary>Sums of the batch losses since the last record, weighted by the rows of each batch.</summary>
    private sealed class LossSums
    {
        private double _clustering;
        private double _reconstruction;
        private double _additional;
        private double _total;
        private long _rows;

        public double MeanTotal => Mean(_total);

        public bool HasRows => _rows > 0;

        public double MeanClustering => Mean(_clustering);

        public double MeanReconstruction => Mean(_reconstruction);

        public double MeanAdditional => Mean(_additional);

        public void Add(NetworkStepLosses losses, int rows)
        {
            _clustering += losses.Head * rows;
            _reconstruction += losses.Reconstruction * rows;
            _additional += losses.Regularization * rows;
            _total += losses.Total * rows;
            _rows += rows;
        }

        // No batch yet (the refresh at iteration 0): 0, as DEC-keras and the IDEC code log `loss = 0` there.
        private double Mean(double sum) => _rows == 0 ? 0.0 : sum / _rows;
    }
}
