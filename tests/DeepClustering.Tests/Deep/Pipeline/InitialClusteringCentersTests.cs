using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Pipeline;

namespace DeepClustering.Tests.Pipeline;

public sealed class InitialClusteringCentersTests
{
    private static readonly DataMatrix Points = new([0, 0, 0, 1, 10, 10, 10, 11], 4, 2);

    [Fact]
    public void A_model_with_centres_gives_its_own_centres()
    {
        var model = new FixedModel([0, 0, 1, 1], new DataMatrix([5, 5, -5, -5], 2, 2));

        var (centers, labels) = InitialClusteringCenters.From(model, Points);

        Assert.Equal([5f, 5f, -5f, -5f], centers);
        Assert.Equal([0, 0, 1, 1], labels);
    }

    [Fact]
    public void K_means_and_the_gaussian_mixture_give_their_fitted_centres()
    {
        var kMeans = new KMeans(new KMeansOptions { ClusterCount = 2, Seed = 0 }).Fit(Points);
        var mixture = new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 2, Seed = 0 }).Fit(Points);

        Assert.Equal(kMeans.Centers.Values, InitialClusteringCenters.From(kMeans, Points).Centers);
        var means = mixture.Means.SelectMany(m => m.Select(v => (float)v)).ToArray();
        Assert.Equal(means, InitialClusteringCenters.From(mixture, Points).Centers);
    }

    [Fact]
    public void A_model_without_centres_gives_centroids_and_noise_joins_the_nearest()
    {
        var model = new LabelsOnlyModel([0, -1, 1, 1]);

        var (centers, labels) = InitialClusteringCenters.From(model, Points);

        Assert.Equal([0f, 0f, 10f, 10.5f], centers);
        Assert.Equal([0, 0, 1, 1], labels);
    }

    [Fact]
    public void Centres_of_the_wrong_shape_are_refused()
    {
        var model = new FixedModel([0, 0, 1, 1], new DataMatrix([5, 5, 5], 1, 3));

        var error = Assert.Throws<InvalidOperationException>(() => InitialClusteringCenters.From(model, Points));
        Assert.Contains("1 × 3 centres for 2 clusters", error.Message);
    }

    /// <summary>A fitted model with given labels and given centres.</summary>
    private sealed class FixedModel(int[] labels, DataMatrix centers) : IClusteringModel, IHasClusterCenters
    {
        public int ClusterCount => 2;

        public IReadOnlyList<int> Labels => labels;

        public DataMatrix Centers => centers;

        public int[] Predict(DataMatrix data) => throw new NotSupportedException();
    }

    /// <summary>A fitted model with given labels and no centres (as DBSCAN's).</summary>
    private sealed class LabelsOnlyModel(int[] labels) : IClusteringModel
    {
        public int ClusterCount => 2;

        public IReadOnlyList<int> Labels => labels;

        public int[] Predict(DataMatrix data) => throw new NotSupportedException();
    }
}
