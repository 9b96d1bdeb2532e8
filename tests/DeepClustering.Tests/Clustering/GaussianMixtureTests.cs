using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Clustering;

/// <summary>The Gaussian mixture as a user sees it: attributes, prediction, determinism and bad input.</summary>
public sealed class GaussianMixtureTests
{
    private static DataMatrix Blobs(int perComponent = 50, int seed = 3)
    {
        var random = new RandomGenerator(seed);
        double[][] means = [[0, 0], [6, 0], [0, 6]];
        double[] spreads = [0.5, 1.0, 1.5];
        var rows = new List<double[]>();
        for (int i = 0; i < perComponent; i++)
        {
            for (int c = 0; c < 3; c++)
            {
                rows.Add(means[c].Select(m => m + spreads[c] * random.NextGaussian()).ToArray());
            }
        }

        return DataMatrix.FromRows(rows);
    }

    [Theory]
    [InlineData(CovarianceType.Full)]
    [InlineData(CovarianceType.Diagonal)]
    [InlineData(CovarianceType.Spherical)]
    public void Probabilities_sum_to_one_and_scores_agree_with_the_fitted_log_likelihood(CovarianceType type)
    {
        var data = Blobs();
        var model = new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 3, CovarianceType = type, Seed = 1 }).Fit(data);
        Assert.Equal(type, model.CovarianceType);
        var probabilities = model.PredictProba(data);
        var predicted = model.Predict(data);
        Assert.Equal(model.Labels, predicted);
        for (int r = 0; r < data.Rows; r++)
        {
            double sum = 0;
            int best = 0;
            for (int c = 0; c < 3; c++)
            {
                sum += probabilities[r, c];
                if (probabilities[r, c] > probabilities[r, best])
                {
                    best = c;
                }
            }

            Assert.Equal(1, sum, 1e-12);
            Assert.Equal(predicted[r], best);
        }

        Assert.Equal(model.LogLikelihood, model.Score(data), 1e-12);
        Assert.Equal(model.LogLikelihood, model.ScoreSamples(data).Average(), 1e-12);
        Assert.Equal(1, model.Weights.Sum(), 1e-12);
        Assert.True(model.Converged);
        Assert.Equal(-2 * model.LogLikelihood * data.Rows + model.ParameterCount * Math.Log(data.Rows), model.Bic, 1e-9);
        for (int r = 4; r < data.Rows; r++)
        {
            Assert.Equal(model.Labels[r - 3], model.Labels[r]);
        }
    }

    [Theory]
    [InlineData(CovarianceType.Full)]
    [InlineData(CovarianceType.Diagonal)]
    [InlineData(CovarianceType.Spherical)]
    public void One_component_in_one_dimension_is_the_sample_mean_and_variance(CovarianceType type)
    {
        // Rows 1, 2, 3, 4: μ = 2.5, σ² = 1.25 + reg, mean log-likelihood −½ ln(2πσ²) − ½ · 1.25 / σ².
        var data = DataMatrix.FromRows([new float[] { 1 }, [2], [3], [4]]);
        var model = new GaussianMixture(new GaussianMixtureOptions { CovarianceType = type }).Fit(data);
        double variance = 1.25 + GaussianMixtureOptions.Defaults.RegularizationCovariance;
        Assert.Equal(1, model.Weights[0], 1e-15);
        Assert.Equal(2.5, model.Means[0][0], 1e-14);
        Assert.Equal(variance, model.Covariances[0][0], 1e-14);
        Assert.Equal(-0.5 * Math.Log(2 * Math.PI * variance) - 0.5 * 1.25 / variance, model.LogLikelihood, 1e-14);
        Assert.Equal(2, model.ParameterCount);
        Assert.Equal(2, model.Iterations);
        Assert.True(model.Converged);
    }

    [Fact]
    public void Covariance_matrices_are_expanded_from_each_layout()
    {
        var data = Blobs(20);
        var diagonal = new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 2, CovarianceType = CovarianceType.Diagonal }).Fit(data);
        var matrix = diagonal.CovarianceMatrix(1);
        Assert.Equal(diagonal.Covariances[1][0], matrix[0, 0]);
        Assert.Equal(diagonal.Covariances[1][1], matrix[1, 1]);
        Assert.Equal(0, matrix[0, 1]);
        var spherical = new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 2, CovarianceType = CovarianceType.Spherical }).Fit(data);
        Assert.Single(spherical.Covariances[0]);
        Assert.Equal(spherical.Covariances[0][0], spherical.CovarianceMatrix(0)[1, 1]);
        var full = new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 2 }).Fit(data);
        Assert.Equal(full.Covariances[0][1], full.CovarianceMatrix(0)[0, 1]);
        Assert.Equal(full.CovarianceMatrix(0)[1, 0], full.CovarianceMatrix(0)[0, 1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => full.CovarianceMatrix(2));
    }

    [Theory]
    [InlineData(GaussianMixtureInitialization.KMeans)]
    [InlineData(GaussianMixtureInitialization.Random)]
    public void The_same_seed_gives_the_same_mixture_whatever_the_thread_count(GaussianMixtureInitialization initialization)
    {
        var data = Blobs(200);
        GaussianMixtureModel Fit(int threads) => new GaussianMixture(new GaussianMixtureOptions
        {
            ComponentCount = 3, Initialization = initialization, InitializationCount = 2, Seed = 5, Threads = threads,
        }).Fit(data);
        var one = Fit(1);
        var two = Fit(2);
        Assert.Equal(one.Labels, two.Labels);
        Assert.Equal(one.LogLikelihood, two.LogLikelihood);
        Assert.Equal(one.Means[2], two.Means[2]);
    }

    [Fact]
    public void Collapsed_components_without_regularisation_fail_with_a_clear_message()
    {
        var data = DataMatrix.FromRows([new float[] { 0, 0 }, [0, 0], [5, 5], [5, 5]]);
        var error = Assert.Throws<InvalidOperationException>(() =>
            new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 2, RegularizationCovariance = 0 }).Fit(data));
        Assert.Contains("RegularizationCovariance", error.Message, StringComparison.Ordinal);
        // The default regularisation keeps them positive definite.
        var model = new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 2 }).Fit(data);
        Assert.Equal(2, model.Labels.Distinct().Count());
    }

    [Fact]
    public void Bad_options_are_refused_naming_the_option()
    {
        Assert.Throws<ArgumentOutOfRangeException>("ComponentCount", () => new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>("Tolerance", () => new GaussianMixture(new GaussianMixtureOptions { Tolerance = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>("RegularizationCovariance",
            () => new GaussianMixture(new GaussianMixtureOptions { RegularizationCovariance = -1e-6 }));
        Assert.Throws<ArgumentOutOfRangeException>("MaxIterations", () => new GaussianMixture(new GaussianMixtureOptions { MaxIterations = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>("InitializationCount", () => new GaussianMixture(new GaussianMixtureOptions { InitializationCount = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>("CovarianceType",
            () => new GaussianMixture(new GaussianMixtureOptions { CovarianceType = (CovarianceType)9 }));
        Assert.Throws<ArgumentOutOfRangeException>("Threads", () => new GaussianMixture(new GaussianMixtureOptions { Threads = -2 }));
    }

    [Fact]
    public void More_components_than_rows_are_refused_naming_the_component_count() =>
        Assert.Throws<ArgumentOutOfRangeException>("ComponentCount",
            () => new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 3 }).Fit(DataMatrix.FromRows([new float[] { 1 }, [2]])));

    [Fact]
    public void Initial_parameters_of_the_wrong_shape_are_refused_naming_them()
    {
        var data = Blobs(5);
        Assert.Throws<ArgumentException>("InitialWeights", () => new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 2, InitialWeights = [1.0] }));
        Assert.Throws<ArgumentException>("InitialWeights", () => new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 2, InitialWeights = [0.6, 0.6] }));
        Assert.Throws<ArgumentException>("InitialWeights", () => new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 2, InitialWeights = [-0.5, 1.5] }));
        Assert.Throws<ArgumentException>("InitialMeans", () => new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 2, InitialMeans = new double[3, 2] }));
        Assert.Throws<ArgumentException>("InitialMeans", () => new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 2, InitialMeans = new double[2, 3] }).Fit(data));
        Assert.Throws<ArgumentException>("InitialPrecisions",
            () => new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 2, InitialPrecisions = [[1.0, 0, 0, 1]] }));
        Assert.Throws<ArgumentException>("InitialPrecisions",
            () => new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 1, InitialPrecisions = [[1.0, 0, 0]] }).Fit(data));
        Assert.Throws<ArgumentException>("InitialPrecisions", () => new GaussianMixture(new GaussianMixtureOptions
        {
            ComponentCount = 1, CovarianceType = CovarianceType.Diagonal, InitialPrecisions = [[1.0, -1.0]],
        }));
        // Right shape, not positive definite: found when it is factored.
        Assert.Throws<ArgumentException>("InitialPrecisions",
            () => new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 1, InitialPrecisions = [[1.0, 2, 2, 1]] }).Fit(data));
    }

    [Fact]
    public void Predicting_rows_of_the_wrong_width_is_refused_naming_the_data()
    {
        var model = new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 2 }).Fit(Blobs(5));
        var wide = DataMatrix.FromRows([new float[] { 1, 2, 3 }]);
        Assert.Throws<ArgumentException>("data", () => model.Predict(wide));
        Assert.Throws<ArgumentException>("data", () => model.PredictProba(wide));
        Assert.Throws<ArgumentException>("data", () => model.Score(wide));
    }

    [Fact]
    public void It_is_an_IClusterer()
    {
        IClusterer clusterer = new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 3 });
        Assert.Equal("Gaussian mixture", clusterer.Name);
        Assert.IsType<GaussianMixtureModel>(clusterer.Fit(Blobs(10)));
    }
}
