namespace DeepClustering.Samples.Tests;

/// <summary>What the seed-document samples share: their arguments, stored runs, report and random choices.</summary>
public sealed class SampleCommonTests : IDisposable
{
    private static readonly string[] Experiments = ["one", "two"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dc-samples-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Arguments_default_to_the_quick_mode_and_parse_every_option()
    {
        var quick = SampleArguments.Parse(["--out", _folder], "demo", Experiments)!;
        Assert.Equal((SampleMode.Quick, 0L, 0), (quick.Mode, quick.Seed, quick.Threads));
        Assert.True(quick.Runs("one") && quick.Runs("two"));
        Assert.Equal(10, quick.Pick(10, 30));
        Assert.True(Directory.Exists(_folder));

        var full = SampleArguments.Parse(["--mode", "full", "--out", _folder, "--seed", "7", "--threads", "2", "--only", "two", "--data-dir", "d"], "demo", Experiments)!;
        Assert.Equal((SampleMode.Full, 7L, 2, "d"), (full.Mode, full.Seed, full.Threads, full.DataFolder));
        Assert.False(full.Runs("one"));
        Assert.True(full.Runs("two"));
        Assert.Equal(30, full.Pick(10, 30));

        var report = SampleArguments.Parse(["--report-only", "--out", _folder], "demo", Experiments)!;
        Assert.True(report.ReportOnly);
        Assert.False(report.Runs("one") || report.Runs("two"));
    }

    [Theory]
    [InlineData("--mode", "slow", "--mode")]
    [InlineData("--seed", "x", "--seed")]
    [InlineData("--threads", "-1", "--threads")]
    [InlineData("--only", "three", "three")]
    [InlineData("--colour", "red", "--colour")]
    public void Bad_arguments_are_refused_naming_them(string name, string value, string named)
    {
        var e = Assert.Throws<ArgumentException>(() => SampleArguments.Parse([name, value, "--out", _folder], "demo", Experiments));
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
        Assert.Contains("needs a value", Assert.Throws<ArgumentException>(() => SampleArguments.Parse(["--seed"], "demo", Experiments)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Runs_of_each_experiment_are_stored_apart_and_loaded_together()
    {
        var run = new SampleRun { Experiment = "one", DataSet = "mnist", Method = "DEKM", Accuracy = 0.9, CurveEpochs = [0, 1.5], CurveAccuracy = [0.8, 0.9] };
        SampleResults.Save(_folder, "one", [run]);
        SampleResults.Save(_folder, "two", [run with { Experiment = "two", Accuracy = 0.5 }]);
        SampleResults.Save(_folder, "one", [run with { Accuracy = 0.95 }]);
        var loaded = SampleResults.Load(_folder);
        Assert.Equal([("one", 0.95), ("two", 0.5)], loaded.Select(r => (r.Experiment, r.Accuracy)));
        Assert.Equal([0, 1.5], loaded[0].CurveEpochs!);
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder, "results"), "*.tmp"));
        Assert.Empty(SampleResults.Load(Path.Combine(_folder, "nothing")));
    }

    [Fact]
    public void A_damaged_results_file_is_refused_naming_it()
    {
        SampleResults.Save(_folder, "one", [new SampleRun { Experiment = "one", DataSet = "mnist", Method = "k-means" }]);
        string path = Path.Combine(_folder, "results", "one.json");
        File.WriteAllText(path, File.ReadAllText(path)[..20]);
        var e = Assert.Throws<InvalidDataException>(() => SampleResults.Load(_folder));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_writes_its_tables_and_figures_as_markdown()
    {
        var arguments = SampleArguments.Parse(["--out", _folder], "demo", Experiments)!;
        var report = new SampleReport("Title", "a seed", arguments, "DeepClustering.Samples.Demo");
        report.Section("Numbers", "text");
        report.Table(["a", "b"], [["1", "2"], ["3", "4"]]);
        report.Figure("f.png", "a figure");
        report.Save();
        string text = File.ReadAllText(Path.Combine(_folder, "report.md"));
        Assert.StartsWith("# Title\n", text, StringComparison.Ordinal);
        Assert.Contains("- command: `dotnet run -c Release --project samples/DeepClustering.Samples.Demo -- --mode quick`", text, StringComparison.Ordinal);
        Assert.Contains("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n", text, StringComparison.Ordinal);
        Assert.Contains("![a figure](f.png)", text, StringComparison.Ordinal);
        Assert.Equal("0.895", SampleReport.F3(0.8954));
    }

    [Fact]
    public void Random_choices_are_sorted_distinct_and_the_same_for_a_seed()
    {
        var a = SampleMaps.Choose(1000, 50, 3);
        Assert.Equal(a, SampleMaps.Choose(1000, 50, 3));
        Assert.NotEqual(a, SampleMaps.Choose(1000, 50, 4));
        Assert.Equal(50, a.Distinct().Count());
        Assert.Equal(a.Order(), a);
        Assert.All(a, i => Assert.InRange(i, 0, 999));
        Assert.Equal(Enumerable.Range(0, 10), SampleMaps.Choose(10, 50, 3));
    }

    [Fact]
    public void Random_images_per_cluster_come_from_that_cluster_with_noise_last()
    {
        int[] labels = [-1, 0, 1, 0, 1, 1, -1, 0, 2];
        var rows = SampleFigures.RandomPerCluster(labels, 2, 0);
        Assert.Equal([0, 1, 2, -1], rows.Select(r => r.Cluster));
        Assert.Equal([3, 3, 1, 2], rows.Select(r => r.Size));
        Assert.All(rows, r => Assert.All(r.Indices, i => Assert.Equal(r.Cluster, labels[i])));
        Assert.Equal([2, 2, 1, 2], rows.Select(r => r.Indices.Count));
    }
}
