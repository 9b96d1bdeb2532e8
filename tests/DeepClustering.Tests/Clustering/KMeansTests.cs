using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Numerics.Distances;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Clustering;

/// <summary>k-means as a user sees it: fitted attributes, prediction, determinism and bad input.</summary>
public sealed class KMeansTests
{
    private static DataMatrix Blobs(int perCluster = 60, int seed = 1)
    {
        var random = new RandomGenerator(seed);
        double[][] centres = [[0, 0, 0], [8, 0, 1], [0, 9, -1], [7, 7, 7]];
        var rows = new List<double[]>();
        for (int i = 0; i < perCluster; i++)
        {
            foreach (var c in centres)
            {
                rows.Add(c.Select(v => v + random.NextGaussian()).ToArray());
            }
        }

        return DataMatrix.FromRows(rows);
    }

    [Fact]
    public void It_finds_separated_blobs_and_predicts_the_training_labels()
    {
        var data = Blobs();
        var model = new KMeans(new KMeansOptions { ClusterCount = 4, Seed = 3, Threads = 2 }).Fit(data);
        Assert.Equal(4, model.ClusterCount);
        Assert.Equal(3, model.Columns);
        Assert.Equal(data.Rows, model.Labels.Count);
        // Rows were generated cluster by cluster in turn: every fourth row shares a label.
        for (int r = 4; r < data.Rows; r++)
        {
            Assert.Equal(model.Labels[r - 4], model.Labels[r]);
        }

        Assert.Equal(4, model.Labels.Distinct().Count());
        Assert.Equal(model.Labels, model.Predict(data));
        Assert.InRange(model.Iterations, 1, KMeansOptions.Defaults.MaxIterations);
    }

    [Fact]
    public void Inertia_is_the_sum_of_squared_distances_to_the_centres()
    {
        var data = Blobs(20);
        var model = new KMeans(new KMeansOptions { ClusterCount = 4, Seed = 1 }).Fit(data);
        double expected = 0;
        for (int r = 0; r < data.Rows; r++)
        {
            expected += SquaredEuclidean.Single(data.Row(r), model.Centers.Row(model.Labels[r]));
        }

        Assert.Equal(expected, model.Inertia, 1e-6 * expected);
    }

    [Fact]
    public void Transform_gives_the_distance_to_every_centre_and_its_minimum_is_the_prediction()
    {
        var data = Blobs(10);
        var model = new KMeans(new KMeansOptions { ClusterCount = 4, Seed = 2 }).Fit(data);
        var distances = model.Transform(data);
        Assert.Equal(data.Rows, distances.Rows);
        Assert.Equal(4, distances.Columns);
        var predicted = model.Predict(data);
        for (int r = 0; r < data.Rows; r++)
        {
            var row = distances.Row(r);
            for (int c = 0; c < 4; c++)
            {
                double exact = Math.Sqrt(SquaredEuclidean.Single(data.Row(r), model.Centers.Row(c)));
                Assert.Equal(exact, row[c], 1e-4 * (1 + exact));
            }

            Assert.Equal(predicted[r], row.IndexOf(TensorMin(row)));
        }
    }

    [Fact]
    public void One_cluster_is_the_mean_and_as_many_clusters_as_rows_give_zero_inertia()
    {
        var data = DataMatrix.FromRows([new float[] { 1, 2 }, [3, 6], [5, 1]]);
        var one = new KMeans(new KMeansOptions { ClusterCount = 1 }).Fit(data);
        Assert.Equal(3f, one.Centers.Row(0)[0], 1e-6f);
        Assert.Equal(3f, one.Centers.Row(0)[1], 1e-6f);
        Assert.Equal(8 + 14, one.Inertia, 1e-5);

        var all = new KMeans(new KMeansOptions { ClusterCount = 3, Initialization = KMeansInitialization.Random }).Fit(data);
        Assert.Equal(0, all.Inertia, 1e-9);
        Assert.Equal(3, all.Labels.Distinct().Count());
    }

    [Theory]
    [InlineData(KMeansInitialization.KMeansPlusPlus)]
    [InlineData(KMeansInitialization.Random)]
    public void The_same_seed_gives_the_same_result_whatever_the_thread_count(KMeansInitialization initialization)
    {
        var data = Blobs(200, seed: 4);
        KMeansModel Fit(int threads) =>
            new KMeans(new KMeansOptions { ClusterCount = 6, Initialization = initialization, Seed = 11, Threads = threads }).Fit(data);
        var reference = Fit(1);
        foreach (int threads in new[] { 1, 2, 3 })
        {
            var model = Fit(threads);
            Assert.Equal(reference.Labels, model.Labels);
            Assert.Equal(reference.Inertia, model.Inertia);
            Assert.Equal(reference.Centers.Values, model.Centers.Values);
        }
    }

    [Fact]
    public void More_initialisations_keep_the_lowest_inertia()
    {
        var data = Blobs(30, seed: 9);
        // The first of several runs is the single run of the same seed, so the best of five can only be as good or better.
        for (int seed = 0; seed < 5; seed++)
        {
            double single = new KMeans(new KMeansOptions { ClusterCount = 7, Seed = seed, Initialization = KMeansInitialization.Random, InitializationCount = 1 }).Fit(data).Inertia;
            double best = new KMeans(new KMeansOptions { ClusterCount = 7, Seed = seed, Initialization = KMeansInitialization.Random, InitializationCount = 5 }).Fit(data).Inertia;
            Assert.True(best <= single, $"seed {seed}: {best} > {single}");
        }
    }

