using DeepClustering.Data;
using DeepClustering.Networks.Managed;
using DeepClustering.Networks;
using DeepClustering.Pipeline;
using DeepClustering.Refiners.Dec;
using DeepClustering.Refiners;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Training;
using DeepClustering;

namespace DeepClustering.Tests.Refiners.Dec;

/// <summary>
/// The DEC, IDEC and DSSEC training loop on small blobs through a tiny pretrained dense autoencoder: it improves a
/// mediocre clustering, stops by its rule, is reproducible, keeps the decoder for IDEC, reports per refresh, and stops
/// when cancelled.
/// </summary>
public sealed class DecRefinerTests : IDisposable
{
    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 1 });

    public void Dispose() => _backend.Dispose();

    /// <summary>Short refreshes and small batches, so 300 rows see many refreshes in a fraction of a second.</summary>
    private static DecRefinerOptions Quick(DecVariant variant = DecVariant.Dec, int maxIterations = 400, double tolerance = 1e-3) => new()
    {
        Variant = variant,
        UpdateInterval = 10,
        BatchSize = 64,
        MaxIterations = maxIterations,
        Tolerance = tolerance,
    };

    [Fact]
    public void Dec_improves_a_mediocre_clustering_of_noisy_blobs()
    {
        // Overlapping-but-separable blobs; one Lloyd iteration from one random start gives ACC 0.73.
        var scenario = DecScenario.Create(_backend, separation: 2.0, kMeansIterations: 1, seed: 2);
        double initial = scenario.Accuracy(scenario.InitialLabels);
        Assert.InRange(initial, 0.5, 0.85);

        var context = scenario.Context();
        var result = new DecRefiner(Quick()).Refine(context);

        double final = scenario.Accuracy(result.Labels);
        Assert.True(final >= initial && final >= 0.95, $"ACC went from {initial:F3} to {final:F3}");
        Assert.Equal(final, context.History.Records[^1].Accuracy!.Value, 1e-12);
        Assert.True(result.Converged);
    }

    [Fact]
    public void The_stopping_rule_fires_before_the_cap_on_easy_data_with_the_reference_defaults()
    {
        var scenario = DecScenario.Create(_backend, separation: 4.0, seed: 1);
        var context = scenario.Context();
        var result = new DecRefiner().Refine(context);

        Assert.True(result.Converged);
        Assert.InRange(result.Iterations, DecRefinerOptions.Defaults.UpdateInterval, DecRefinerOptions.Defaults.MaxIterations - 1);
        Assert.Equal(0, result.Iterations % DecRefinerOptions.Defaults.UpdateInterval);
        var last = context.History.Records[^1];
        Assert.Equal(result.Iterations, last.Step);
        Assert.True(last.LabelsChanged < DecRefinerOptions.Defaults.Tolerance);
        Assert.Equal(1.0, scenario.Accuracy(result.Labels));
    }

    [Fact]
    public void The_first_refresh_never_stops_training_even_when_no_label_changed()
    {
        var scenario = DecScenario.Create(_backend, separation: 4.0, seed: 1);
        var context = scenario.Context();
        var result = new DecRefiner(Quick()).Refine(context);

        Assert.Equal(0.0, context.History.Records[0].LabelsChanged);       // k-means labels are the nearest centres'
        Assert.True(result.Converged);
        Assert.True(result.Iterations >= 10);
    }

    [Fact]
    public void The_final_labels_are_the_argmax_of_q_at_the_final_centres_also_at_the_cap()
    {
        var scenario = DecScenario.Create(_backend, separation: 2.0, kMeansIterations: 1, seed: 2);
        var centres = (float[])scenario.InitialCenters.Clone();
        var result = new DecRefiner(Quick(maxIterations: 25, tolerance: 0)).Refine(scenario.Context());

        Assert.False(result.Converged);
        Assert.Equal(25, result.Iterations);
        Assert.Equal(centres, scenario.InitialCenters);                     // the context's centres are not written to
        Assert.NotEqual(centres, result.Centers);
        var embeddings = scenario.Encoder.Embed(scenario.Inputs);
        var q = new float[scenario.Inputs.Size(0) * scenario.ClusterCount];
        StudentTAssignment.Compute(embeddings, result.Centers, scenario.Encoder.EmbeddingDimension, 1.0, q);
        Assert.Equal(HardLabels.FromAssignments(q, scenario.ClusterCount), result.Labels);
    }

    [Fact]
    public void The_same_seed_gives_identical_results_and_another_seed_does_not()
    {
        (RefinementResult Result, IReadOnlyList<TrainingRecord> Records, float[] Weights) Run(long seed)
        {
            var scenario = DecScenario.Create(_backend, separation: 2.0, kMeansIterations: 1, seed: 2);
            var options = new DecRefinerOptions { Variant = DecVariant.Idec, UpdateInterval = 10, BatchSize = 64, MaxIterations = 60, Tolerance = 0, Shuffle = true };
            var context = scenario.Context(seed: seed);
            var result = new DecRefiner(options).Refine(context);
            return (result, context.History.Records, scenario.Encoder.Parameters().SelectMany(p => p.Value.ToArray()).ToArray());
        }

        var first = Run(5);
        var again = Run(5);
        Assert.Equal(first.Result.Centers, again.Result.Centers);
        Assert.Equal(first.Result.Labels, again.Result.Labels);
        Assert.Equal(first.Result.Iterations, again.Result.Iterations);
        Assert.Equal(first.Records, again.Records);
        Assert.Equal(first.Weights, again.Weights);

        var other = Run(6);                                               // another batch order
        Assert.NotEqual(first.Result.Centers, other.Result.Centers);
    }

    [Fact]
    public void Idec_keeps_the_reconstruction_error_lower_than_dec_by_training_the_decoder()
    {
        double Refine(DecVariant variant, out bool decoderChanged)
        {
            var scenario = DecScenario.Create(_backend, separation: 2.0, kMeansIterations: 1, seed: 2);
            var decoder = scenario.Encoder.Decoder.Parameters().SelectMany(p => p.Value.ToArray()).ToArray();
            // The same optimizer for both, so only the loss differs.
            var options = new DecRefinerOptions
            {
                Variant = variant, UpdateInterval = 10, BatchSize = 64, MaxIterations = 200, Tolerance = 0, Optimizer = OptimizerKind.Adam,
            };
            var result = new DecRefiner(options).Refine(scenario.Context());
            Assert.Equal(200, result.Iterations);
            decoderChanged = !decoder.SequenceEqual(scenario.Encoder.Decoder.Parameters().SelectMany(p => p.Value.ToArray()));
            return scenario.ReconstructionError();
        }

        double pretrained = DecScenario.Create(_backend, separation: 2.0, kMeansIterations: 1, seed: 2).ReconstructionError();
        double dec = Refine(DecVariant.Dec, out bool decChangedDecoder);
        double idec = Refine(DecVariant.Idec, out bool idecChangedDecoder);

        Assert.False(decChangedDecoder);
        Assert.True(idecChangedDecoder);
        Assert.True(idec < dec, $"reconstruction error: IDEC {idec:G4}, DEC {dec:G4}");
        Assert.True(idec < 1.1 * pretrained, $"IDEC's reconstruction error {idec:G4} drifted from the pretrained {pretrained:G4}");
        Assert.True(dec > 1.5 * pretrained, $"DEC's reconstruction error {dec:G4} barely moved from the pretrained {pretrained:G4}");
    }

    [Fact]
    public void Dssec_on_an_encoder_without_penalties_trains_and_reports_as_idec()
    {
        (RefinementResult Result, IReadOnlyList<TrainingRecord> Records) Run(DecVariant variant)
        {
            var scenario = DecScenario.Create(_backend, separation: 2.0, kMeansIterations: 1, seed: 2);
            var context = scenario.Context();
            var result = new DecRefiner(Quick(variant, maxIterations: 40, tolerance: 0)).Refine(context);
            return (result, context.History.Records);
        }

        var idec = Run(DecVariant.Idec);
        var dssec = Run(DecVariant.Dssec);
        Assert.Equal(idec.Result.Centers, dssec.Result.Centers);
        Assert.Equal(idec.Result.Labels, dssec.Result.Labels);
        Assert.Null(dssec.Records[0].Loss);                                 // no batch before the first refresh
        Assert.Equal(idec.Records.Select(r => r.Loss), dssec.Records.Select(r => r.Loss));
    }

    [Fact]
    public void History_and_progress_have_one_entry_per_refresh_with_acc_only_when_monitoring()
    {
        var scenario = DecScenario.Create(_backend, separation: 2.0, kMeansIterations: 1, seed: 2);
        var reports = new List<DeepClusteringProgress>();
        var monitored = scenario.Context(progress: new SynchronousProgress<DeepClusteringProgress>(reports.Add));
        var options = new DecRefinerOptions { UpdateInterval = 5, BatchSize = 64, MaxIterations = 23, Tolerance = 0 };
        var result = new DecRefiner(options).Refine(monitored);

        int[] steps = [0, 5, 10, 15, 20, 23];                               // the last refresh is at the cap
        Assert.Equal(23, result.Iterations);
        Assert.False(result.Converged);
        Assert.Equal(steps, monitored.History.Records.Select(r => r.Step));
        Assert.All(monitored.History.Records, r =>
        {
            Assert.Equal(TrainingPhase.Refinement, r.Phase);
            Assert.NotNull(r.Accuracy);
            Assert.NotNull(r.NormalizedMutualInformation);
            Assert.NotNull(r.AdjustedRandIndex);
            Assert.NotNull(r.LabelsChanged);
        });
        Assert.Null(monitored.History.Records[0].Loss);
        Assert.All(monitored.History.Records.Skip(1), r => Assert.True(r.Loss > 0));
        Assert.Equal(scenario.Accuracy(result.Labels), monitored.History.Records[^1].Accuracy!.Value, 1e-12);
        var refreshes = reports.Where(p => p.IsRefresh).ToList();
        Assert.Equal(steps, refreshes.Select(p => p.Step));
        Assert.All(reports, p => Assert.Equal((TrainingPhase.Refinement, 23, true), (p.Phase, p.TotalSteps, p.TotalIsUpperBound)));
        // The progress reports 0 where the record has no loss yet (the initial refresh).
        Assert.Equal(monitored.History.Records.Select(r => (r.Loss ?? 0, r.LabelsChanged, r.Accuracy)),
            refreshes.Select(p => (p.Loss, p.LabelsChanged, p.Accuracy)));
        Assert.Equal(Enumerable.Range(1, 23), reports.Where(p => !p.IsRefresh).Select(p => p.Step));  // every step

        var unmonitoredScenario = DecScenario.Create(_backend, separation: 2.0, kMeansIterations: 1, seed: 2);
        var unmonitored = unmonitoredScenario.Context(monitor: false);
        new DecRefiner(options).Refine(unmonitored);
        Assert.Equal(steps, unmonitored.History.Records.Select(r => r.Step));
        Assert.All(unmonitored.History.Records, r =>
        {
            Assert.Null(r.Accuracy);
            Assert.Null(r.NormalizedMutualInformation);
            Assert.Null(r.AdjustedRandIndex);
        });
        Assert.Equal(monitored.History.Records.Select(r => (r.Loss, r.LabelsChanged)), unmonitored.History.Records.Select(r => (r.Loss, r.LabelsChanged)));
    }

    [Fact]
    public void Cancellation_stops_between_batches_and_restores_the_encoder()
    {
        var scenario = DecScenario.Create(_backend, separation: 2.0, kMeansIterations: 1, seed: 2);
        using var cancellation = new CancellationTokenSource();
        int refreshes = 0;
        var context = scenario.Context(progress: new SynchronousProgress<DeepClusteringProgress>(p =>
        {
            if (p.IsRefresh && ++refreshes == 2)
            {
                cancellation.Cancel();
            }
        }));

        Assert.ThrowsAny<OperationCanceledException>(() => new DecRefiner(Quick(tolerance: 0)).Refine(context, cancellation.Token));
        Assert.Equal(2, context.History.Records.Count);
        Assert.True(scenario.Encoder.Encoder.InputGradientRequired);
        Assert.True(scenario.Encoder.Encoder.IsTraining);

        var never = scenario.Context();
        Assert.ThrowsAny<OperationCanceledException>(() => new DecRefiner(Quick()).Refine(never, cancellation.Token));
        Assert.Empty(never.History.Records);
    }

    [Fact]
    public void A_context_that_does_not_fit_the_encoder_is_refused()
    {
        var scenario = DecScenario.Create(_backend, separation: 4.0, seed: 1);
        var refiner = new DecRefiner(Quick());
        RefinementContext With(float[]? centers = null, int[]? labels = null) => new()
        {
            Network = scenario.Encoder.AsNetwork(),
            Inputs = scenario.InputRows,
            Clusterer = scenario.Context().Clusterer,
            InitialCenters = centers ?? scenario.InitialCenters,
            InitialLabels = labels ?? scenario.InitialLabels,
            History = new TrainingHistory(),
        };

        Assert.Throws<ArgumentNullException>(() => refiner.Refine(null!));
        Assert.Throws<ArgumentException>(() => refiner.Refine(With(centers: [1f, 2f, 3f])));            // not rows of 2
        Assert.Throws<ArgumentException>(() => refiner.Refine(With(labels: [0, 1, 2])));               // 3 labels for 300 rows
        var outOfRange = (int[])scenario.InitialLabels.Clone();
        outOfRange[7] = scenario.ClusterCount;
        Assert.Throws<ArgumentException>(() => refiner.Refine(With(labels: outOfRange)));
        var wrongShape = new RefinementContext
        {
            Network = scenario.Encoder.AsNetwork(),
            Inputs = new DataMatrix(new float[5 * 3], 5, 3),
            Clusterer = scenario.Context().Clusterer,
            InitialCenters = scenario.InitialCenters,
            InitialLabels = new int[5],
            History = new TrainingHistory(),
        };
        Assert.Throws<ArgumentException>(() => refiner.Refine(wrongShape));
    }
}
