using DeepClustering.Clustering.Density;
using DeepClustering.Tests.Clustering.Golden;

namespace DeepClustering.Tests.Clustering.Density;

/// <summary>
/// DBSCAN against scikit-learn 1.2.1 (Golden/dbscan.json): blobs and moons with uniform noise, a 5-D case and a
/// 3,300-point case, several eps and min_samples: the same labels, cluster numbers included, and core samples.
/// </summary>
public sealed class DbscanGoldenTests
{
    public static TheoryData<int> Cases =>
        new(Enumerable.Range(0, DensityHierarchicalReference.Dbscan["cases"]!.AsArray().Count));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Labels_and_core_samples_match_scikit_learn(int index)
    {
        var reference = DensityHierarchicalReference.Dbscan;
        var expected = reference["cases"]![index]!;
        var data = DensityHierarchicalReference.Dataset(reference, expected["data"]!.GetValue<string>());
        var dbscan = new Dbscan(new DbscanOptions
        {
            Epsilon = expected["eps"]!.GetValue<double>(),
            MinimumPoints = expected["min_samples"]!.GetValue<int>(),
            Threads = 2,
        });

        var model = dbscan.Fit(data);

        Assert.Equal(DensityHierarchicalReference.Ints(expected["labels"]!), model.Labels);
        Assert.Equal(DensityHierarchicalReference.Ints(expected["core_sample_indices"]!), model.CoreSampleIndices);
        Assert.Equal(expected["clusters"]!.GetValue<int>(), model.ClusterCount);
        Assert.Equal(expected["noise"]!.GetValue<int>(), model.NoiseCount);
    }
}
