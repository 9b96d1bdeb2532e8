using System.Text.Json.Nodes;
using DeepClustering.Clustering.Hierarchical;
using DeepClustering.Data;
using DeepClustering.Tests.Clustering.Golden;

namespace DeepClustering.Tests.Clustering.Hierarchical;

/// <summary>
/// Agglomerative clustering against scikit-learn 1.2.1 and scipy (Golden/agglomerative.json): for blobs in 2 and
/// 10 dimensions, moons and 70-dimensional blobs (Ward on the distance matrix), each linkage: the labels for 2, 3
/// and 7 clusters and for distance thresholds; the full tree's nodes as scikit-learn's <c>children_</c>; the
/// merge distances and sizes as scipy's <c>linkage</c>, distances within 1e-5 relative.
/// </summary>
public sealed class AgglomerativeGoldenTests
{
    private const double RelativeTolerance = 1e-5;

    public static TheoryData<int> Cases =>
        new(Enumerable.Range(0, DensityHierarchicalReference.Agglomerative["cases"]!.AsArray().Count));

    public static TheoryData<string, string> Trees
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (key, _) in DensityHierarchicalReference.Agglomerative["trees"]!.AsObject())
            {
                var parts = key.Split('/');
                data.Add(parts[0], parts[1]);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Labels_match_scikit_learn(int index)
    {
        var reference = DensityHierarchicalReference.Agglomerative;
        var expected = reference["cases"]![index]!;
        var data = DensityHierarchicalReference.Dataset(reference, expected["data"]!.GetValue<string>());
        var options = new AgglomerativeClusteringOptions
        {
            Linkage = ParseLinkage(expected["linkage"]!.GetValue<string>()),
            ClusterCount = expected["n_clusters"]?.GetValue<int>(),
            DistanceThreshold = expected["distance_threshold"]?.GetValue<double>(),
            Threads = 2,
        };

        var model = new AgglomerativeClustering(options).Fit(data);

        Assert.Equal(expected["n_clusters_"]!.GetValue<int>(), model.ClusterCount);
        Assert.Equal(DensityHierarchicalReference.Ints(expected["labels"]!), model.Labels);
    }

    [Theory]
    [MemberData(nameof(Trees))]
    public void The_merge_tree_matches_scipy_and_scikit_learn(string dataset, string linkage)
    {
        var reference = DensityHierarchicalReference.Agglomerative;
        var data = DensityHierarchicalReference.Dataset(reference, dataset);
        var dendrogram = AgglomerativeClustering.BuildDendrogram(data, ParseLinkage(linkage), 2, CancellationToken.None);

        AssertTree(reference["trees"]![$"{dataset}/{linkage}"]!, dendrogram, data.Rows);
    }

    [Theory]
    [InlineData("blobs2d")]
    [InlineData("blobs10d")]
    [InlineData("moons")]
    [InlineData("wide70d")]
    public void Ward_on_centres_and_Ward_on_the_distance_matrix_both_match_scipy(string dataset)
    {
        var reference = DensityHierarchicalReference.Agglomerative;
        var data = DensityHierarchicalReference.Dataset(reference, dataset);
        var onCentres = WardCentroidChain.Run(data, CancellationToken.None);
        var onMatrix = NearestNeighbourChain.Run(CondensedDistanceMatrix.Compute(data, 2, CancellationToken.None), Linkage.Ward, CancellationToken.None);

        foreach (var merges in new[] { onCentres, onMatrix })
        {
            var dendrogram = new Dendrogram(data.Rows, MergeNumbering.Number(MergeNumbering.SortByDistance(merges), data.Rows, lowerNodeFirst: true));
            AssertTree(reference["trees"]![$"{dataset}/ward"]!, dendrogram, data.Rows);
        }
    }

    private static void AssertTree(JsonNode tree, Dendrogram dendrogram, int rows)
    {
        var scipy = tree["scipy_linkage"]!.AsArray();
        var children = tree["sklearn_children"]!.AsArray();
        Assert.Equal(rows, dendrogram.LeafCount);
        Assert.Equal(rows - 1, dendrogram.Merges.Count);
        var matrix = dendrogram.ToLinkageMatrix();
        for (int i = 0; i < rows - 1; i++)
        {
            var merge = dendrogram.Merges[i];
            Assert.Equal(DensityHierarchicalReference.Ints(children[i]!), new[] { merge.First, merge.Second });
            Assert.Equal(scipy[i]![0]!.GetValue<int>(), Math.Min(merge.First, merge.Second));
            Assert.Equal(scipy[i]![1]!.GetValue<int>(), Math.Max(merge.First, merge.Second));
            Assert.Equal(scipy[i]![3]!.GetValue<int>(), merge.Size);
            double distance = scipy[i]![2]!.GetValue<double>();
            Assert.True(Math.Abs(merge.Distance - distance) <= RelativeTolerance * distance,
                $"merge {i}: distance {merge.Distance}, scipy {distance}");
            Assert.Equal(merge.Distance, matrix[i, 2]);
            Assert.Equal(merge.Size, matrix[i, 3]);
        }
    }

    private static Linkage ParseLinkage(string name) => name switch
    {
        "ward" => Linkage.Ward,
        "complete" => Linkage.Complete,
        "average" => Linkage.Average,
        "single" => Linkage.Single,
        _ => throw new ArgumentException(name, nameof(name)),
    };

    [Fact]
    public void The_reference_file_has_the_expected_datasets()
    {
        var reference = DensityHierarchicalReference.Agglomerative;
        DataMatrix wide = DensityHierarchicalReference.Dataset(reference, "wide70d");
        // The 70-column data go beyond the centre-based Ward, so the public Fit runs Ward on the matrix there.
        Assert.True(wide.Columns > AgglomerativeClustering.WardCentroidColumnLimit);
        Assert.Equal("1.2.1", reference["sklearn"]!.GetValue<string>());
    }
}