    [Fact]
    public void Random_initialisation_draws_distinct_rows()
    {
        for (int seed = 0; seed < 10; seed++)
        {
            var rows = RandomSeeding.ChooseRows(12, 12, new RandomGenerator(seed));
            Assert.Equal(Enumerable.Range(0, 12), rows.Order());
        }
    }

    [Fact]
    public void The_automatic_initialisation_count_is_scikit_learns()
    {
        Assert.Equal(1, new KMeansOptions().ResolvedInitializationCount);
        Assert.Equal(10, new KMeansOptions { Initialization = KMeansInitialization.Random }.ResolvedInitializationCount);
        Assert.Equal(3, new KMeansOptions { InitializationCount = 3 }.ResolvedInitializationCount);
        Assert.Equal(1, new KMeansOptions { Initialization = KMeansInitialization.Random, ClusterCount = 1,
            InitialCenters = DataMatrix.FromRows([new float[] { 1 }]) }.ResolvedInitializationCount);
    }

    [Fact]
    public void A_cancelled_token_stops_the_fit()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new KMeans(new KMeansOptions { ClusterCount = 2 }).Fit(Blobs(5), source.Token));
    }

    [Fact]
    public void It_is_an_IClusterer()
    {
        IClusterer clusterer = new KMeans(new KMeansOptions { ClusterCount = 4 });
        Assert.Equal("k-means", clusterer.Name);
        var model = clusterer.Fit(Blobs(5));
        Assert.IsType<KMeansModel>(model);
        Assert.Equal(4, model.ClusterCount);
    }

    [Theory]
    [InlineData(0, "ClusterCount")]
    [InlineData(-3, "ClusterCount")]
    public void A_cluster_count_below_one_is_refused_naming_it(int k, string name) =>
        Assert.Throws<ArgumentOutOfRangeException>(name, () => new KMeans(new KMeansOptions { ClusterCount = k }));

    [Fact]
    public void More_clusters_than_rows_are_refused_naming_the_cluster_count()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>("ClusterCount",
            () => new KMeans(new KMeansOptions { ClusterCount = 4 }).Fit(DataMatrix.FromRows([new float[] { 1 }, [2], [3]])));
        Assert.Contains("3 rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_options_are_refused_naming_the_option()
    {
        Assert.Throws<ArgumentOutOfRangeException>("MaxIterations", () => new KMeans(new KMeansOptions { MaxIterations = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>("Tolerance", () => new KMeans(new KMeansOptions { Tolerance = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>("Tolerance", () => new KMeans(new KMeansOptions { Tolerance = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>("InitializationCount", () => new KMeans(new KMeansOptions { InitializationCount = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>("LocalTrialCount", () => new KMeans(new KMeansOptions { LocalTrialCount = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>("Threads", () => new KMeans(new KMeansOptions { Threads = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>("Initialization", () => new KMeans(new KMeansOptions { Initialization = (KMeansInitialization)7 }));
    }

    [Fact]
    public void Given_centres_of_the_wrong_shape_are_refused_naming_them()
    {
        var data = Blobs(5);
        var twoByThree = DataMatrix.FromRows([new float[] { 0, 0, 0 }, [1, 1, 1]]);
        var threeByTwo = DataMatrix.FromRows([new float[] { 0, 0 }, [1, 1], [2, 2]]);
        Assert.Throws<ArgumentException>("InitialCenters", () => new KMeans(new KMeansOptions { ClusterCount = 3, InitialCenters = twoByThree }));
        Assert.Throws<ArgumentException>("InitialCenters", () => new KMeans(new KMeansOptions { ClusterCount = 3, InitialCenters = threeByTwo }).Fit(data));
        Assert.Throws<ArgumentException>("InitializationCount",
            () => new KMeans(new KMeansOptions { ClusterCount = 2, InitialCenters = twoByThree, InitializationCount = 4 }));
    }

    [Fact]
    public void Predicting_rows_of_the_wrong_width_is_refused_naming_the_data()
    {
        var model = new KMeans(new KMeansOptions { ClusterCount = 2 }).Fit(Blobs(5));
        var narrow = DataMatrix.FromRows([new float[] { 1, 2 }]);
        Assert.Throws<ArgumentException>("data", () => model.Predict(narrow));
        Assert.Throws<ArgumentException>("data", () => model.Transform(narrow));
        Assert.Throws<ArgumentNullException>("data", () => model.Predict(null!));
    }

    [Fact]
    public void Non_finite_values_are_refused_by_the_data_matrix_naming_row_and_column()
    {
        var error = Assert.Throws<ArgumentException>("values", () => new DataMatrix([1f, 2f, 3f, float.NaN], 2, 2));
        Assert.Contains("row 1, column 1", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("values", () => new DataMatrix([float.PositiveInfinity, 2f], 1, 2));
    }

    private static float TensorMin(ReadOnlySpan<float> values) => System.Numerics.Tensors.TensorPrimitives.Min(values);
}
