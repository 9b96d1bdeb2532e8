using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Networks;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Training;
using Microsoft.Extensions.Logging;

namespace DeepClustering.Refiners.EmbeddedKMeans;

/// <summary>
/// Deep embedded k-means (DEKM: Guo, Lin and Ye, ICDMW 2021; section 3 of the Korean analysis paper): alternates
/// a k-means clustering of the embeddings with training of the encoder so that, along the direction in which the
/// clusters are widest, every sample moves towards its centre.
/// </summary>
/// <remarks>
/// <para>At each refresh (iteration 0, then every <see cref="EmbeddedKMeansRefinerOptions.UpdateInterval"/> steps,
/// and at the cap): embed every sample, cluster the embeddings with k-means, form the within-cluster scatter S_w
/// and its eigenvectors V (ascending eigenvalues), rotate the embeddings and centres (Y = ZV, M = UV) and fix the
/// target of every sample, Y with its last coordinate — the direction of the largest eigenvalue — replaced by its
/// centre's (<see cref="DekmRefresh"/>). Between refreshes, each step takes a mini-batch
/// (<see cref="DekmBatchCursor"/>), computes <c>‖f(x)V − T‖²</c> and its gradient (<see cref="DekmLoss"/>),
/// back-propagates it through the encoder and takes an Adam step on the encoder's parameters (the network's trainer, with
/// this loss as its head, <see cref="DekmHead"/>); DEKM has no
/// trainable centres and the decoder is not used.</para>
/// <para>Stopping: after matching the new clusters to the previous ones (Hungarian algorithm,
/// <see cref="AssignmentMatching"/>), the refinement stops when at most
/// <see cref="EmbeddedKMeansRefinerOptions.Tolerance"/> of the samples changed cluster, never at the first refresh
/// (there is nothing to compare with), or when <see cref="EmbeddedKMeansRefinerOptions.MaxIterations"/> steps
/// have been taken.</para>
/// <para>The first refresh uses the context's initial clustering (<see cref="RefinementContext.InitialLabels"/>
/// and <see cref="RefinementContext.InitialCenters"/>: the pipeline's clustering of the pretrained embeddings,
/// DEKM.py's first <c>KMeans(n_init=100)</c>) instead of clustering the same embeddings again. Later refreshes run
/// k-means (<see cref="DekmReclustering"/>) with DEKM.py's number of initialisations
/// (<see cref="KMeansInitializationSchedule"/>): <see cref="EmbeddedKMeansRefinerOptions.KMeansInitializationCount"/>
/// for the first re-clustering, whose predecessor's iteration count the context does not carry, then
/// <see cref="EmbeddedKMeansRefinerOptions.KMeansInitializationsPerIteration"/> per Lloyd iteration of the
/// previous run.</para>
/// <para>Differences from DEKM.py, each deliberate: a last refresh is made at the iteration cap, so the returned
/// centres and labels describe the returned encoder (DEKM.py keeps those of its last refresh, 40 steps earlier);
/// the loss reported per refresh is the mean over the steps since the previous refresh of the per-element mean
/// squared error (DEKM.py logs that of the last batch only); steps run in training mode (DEKM.py calls
/// <c>model(x[idx])</c>, Keras' inference mode, which matters only for dropout or batch normalisation, neither of
/// which its network has).</para>
/// <para>Randomness: <see cref="RefinementContext.Seed"/> fixes the batch order and the seeds of the k-means runs,
/// so the same seed, encoder and data give the same result.</para>
/// </remarks>
public sealed class EmbeddedKMeansRefiner : IClusterRefiner
{
    /// <summary>Creates the refiner with the given options (DEKM.py's defaults when none are given).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the exception names it.</exception>
    public EmbeddedKMeansRefiner(EmbeddedKMeansRefinerOptions? options = null)
    {
        Options = options ?? new EmbeddedKMeansRefinerOptions();
        Options.Validate();
    }

    /// <summary>The options.</summary>
    public EmbeddedKMeansRefinerOptions Options { get; }

