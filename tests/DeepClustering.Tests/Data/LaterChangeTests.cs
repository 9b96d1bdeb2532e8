using DeepClustering.Clustering;
using DeepClustering.Clustering.Density;
using DeepClustering.Clustering.Hierarchical;
using DeepClustering.Data;
using DeepClustering.Decomposition;
using DeepClustering.Metrics;

namespace DeepClustering.Tests.Data;

/// <summary>A DataMatrix wraps the caller's array; a NaN written into it afterwards is caught where the matrix is used.</summary>
public sealed class LaterChangeTests
{
    private static (DataMatrix Data, float[] Values, int[] Labels) Poisoned()
    {
        var data = CorrelatedData.Random(60, 4, seed: 1);
        var labels = Enumerable.Range(0, 60).Select(i => i % 3).ToArray();
        data.Values[37 * 4 + 2] = float.NaN;      // after the constructor checked it
        return (data, data.Values, labels);
    }

    public static TheoryData<string> EntryPoints =>
        ["kmeans", "spherical-kmeans", "gmm", "dbscan", "agglomerative", "pca", "silhouette", "calinski-harabasz", "davies-bouldin", "kmeans-predict", "pca-transform"];

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void A_nan_written_after_wrapping_is_refused_naming_its_row_and_column(string entryPoint)
    {
        var (data, _, labels) = Poisoned();
        var clean = CorrelatedData.Random(60, 4, seed: 1);
        Action use = entryPoint switch
        {
            "kmeans" => () => new KMeans(new KMeansOptions { ClusterCount = 3 }).Fit(data),
            "spherical-kmeans" => () => new SphericalKMeans(new SphericalKMeansOptions { ClusterCount = 3 }).Fit(data),
            "gmm" => () => new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 3 }).Fit(data),
            "dbscan" => () => new Dbscan().Fit(data),
            "agglomerative" => () => new AgglomerativeClustering(new AgglomerativeClusteringOptions { ClusterCount = 3 }).Fit(data),
            "pca" => () => new Pca(new PcaOptions { ComponentCount = 2 }).Fit(data),
            "silhouette" => () => Silhouette.Compute(data, labels),
            "calinski-harabasz" => () => CalinskiHarabasz.Compute(data, labels),
            "davies-bouldin" => () => DaviesBouldin.Compute(data, labels),
            "kmeans-predict" => () => new KMeans(new KMeansOptions { ClusterCount = 3 }).Fit(clean).Predict(data),
            "pca-transform" => () => new Pca(new PcaOptions { ComponentCount = 2 }).Fit(clean).Transform(data),
            _ => throw new ArgumentException(entryPoint),
        };

        var error = Assert.Throws<ArgumentException>(use);

        Assert.Equal("data", error.ParamName);
        Assert.Contains("row 37, column 2", error.Message);
        Assert.Contains("NaN", error.Message);
    }
}
