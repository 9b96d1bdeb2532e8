using DeepClustering.Metrics;

namespace DeepClustering.Tests.Metrics;

public sealed class MetricCatalogTests
{
    [Fact]
    public void Lists_the_seven_metrics_with_their_needs_and_directions()
    {
        Assert.Equal(["acc", "nmi", "ari", "purity", "silhouette", "calinski_harabasz", "davies_bouldin"],
            MetricCatalog.All.Select(m => m.Name));
        Assert.All(MetricCatalog.All.Take(4), m => Assert.True(m.NeedsTrueLabels && !m.NeedsData));
        Assert.All(MetricCatalog.All.Skip(4), m => Assert.True(m.NeedsData && !m.NeedsTrueLabels));
        Assert.Equal(MetricDirection.LowerIsBetter, MetricCatalog.DaviesBouldin.Direction);
        Assert.All(MetricCatalog.All.Where(m => m.Name != "davies_bouldin"), m => Assert.Equal(MetricDirection.HigherIsBetter, m.Direction));
        Assert.Same(MetricCatalog.Silhouette, MetricCatalog.Get("SILHOUETTE"));
    }

    [Fact]
    public void Nmi_variants_are_named_by_their_average()
    {
        Assert.Equal("nmi", MetricCatalog.NormalizedMutualInformationWith(NmiAverage.Arithmetic).Name);
        Assert.Equal("nmi_geometric", MetricCatalog.NormalizedMutualInformationWith(NmiAverage.Geometric).Name);
        Assert.Equal("nmi_min", MetricCatalog.NormalizedMutualInformationWith(NmiAverage.Min).Name);
        Assert.Equal("nmi_max", MetricCatalog.NormalizedMutualInformationWith(NmiAverage.Max).Name);
    }

    [Fact]
    public void Missing_inputs_and_unknown_names_are_refused_naming_them()
    {
        Assert.Equal("trueLabels", Assert.Throws<ArgumentNullException>(() => MetricCatalog.Accuracy.Compute([0, 1])).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentNullException>(() => MetricCatalog.Silhouette.Compute([0, 1], [0, 1])).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => MetricCatalog.Get("f1"));
        Assert.Contains("calinski_harabasz", ex.Message);
    }
}
