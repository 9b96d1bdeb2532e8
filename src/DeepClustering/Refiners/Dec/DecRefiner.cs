using DeepClustering.Encoders;
using DeepClustering.Pipeline;
using DeepClustering.Tensors;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Losses;
using DeepClustering.Tensors.NN.Regularization;
using DeepClustering.Tensors.Optimizers;
using DeepClustering.Tensors.Randomness;
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
/// trained with the encoder by one optimizer. At iteration 0 and every <see cref="DecRefinerOptions.UpdateInterval"/>
/// mini-batch steps the whole data set is embedded, its soft assignments Q and the target P (DEC eq. 3) are recomputed,
/// and the hard labels argmax Q are compared with those of the previous refresh (the first with
/// <see cref="RefinementContext.InitialLabels"/>); a history record is added, progress reported and a line logged.
/// Training stops at a refresh after the first where the fraction of changed labels is below
/// <see cref="DecRefinerOptions.Tolerance"/> (converged), or at <see cref="DecRefinerOptions.MaxIterations"/> steps, where
/// a last refresh gives the final labels. Between refreshes each step trains one mini-batch, taken in order over the data
/// and wrapping around (<see cref="InOrderBatches"/>), against its rows of P: KL(P‖Q) for DEC, the reconstruction loss
/// plus γ·KL(P‖Q) for IDEC and DSSEC (<see cref="DecBatchStep"/>).
/// </para>
/// <para>
/// The encoder is refined in place (and the decoder, for IDEC and DSSEC); the result carries the final centres and
/// labels. Cancellation is checked before every mini-batch and every refresh. With <see cref="DecRefinerOptions.Shuffle"/>
/// off (the default) nothing is random; with it on, the batch order comes from <see cref="RefinementContext.Seed"/>.
/// </para>
/// </remarks>
public sealed class DecRefiner : IClusterRefiner
{
    private readonly Func<double>? _additionalLoss;

