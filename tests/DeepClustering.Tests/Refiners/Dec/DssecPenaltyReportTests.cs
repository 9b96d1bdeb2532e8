using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Encoders;
using DeepClustering.Networks;
using DeepClustering.Pipeline;
using DeepClustering.Refiners;
using DeepClustering.Refiners.Dec;
using DeepClustering.Tensors;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.Randomness;

namespace DeepClustering.Tests.Refiners.Dec;

public sealed class DssecPenaltyReportTests
{
    [Fact]
    public void Without_a_reader_the_refiner_reports_the_sparse_encoders_own_penalty_and_trains_identically()
    {
        var (withPenalty, weightsWith) = Run(additionalLoss: null);
        var (withoutPenalty, weightsWithout) = Run(additionalLoss: () => 0.0);

        // The penalty's gradient flows through the regularisers either way; only the reported loss differs.
        Assert.Equal(weightsWithout, weightsWith);
        var refreshes = withPenalty.Where(r => r.Phase == TrainingPhase.Refinement && r.Step > 0).ToArray();
        var plain = withoutPenalty.Where(r => r.Phase == TrainingPhase.Refinement && r.Step > 0).ToArray();
        Assert.Equal(plain.Length, refreshes.Length);
        Assert.NotEmpty(refreshes);
        for (int i = 0; i < refreshes.Length; i++)
        {
            Assert.True(refreshes[i].Loss > plain[i].Loss, $"refresh {i}: {refreshes[i].Loss} vs {plain[i].Loss}");
        }
    }

    private static (IReadOnlyList<TrainingRecord> History, float[] Weights) Run(Func<double>? additionalLoss)
    {
        using var backend = new CpuBackend(new CpuBackendOptions { Threads = 1 });
        var random = new RandomGenerator(4);
        var autoencoder = StackedSparseAutoencoder.Create(backend, 10, [8], 3, random);
        var values = Enumerable.Range(0, 60 * 10).Select(i => (float)((i / 10 % 3 == i % 10 % 3 ? 1.0 : 0.0) + 0.1 * random.NextGaussian())).ToArray();
        var inputs = new Tensor(backend, values, 60, 10);
        var embeddings = new DataMatrix(autoencoder.Embed(inputs), 60, 3);
        var kmeans = new KMeans(new KMeansOptions { ClusterCount = 3, InitializationCount = 5, Threads = 1 });
        var initial = kmeans.Fit(embeddings);
        var history = new TrainingHistory();
        var context = new RefinementContext
        {
            Encoder = autoencoder,
            Inputs = inputs,
            Clusterer = kmeans,
            InitialCenters = initial.Centers.Values.ToArray(),
            InitialLabels = initial.Labels.ToArray(),
            History = history,
        };
        var refiner = new DecRefiner(new DecRefinerOptions { Variant = DecVariant.Dssec, MaxIterations = 10, UpdateInterval = 5, Tolerance = 0 }, additionalLoss);
        refiner.Refine(context);
        return (history.Records, autoencoder.Parameters().SelectMany(p => p.Value.ToArray()).ToArray());
    }
}