    /// <inheritdoc />
    public string Name => "dekm";

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The context's inputs, centres or labels do not fit the encoder.</exception>
    /// <exception cref="InvalidOperationException">The loss stopped being finite.</exception>
    /// <exception cref="RefinementCanceledException">
    /// Cancelled; checked before every step and during k-means. It carries the centres and labels of the last refresh.
    /// </exception>
    public RefinementResult Refine(RefinementContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (samples, dimension, clusterCount) = CheckContext(context);
        var network = context.Network;
        var logger = context.Logger;
        var random = new RandomGenerator(context.Seed);
        var cursor = new DekmBatchCursor(random.Permutation(samples), Math.Min(Options.BatchSize, samples));
        var trainerOptions = new NetworkTrainerOptions
        {
            Optimizer = OptimizerKind.Adam,
            LearningRate = Options.LearningRate,
            AdamEpsilon = Options.AdamEpsilon,
            ReconstructionWeight = 0f,                        // DEKM trains the encoder alone; the decoder is not used
        };

        int? previousKMeansIterations = null;
        int iteration = 0;
        bool converged = false;
        double lossSum = 0;
        int lossSteps = 0;
        DekmHead head;
        using (var trainer = network.CreateTrainer(context.Inputs, trainerOptions))
        {
            head = new DekmHead
            {
                Refresh = DekmRefresh.Create(Embeddings(trainer, samples, dimension), context.InitialLabels.ToArray(),
                    new DataMatrix(context.InitialCenters.ToArray(), clusterCount, dimension)),
            };
            Report(context, 0, null, null, head.Refresh.Labels);
            logger.LogInformation("DEKM refresh at iteration 0/{MaxIterations}: initial clustering, largest within-cluster eigenvalue {Eigenvalue:G6}, {Backend} on {Device}",
                Options.MaxIterations, head.Refresh.Basis.EigenValues[dimension - 1], network.BackendName, network.Device);

            while (!converged && iteration < Options.MaxIterations)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    throw Stopped(head, iteration, new OperationCanceledException(cancellationToken));
                }

                var rows = cursor.Next();
                double loss = trainer.Step(rows, head).Head;
                if (!double.IsFinite(loss))
                {
                    throw new InvalidOperationException(
                        $"The embedded k-means loss became {loss} at iteration {iteration + 1}; lower the learning rate or check the data.");
                }

                iteration++;
                lossSum += loss / rows.Length;
                lossSteps++;
                context.Progress?.Report(new DeepClusteringProgress(TrainingPhase.Refinement, iteration, Options.MaxIterations, loss / rows.Length, null)
                {
                    TotalIsUpperBound = true,
                });

                if (iteration % Options.UpdateInterval != 0 && iteration != Options.MaxIterations)
                {
                    continue;
                }

                int initializations = KMeansInitializationSchedule.Next(previousKMeansIterations,
                    Options.KMeansInitializationCount, Options.KMeansInitializationsPerIteration);
                var all = Embeddings(trainer, samples, dimension);
                KMeansModel kmeans;
                try
                {
                    kmeans = DekmReclustering.Create(Options.Reclustering, clusterCount, initializations, unchecked((long)random.NextUInt64()))
                        .Fit(all, cancellationToken);
                }
                catch (OperationCanceledException stopped)
                {
                    throw Stopped(head, iteration, stopped);
                }

                previousKMeansIterations = kmeans.Iterations;
                var labels = kmeans.Labels.ToArray();
                var change = AssignmentMatching.Compare(head.Refresh.Labels, labels, clusterCount);
                head.Refresh = DekmRefresh.Create(all, labels, kmeans.Centers);
                converged = change.HasConverged(Options.Tolerance);

                double meanLoss = lossSum / lossSteps;
                Report(context, iteration, meanLoss, change.ChangedFraction, labels);
                logger.LogInformation(
                    "DEKM refresh at iteration {Iteration}/{MaxIterations}: loss {Loss:G6}, {Changed} of {Samples} assignments changed ({Fraction:P2}), k-means with {Initializations} initialisations took {KMeansIterations} iterations",
                    iteration, Options.MaxIterations, meanLoss, change.ChangedCount, samples, change.ChangedFraction, initializations, kmeans.Iterations);
                lossSum = 0;
                lossSteps = 0;
            }
        }

        logger.LogInformation(converged
                ? "DEKM stopped at iteration {Iteration}: at most {Tolerance:P2} of the assignments changed"
                : "DEKM stopped at the iteration cap {Iteration} before fewer than {Tolerance:P2} of the assignments changed",
            iteration, Options.Tolerance);
        return new RefinementResult(head.Refresh.Centres, head.Refresh.Labels, iteration, converged);
    }

    /// <summary>
    /// The cancellation with the state of the last completed step: the network as that step left it, and the centres
    /// and labels of the last refresh (the targets the step trained towards).
    /// </summary>
    private static RefinementCanceledException Stopped(DekmHead head, int iteration, OperationCanceledException stopped) =>
        new(new RefinementResult(head.Refresh.Centres, head.Refresh.Labels, iteration, false), stopped);

    /// <summary>Every sample's embedding, as an n × d matrix.</summary>
    private static DataMatrix Embeddings(INetworkTrainer trainer, int samples, int dimension) =>
        new(trainer.EmbedAll(), samples, dimension);

    /// <summary>One history record and one progress report for a refresh; the initial one (iteration 0) has no loss yet.</summary>
    private void Report(RefinementContext context, int iteration, double? loss, double? changed, int[] labels)
    {
        var record = context.History.Add(TrainingPhase.Refinement, iteration, loss, changed, labels);
        context.Progress?.Report(new DeepClusteringProgress(TrainingPhase.Refinement, iteration, Options.MaxIterations, loss ?? 0, changed)
        {
            TotalIsUpperBound = true,
            IsRefresh = true,
            Accuracy = record.Accuracy,
        });
    }

    /// <summary>Checks that the context's parts fit each other; returns n, d and k.</summary>
    private static (int Samples, int Dimension, int ClusterCount) CheckContext(RefinementContext context)
    {
        var encoder = context.Network ?? throw new ArgumentException("The context has no network.", nameof(context));
        NetworkInputs.Require(encoder, context.Inputs, nameof(context));
        int samples = context.Inputs.Rows;
        int dimension = encoder.EmbeddingDimension;
        if (samples == 0)
        {
            throw new ArgumentException("The context's inputs hold no samples.", nameof(context));
        }

        var centres = context.InitialCenters ?? throw new ArgumentException("The context has no initial centres.", nameof(context));
        if (centres.Length == 0 || centres.Length % dimension != 0)
        {
            throw new ArgumentException(
                $"The initial centres hold {centres.Length} values, not whole rows of the embedding dimension {dimension}.", nameof(context));
        }

        int clusterCount = centres.Length / dimension;
        if (clusterCount > samples)
        {
            throw new ArgumentException($"{clusterCount} clusters cannot be formed from {samples} samples.", nameof(context));
        }

        DekmArguments.RequireLabels(context.InitialLabels, samples, clusterCount, nameof(context));
        return (samples, dimension, clusterCount);
    }
}
