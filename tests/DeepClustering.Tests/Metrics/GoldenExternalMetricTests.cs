using DeepClustering.Metrics;

namespace DeepClustering.Tests.Metrics;

/// <summary>ACC, MI, NMI (every average), ARI, purity and the contingency matrix against scikit-learn 1.2.1 and scipy.</summary>
public sealed class GoldenExternalMetricTests
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in MetricsGolden.ExternalCases)
        {
            data.Add(c["name"]!.GetValue<string>());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Scores_match_scikit_learn(string name)
    {
        var c = MetricsGolden.ExternalCase(name);
        var labelsTrue = MetricsGolden.Ints(c["labels_true"]!);
        var labelsPred = MetricsGolden.Ints(c["labels_pred"]!);
        var problems = new List<string?>
        {
            MetricsGolden.Mismatch("acc", ClusteringAccuracy.Compute(labelsTrue, labelsPred), c["acc"]!.GetValue<double>()),
            MetricsGolden.Mismatch("mi", MutualInformation.Compute(labelsTrue, labelsPred), c["mi"]!.GetValue<double>()),
            MetricsGolden.Mismatch("ari", AdjustedRandIndex.Compute(labelsTrue, labelsPred), c["ari"]!.GetValue<double>()),
            MetricsGolden.Mismatch("purity", Purity.Compute(labelsTrue, labelsPred), c["purity"]!.GetValue<double>()),
            MetricsGolden.Mismatch("nmi (default)", NormalizedMutualInformation.Compute(labelsTrue, labelsPred), c["nmi_arithmetic"]!.GetValue<double>()),
        };
        foreach (var average in Enum.GetValues<NmiAverage>())
        {
            problems.Add(MetricsGolden.Mismatch($"nmi {average}", NormalizedMutualInformation.Compute(labelsTrue, labelsPred, average),
                c["nmi_" + average.ToString().ToLowerInvariant()]!.GetValue<double>()));
        }

        var failures = problems.Where(p => p is not null).ToList();
        Assert.True(failures.Count == 0, $"{name}: " + string.Join("; ", failures));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Contingency_matrix_matches_scikit_learn(string name)
    {
        var c = MetricsGolden.ExternalCase(name);
        var table = ContingencyMatrix.Compute(MetricsGolden.Ints(c["labels_true"]!), MetricsGolden.Ints(c["labels_pred"]!));
        Assert.Equal(MetricsGolden.Ints(c["classes"]!), table.Classes);
        Assert.Equal(MetricsGolden.Ints(c["clusters"]!), table.Clusters);
        if (c["contingency"] is { } expected)
        {
            var rows = expected.AsArray().Select(r => MetricsGolden.Ints(r!)).ToArray();
            var dense = table.ToArray();
            for (int r = 0; r < rows.Length; r++)
            {
                for (int col = 0; col < rows[r].Length; col++)
                {
                    Assert.Equal(rows[r][col], dense[r, col]);
                    Assert.Equal(rows[r][col], table[r, col]);
                }
            }
        }
    }

    [Fact]
    public void Metric_catalogue_gives_the_same_values_as_the_static_functions()
    {
        var c = MetricsGolden.ExternalCase("more_clusters_than_classes");
        var labelsTrue = MetricsGolden.Ints(c["labels_true"]!);
        var labelsPred = MetricsGolden.Ints(c["labels_pred"]!);
        MetricsGolden.Close("acc", MetricCatalog.Get("acc").Compute(labelsPred, labelsTrue), c["acc"]!.GetValue<double>());
        MetricsGolden.Close("nmi", MetricCatalog.Get("nmi").Compute(labelsPred, labelsTrue), c["nmi_arithmetic"]!.GetValue<double>());
        MetricsGolden.Close("nmi_geometric", MetricCatalog.NormalizedMutualInformationWith(NmiAverage.Geometric).Compute(labelsPred, labelsTrue),
            c["nmi_geometric"]!.GetValue<double>());
        MetricsGolden.Close("ari", MetricCatalog.Get("ari").Compute(labelsPred, labelsTrue), c["ari"]!.GetValue<double>());
        MetricsGolden.Close("purity", MetricCatalog.Get("purity").Compute(labelsPred, labelsTrue), c["purity"]!.GetValue<double>());
    }
}
