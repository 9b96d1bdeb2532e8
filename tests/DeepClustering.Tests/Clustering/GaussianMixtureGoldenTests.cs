using DeepClustering.Clustering;

namespace DeepClustering.Tests.Clustering;

/// <summary>Gaussian mixtures against scikit-learn 1.2.1 from the same initial parameters (Golden/gaussian_mixture_reference.json).</summary>
public sealed class GaussianMixtureGoldenTests
{
    public static TheoryData<string> Cases => ClusteringGolden.Names(ClusteringGolden.Mixture, "mixtures");

    [Theory]
    [MemberData(nameof(Cases))]
    public void From_the_same_initial_parameters_the_mixture_matches_scikit_learn(string name)
    {
        var golden = ClusteringGolden.Case(ClusteringGolden.Mixture, "mixtures", name);
        var data = ClusteringGolden.Data(ClusteringGolden.Mixture, golden);
        var model = Fit(golden, data);

        Assert.Equal(ClusteringGolden.Ints(golden["labels"]!), model.Labels);
        Assert.Equal(golden["iterations"]!.GetValue<int>(), model.Iterations);
        Assert.Equal(golden["converged"]!.GetValue<bool>(), model.Converged);
        Assert.Equal(golden["log_likelihood"]!.GetValue<double>(), model.LogLikelihood, 1e-6);
        Assert.Equal(golden["lower_bound"]!.GetValue<double>(), model.LowerBound, 1e-6);
        double bic = golden["bic"]!.GetValue<double>(), aic = golden["aic"]!.GetValue<double>();
        Assert.True(Math.Abs(model.Bic - bic) <= 1e-6 * data.Rows, $"BIC {model.Bic} vs {bic}");
        Assert.True(Math.Abs(model.Aic - aic) <= 1e-6 * data.Rows, $"AIC {model.Aic} vs {aic}");

        var weights = ClusteringGolden.Doubles(golden["weights"]!);
        var means = ClusteringGolden.DoubleMatrix(golden["means"]!);
        var covariances = golden["covariances"]!.AsArray().Select(c => ClusteringGolden.Doubles(c!)).ToArray();
        for (int k = 0; k < model.ClusterCount; k++)
        {
            Assert.Equal(weights[k], model.Weights[k], 1e-6);
            for (int j = 0; j < model.Columns; j++)
            {
                Assert.Equal(means[k, j], model.Means[k][j], 1e-5);
            }

            Assert.Equal(covariances[k].Length, model.Covariances[k].Count);
            for (int i = 0; i < covariances[k].Length; i++)
            {
                Assert.Equal(covariances[k][i], model.Covariances[k][i], 1e-5);
            }
        }

        var probabilities = model.PredictProba(data.SelectRows([0, 1, 2, 3, 4]));
        var expected = ClusteringGolden.DoubleMatrix(golden["predict_proba_first_rows"]!);
        for (int r = 0; r < 5; r++)
        {
            for (int k = 0; k < model.ClusterCount; k++)
            {
                Assert.Equal(expected[r, k], probabilities[r, k], 1e-6);
            }
        }
    }

    [Fact]
    public void Initialised_by_k_means_the_full_mixture_reaches_scikit_learns_optimum()
    {
        // Different random draws from scikit-learn's, so only the optimum reached can be compared, to within the
        // 1e-3 stopping tolerance on the mean log-likelihood.
        var golden = ClusteringGolden.Mixture;
        var data = ClusteringGolden.Matrix(golden["datasets"]!["blobs2d"]!);
        var model = new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 3, Seed = 0, Threads = 2 }).Fit(data);
        Assert.True(model.Converged);
        Assert.Equal(golden["kmeans_init_full_blobs2d_log_likelihood"]!.GetValue<double>(), model.LogLikelihood, 2e-3);
    }

    private static GaussianMixtureModel Fit(System.Text.Json.Nodes.JsonNode golden, DeepClustering.Data.DataMatrix data)
    {
        var type = Enum.Parse<CovarianceType>(golden["covariance_type"]!.GetValue<string>());
        var means = ClusteringGolden.DoubleMatrix(golden["initial_means"]!);
        return new GaussianMixture(new GaussianMixtureOptions
        {
            ComponentCount = means.GetLength(0),
            CovarianceType = type,
            InitialWeights = ClusteringGolden.Doubles(golden["initial_weights"]!),
            InitialMeans = means,
            InitialPrecisions = golden["initial_precisions"]!.AsArray().Select(p => (IReadOnlyList<double>)ClusteringGolden.Doubles(p!)).ToArray(),
            Threads = 2,
        }).Fit(data);
    }
}