    /// <summary>Creates the refiner.</summary>
    /// <param name="options">The options; DEC's defaults when null.</param>
    /// <param name="additionalLoss">
    /// Optional: reads the loss terms that the encoder's own modules computed in the last forward pass and already
    /// back-propagate themselves, such as DSSEC's sparsity penalty β·Σ_j KL(ρ‖ρ̂_j) on the hidden layers. It is called once
    /// per mini-batch, right after the forward pass, and its value is added to the reported loss (it changes no gradient).
    /// Null reads the activity regularisers found in the encoder (the sparsity penalties of a stacked sparse
    /// autoencoder), which is zero for an encoder without any.
    /// </param>
    public DecRefiner(DecRefinerOptions? options = null, Func<double>? additionalLoss = null)
    {
        options ??= new DecRefinerOptions();
        options.Validate();
        Options = options;
        _additionalLoss = additionalLoss;
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
    public RefinementResult Refine(RefinementContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var encoder = context.Encoder ?? throw new ArgumentException("The context has no encoder.", nameof(context));
        var inputs = context.Inputs ?? throw new ArgumentException("The context has no inputs.", nameof(context));
        _ = context.History ?? throw new ArgumentException("The context has no history.", nameof(context));
        int clusters = CheckContext(context);
        int rows = inputs.Size(0);
        var backend = encoder.Backend;

        var clusteringLayer = new ClusteringLayer(backend, clusters, encoder.EmbeddingDimension, Options.Alpha);
        clusteringLayer.SetCenters(context.InitialCenters);
        bool reconstructs = Options.UsesReconstruction;
        var optimizer = CreateOptimizer(TrainedParameters(encoder, clusteringLayer, reconstructs));
        Loss? reconstructionLoss = !reconstructs ? null
            : Options.ReconstructionLoss == ReconstructionLossKind.MeanSquaredError ? new MeanSquaredErrorLoss(backend)
            : new BinaryCrossEntropyWithLogitsLoss(backend);
        float clusteringLossWeight = reconstructs ? (float)Options.Gamma : 1f;
        var step = new DecBatchStep(encoder.Encoder, encoder.Decoder, clusteringLayer, reconstructionLoss, clusteringLossWeight);
        var targets = new DecTargets(clusteringLayer, rows);
        var batches = new InOrderBatches(rows, Options.BatchSize, Options.Shuffle ? new RandomGenerator(context.Seed) : null);

        var batchShape = inputs.Shape.ToArray();
        batchShape[0] = batches.MaxBatchSize;
        var batch = new Tensor(backend, batchShape);
        var batchTargets = new Tensor(backend, batches.MaxBatchSize, clusters);
        var labels = new int[rows];
        var previousLabels = (int[])context.InitialLabels.Clone();
        var sums = new LossSums();

        context.Logger.LogInformation(
            "{Refiner}: {Rows} rows, {Clusters} clusters, batch {BatchSize}, update interval {UpdateInterval}, tolerance {Tolerance}, at most {MaxIterations} iterations, {Optimizer} lr {LearningRate}",
            Name, rows, clusters, batches.MaxBatchSize, Options.UpdateInterval, Options.Tolerance, Options.MaxIterations,
            Options.ResolvedOptimizer, Options.ResolvedLearningRate);

        var regularizers = ActivityRegularization.FindAll(encoder.Encoder);
        var additionalLoss = _additionalLoss ?? (regularizers.Count == 0 ? null : () => ActivityRegularization.TotalPenalty(regularizers));
        var trainedModules = reconstructs ? new[] { encoder.Encoder, encoder.Decoder } : [encoder.Encoder];
        var trainingModes = trainedModules.Select(m => m.IsTraining).ToArray();
        bool inputGradient = encoder.Encoder.InputGradientRequired;
        int iteration = 0;
        bool converged = false;
        try
        {
            encoder.Encoder.InputGradientRequired = false;
            foreach (var module in trainedModules)
            {
                module.Train();                                        // dropout on while training; Embed switches to evaluation and back
            }

            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (iteration % Options.UpdateInterval == 0 || iteration == Options.MaxIterations)
                {
                    targets.Refresh(encoder, inputs, labels);
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

                var rowsOfBatch = batches.Next();
                int count = rowsOfBatch.Length;
                batchShape[0] = count;
                batch.Resize(batchShape);
                batchTargets.Resize([count, clusters]);
                backend.GatherRows(inputs, rowsOfBatch, batch);
                backend.GatherRows(targets.Target, rowsOfBatch, batchTargets);

                optimizer.ZeroGradient();
                var losses = step.Run(batch, batchTargets);
                double additional = additionalLoss?.Invoke() ?? 0.0;
                double total = losses.Total + additional;
                if (!double.IsFinite(total))
                {
                    throw new InvalidOperationException(
                        $"The {Name} loss became {total} at iteration {iteration}; lower the learning rate or check the data and the initial centres.");
                }

                optimizer.Step();
                sums.Add(losses, additional, total, count);
                iteration++;
            }
        }
        finally
        {
            encoder.Encoder.InputGradientRequired = inputGradient;
            for (int m = 0; m < trainedModules.Length; m++)
            {
                trainedModules[m].Train(trainingModes[m]);
            }
        }

        context.Logger.LogInformation("{Refiner}: {Outcome} after {Iterations} iterations",
            Name, converged ? "converged" : "stopped at the iteration cap", iteration);
        return new RefinementResult(clusteringLayer.Centers.Value.ToArray(), previousLabels, iteration, converged);
    }

    /// <summary>Adds the history record of a refresh, reports progress and logs it.</summary>
    private void Record(RefinementContext context, int iteration, LossSums sums, double changed, int[] labels)
    {
        var record = context.History.Add(TrainingPhase.Refinement, iteration, sums.MeanTotal, changed, labels);
        context.Progress?.Report(new DeepClusteringProgress(TrainingPhase.Refinement, iteration, Options.MaxIterations, sums.MeanTotal, changed));
        context.Logger.LogInformation(
            "{Refiner} iteration {Iteration}/{MaxIterations}: loss {Loss:G6} (clustering {ClusteringLoss:G6}, reconstruction {ReconstructionLoss:G6}, additional {AdditionalLoss:G6}), labels changed {LabelsChanged:G4}, ACC {Accuracy}, NMI {Nmi}, ARI {Ari}",
            Name, iteration, Options.MaxIterations, record.Loss, sums.MeanClustering, sums.MeanReconstruction, sums.MeanAdditional, changed,
            record.Accuracy, record.NormalizedMutualInformation, record.AdjustedRandIndex);
    }

    /// <summary>Checks the context against the encoder and returns the number of clusters.</summary>
    private static int CheckContext(RefinementContext context)
    {
        var encoder = context.Encoder;
        encoder.RequireInputShape(context.Inputs, nameof(context));
        if (!ReferenceEquals(context.Inputs.Backend, encoder.Backend))
        {
            throw new ArgumentException("The inputs live on another backend than the encoder.", nameof(context));
        }

        int rows = context.Inputs.Size(0);
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

    /// <summary>The encoder's, the centres' and (IDEC, DSSEC) the decoder's parameters, each once.</summary>
    private static List<Parameter> TrainedParameters(IEncoder encoder, ClusteringLayer clusteringLayer, bool withDecoder)
    {
        var parameters = new List<Parameter>(encoder.Encoder.Parameters());
        if (withDecoder)
        {
            parameters.AddRange(encoder.Decoder.Parameters());
        }

        parameters.AddRange(clusteringLayer.Parameters());
        return parameters.Distinct().ToList();
    }

    private Optimizer CreateOptimizer(IEnumerable<Parameter> parameters) => Options.ResolvedOptimizer switch
    {
        // torch.optim.SGD's momentum (b ← μb + g, θ ← θ − lr·b) takes the same steps as Keras' (v ← μv − lr·g, θ ← θ + v) at a constant lr.
        OptimizerKind.Sgd => new Sgd(parameters, new SgdOptions { LearningRate = Options.ResolvedLearningRate, Momentum = Options.ResolvedMomentum }),
        _ => new Adam(parameters, new AdamOptions { LearningRate = Options.ResolvedLearningRate }),
    };

    /// <summary>Sums of the batch losses since the last record, weighted by the rows of each batch.</summary>
    private sealed class LossSums
    {
        private double _clustering;
        private double _reconstruction;
        private double _additional;
        private double _total;
        private long _rows;

        public double MeanTotal => Mean(_total);

        public double MeanClustering => Mean(_clustering);

        public double MeanReconstruction => Mean(_reconstruction);

        public double MeanAdditional => Mean(_additional);

        public void Add(DecBatchLosses losses, double additional, double total, int rows)
        {
            _clustering += losses.Clustering * rows;
            _reconstruction += losses.Reconstruction * rows;
            _additional += additional * rows;
            _total += total * rows;
            _rows += rows;
        }

        // No batch yet (the refresh at iteration 0): 0, as DEC-keras and the IDEC code log `loss = 0` there.
        private double Mean(double sum) => _rows == 0 ? 0.0 : sum / _rows;
    }
}
