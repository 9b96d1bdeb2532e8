using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Refiners.EmbeddedKMeans;
using DeepClustering.Tensors;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Refiners.EmbeddedKMeans;

/// <summary>The pieces of the embedded k-means loop: batch order, initialisation schedule, refresh, batch loss, re-clustering.</summary>
public sealed class DekmLoopPartsTests
{
    [Fact]
    public void Batches_are_consecutive_slices_of_the_order_and_the_short_last_one_is_kept()
    {
        // DEKM.py with n = 5, batch 2: [0, 2), [2, 4), [4, 5), then back to 0.
        var cursor = new DekmBatchCursor([4, 3, 2, 1, 0], 2);
        Assert.Equal([4, 3], cursor.Next().ToArray());
        Assert.Equal([2, 1], cursor.Next().ToArray());
        Assert.Equal([0], cursor.Next().ToArray());
        Assert.Equal([4, 3], cursor.Next().ToArray());
    }

    [Fact]
    public void A_sample_count_divisible_by_the_batch_size_gives_no_empty_batch()
    {
        var cursor = new DekmBatchCursor([0, 1, 2, 3], 2);
        Assert.Equal([0, 1], cursor.Next().ToArray());
        Assert.Equal([2, 3], cursor.Next().ToArray());
        Assert.Equal([0, 1], cursor.Next().ToArray());
    }

    [Fact]
    public void A_batch_larger_than_the_data_takes_all_of_it_every_time()
    {
        var cursor = new DekmBatchCursor([2, 0, 1], 256);
        Assert.Equal([2, 0, 1], cursor.Next().ToArray());
        Assert.Equal([2, 0, 1], cursor.Next().ToArray());
    }

    [Theory]
    [InlineData(null, 100)] // no earlier run: kmeans_n_init = 100
    [InlineData(7, 14)]     // int(n_iter_ * 2)
    [InlineData(1, 2)]
    [InlineData(0, 1)]      // at least one initialisation
    public void Initialisations_follow_the_DEKM_code(int? previousIterations, int expected)
    {
        Assert.Equal(expected, KMeansInitializationSchedule.Next(previousIterations, 100, 2));
    }

    [Fact]
    public void A_refresh_fixes_the_scatter_basis_and_the_targets_of_every_sample()
    {
        var refresh = DekmRefresh.Create(HandCase.Embeddings, HandCase.Labels, HandCase.Centres);

        DekmGolden.AssertClose(HandCase.EigenValues, refresh.Basis.EigenValues.ToArray(), 1e-14, 1, "eigenvalues");
        DekmGolden.AssertClose(HandCase.Targets, refresh.Targets, 1e-14, 1, "targets");
        Assert.Equal(HandCase.Labels, refresh.Labels);
        Assert.Equal(HandCase.Centres.Values, refresh.Centres);
        Assert.Equal(2, refresh.Dimension);
    }

    [Fact]
    public void The_head_gives_the_loss_on_the_batch_targets_in_float32_and_allocates_nothing_once_warm()
    {
        var random = new RandomGenerator(3);
        int n = 40, d = 4, k = 3;
        var embeddings = new DataMatrix(Enumerable.Range(0, n * d).Select(_ => (float)random.NextGaussian()).ToArray(), n, d);
        var labels = Enumerable.Range(0, n).Select(i => i % k).ToArray();
        var centres = new DataMatrix(Enumerable.Range(0, k * d).Select(_ => (float)random.NextGaussian()).ToArray(), k, d);
        var refresh = DekmRefresh.Create(embeddings, labels, centres);
        int[] rows = [5, 17, 2, 39, 11];
        var batch = rows.SelectMany(_ => Enumerable.Range(0, d)).Select(_ => (float)random.NextGaussian()).ToArray();

        var expectedGradient = new double[batch.Length];
        var targets = DekmTargets.ForRows(Rotation.Apply(embeddings, refresh.Basis), Rotation.Apply(centres, refresh.Basis), labels, d, rows);
        double expected = DekmLoss.Compute(batch.Select(v => (double)v).ToArray(), d, refresh.Basis.Vectors, targets, expectedGradient);
        var head = new DekmHead { Refresh = refresh };
        var gradient = new float[batch.Length];
        double actual = head.LossAndGradient(rows, batch, gradient);

        Assert.Equal(expected, actual, 1e-12);
        Assert.Equal(expectedGradient.Select(v => (float)v).ToArray(), gradient);

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        head.LossAndGradient(rows, batch, gradient);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - allocated);
    }

    [Fact]
    public void The_head_refuses_embeddings_that_do_not_fit_the_rows()
    {
        var head = new DekmHead { Refresh = DekmRefresh.Create(HandCase.Embeddings, HandCase.Labels, HandCase.Centres) };
        Assert.Throws<ArgumentException>(() => head.LossAndGradient([0, 1], new float[6], new float[6]));
        Assert.Throws<ArgumentException>(() => head.LossAndGradient([0, 1], new float[4], new float[2]));
        Assert.Throws<ArgumentException>(() => head.LossAndGradient([0, 4], new float[4], new float[4]));
    }

    [Fact]
    public void Re_clustering_keeps_the_given_k_means_settings_but_not_its_centres_count_or_seed()
    {
        var template = new KMeansOptions
        {
            ClusterCount = 2, Initialization = KMeansInitialization.Random, InitialCenters = HandCase.Centres, MaxIterations = 17,
            Tolerance = 1e-3, LocalTrialCount = 5, Seed = 1, Threads = 1,
        };

        var options = DekmReclustering.Create(template, 2, 9, seed: 42).Options;

        Assert.Null(options.InitialCenters);
        Assert.Equal((2, KMeansInitialization.Random, 9, 5, 17, 1e-3, 42L, 1),
            (options.ClusterCount, options.Initialization, options.InitializationCount, options.LocalTrialCount, options.MaxIterations,
                options.Tolerance, options.Seed, options.Threads));
    }

    [Fact]
    public void Re_clustering_without_settings_is_k_means_with_scikit_learn_defaults()
    {
        var options = DekmReclustering.Create(null, 3, 100, seed: 7).Options;

        var defaults = new KMeansOptions();
        Assert.Equal((3, defaults.Initialization, 100, defaults.MaxIterations, defaults.Tolerance, 7L),
            (options.ClusterCount, options.Initialization, options.InitializationCount, options.MaxIterations, options.Tolerance, options.Seed));
    }
}
