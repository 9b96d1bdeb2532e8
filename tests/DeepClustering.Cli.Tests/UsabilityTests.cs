using System.Diagnostics;
using System.Text.Json.Nodes;

namespace DeepClustering.Cli.Tests;

/// <summary>The tool's habits: names in any case, one-line mistakes with documented exit codes, tables people read, plain redirected output.</summary>
public sealed class UsabilityTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string MnistLabels => Path.Combine(AppContext.BaseDirectory, "data", "mnist", "t10k-labels-idx1-ubyte.gz");

    [Fact]
    public void Method_names_are_matched_in_any_case()
    {
        var (data, _) = BlobFiles.Write(_folder);
        string output = _folder.File("upper");

        int exit = CommandLine.Run(out string errors, "cluster", "--method", "KMeans", "--data", "csv:" + data, "--clusters", "3", "--out", output);

        Assert.True(exit == 0, errors);
        Assert.Equal("kmeans", (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(output, "results.json")))!["method"]);
    }

    [Fact]
    public void A_misspelt_method_is_a_usage_error_of_one_line_that_suggests_the_name()
    {
        int exit = CommandLine.Run(out string errors, "cluster", "--method", "dekn", "--data", "mnist-test", "--out", _folder.File("x"));

        Assert.Equal(2, exit);
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);                                    // the mistake, and where the help is
        Assert.Contains("Did you mean 'dekm'?", lines[0]);
        Assert.Contains("deepclustering cluster --help", lines[1]);
    }

    [Theory]
    [InlineData("clustr", "Did you mean 'cluster'?")]
    [InlineData("cluster --method kmeans --data mnist-test --out o --clustrs 3", "Did you mean '--clusters'?")]
    public void A_misspelt_command_or_option_prints_no_help_text(string command, string hint)
    {
        int exit = CommandLine.Run(out string errors, command.Split(' '));

        Assert.Equal(2, exit);
        Assert.Contains(hint, errors);
        Assert.DoesNotContain("Options:", errors);
        Assert.True(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 3, errors);
    }

    [Fact]
    public void Bad_values_give_one_short_line_naming_the_flag_and_exit_1()
    {
        var (data, _) = BlobFiles.Write(_folder);

        int exit = CommandLine.Run(out string errors, "cluster", "--method", "dekm", "--encoder", "dense", "--data", "csv:" + data, "--clusters", "0",
            "--out", _folder.File("x"));

        Assert.Equal(1, exit);
        string line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("cluster: --clusters: ", line);
        Assert.DoesNotContain("(Parameter", line);
        Assert.DoesNotContain("Actual value", line);
    }

    [Fact]
    public void Evaluate_reads_the_idx_label_files_that_cluster_takes_and_prints_json_or_csv()
    {
        string predicted = _folder.File("predicted.txt");
        var truth = DataSources.ReadLabels(MnistLabels);
        File.WriteAllLines(predicted, truth.Select(l => ((l + 1) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var (exit, output) = CaptureOutput(() => CommandLine.Run("evaluate", "--labels-true", MnistLabels, "--labels-pred", predicted, "--format", "json"));
        Assert.Equal(0, exit);
        var scores = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(1.0, (double)scores["acc"]!, 12);                   // a relabelling is a perfect clustering
        Assert.Equal(1.0, (double)scores["nmi"]!, 12);

        (exit, output) = CaptureOutput(() => CommandLine.Run("evaluate", "--labels-true", MnistLabels, "--labels-pred", predicted, "--format", "csv"));
        Assert.Equal(0, exit);
        Assert.Equal("score,value", output.Split('\n')[0].Trim());
        Assert.Contains("ari,1", output);
    }

    [Fact]
    public void Transform_writes_the_embedding_and_pretrain_saves_a_model_that_predict_reads()
    {
        string model = Path.Combine(_folder.File("not-yet"), "pretrained.dclm");    // --save-model makes its folder
        Assert.Equal(0, CommandLine.Run(out string errors, "pretrain", "--model", "dense", "--data", "mnist-test", "--limit", "300", "--epochs", "1",
            "--embedding-dimension", "4", "--clusters", "5", "--threads", "1", "--save-model", model));
        Assert.True(File.Exists(model), errors);

        string embedding = _folder.File("embedding.csv");
        Assert.Equal(0, CommandLine.Run("transform", "--model", model, "--data", "mnist-test", "--out", embedding, "--threads", "1"));
        var rows = File.ReadAllLines(embedding);
        Assert.Equal(10_000, rows.Length);
        Assert.All(rows.Take(5), r => Assert.Equal(4, r.Split(',').Length));

        string predicted = _folder.File("predicted");
        Assert.Equal(0, CommandLine.Run("predict", "--model", model, "--data", "mnist-test", "--out", predicted, "--threads", "1"));
        Assert.Equal(10_000, File.ReadAllLines(Path.Combine(predicted, "labels.txt")).Length);

        // The anomaly scores: one line per row, its label as in labels.txt, and the farthest rows named in the results.
        var scores = File.ReadAllLines(Path.Combine(predicted, "scores.csv"));
        Assert.Equal("row,label,distance,confidence", scores[0]);
        Assert.Equal(10_001, scores.Length);
        var labels = File.ReadAllLines(Path.Combine(predicted, "labels.txt"));
        var distances = scores.Skip(1).Select(l => l.Split(',')).Select(p => (Label: p[1], Distance: double.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(labels, distances.Select(d => d.Label));
        var results = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(predicted, "results.json")))!;
        int farthest = results["most_anomalous_rows"]![0]!.GetValue<int>();
        Assert.Equal(distances.Max(d => d.Distance), distances[farthest].Distance);
    }

    [Fact]
    public void The_result_table_shows_rounded_numbers_without_json_quotes_or_nulls()
    {
        var (data, truth) = BlobFiles.Write(_folder);

        var (exit, output) = CaptureOutput(() => CommandLine.Run("cluster", "--method", "kmeans", "--data", "csv:" + data, "--labels", truth,
            "--clusters", "3", "--out", _folder.File("table")));

        Assert.Equal(0, exit);
        Assert.DoesNotContain("\"", output);
        Assert.DoesNotContain("null", output);
        Assert.Matches(@"acc\s*│\s*1\s", output);
        Assert.DoesNotMatch(@"\d\.0*[1-9]\d{4,}", output);      // at most four significant digits
    }

    [Fact]
    public void Redirected_output_has_no_colour_codes()
    {
        var (data, _) = BlobFiles.Write(_folder);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["TERM"] = "xterm-256color" },
        };
        foreach (string arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "deepclustering-cli.dll"), "cluster", "--method", "kmeans", "--data", "csv:" + data,
            "--clusters", "3", "--out", _folder.File("plain"),
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("kmeans", output);
        Assert.DoesNotContain("\u001b[", output);
    }

    /// <summary>Runs <paramref name="run"/> with standard output captured.</summary>
    private static (int Exit, string Output) CaptureOutput(Func<int> run)
    {
        lock (CommandLine.ConsoleLock)
        {
            var original = Console.Out;
            var originalConsole = Spectre.Console.AnsiConsole.Console;
            using var captured = new StringWriter();
            Console.SetOut(captured);
            Spectre.Console.AnsiConsole.Console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
            {
                Out = new Spectre.Console.AnsiConsoleOutput(captured),
                Ansi = Spectre.Console.AnsiSupport.No,
                Interactive = Spectre.Console.InteractionSupport.No,
            });
            try
            {
                return (run(), captured.ToString());
            }
            finally
            {
                Console.SetOut(original);
                Spectre.Console.AnsiConsole.Console = originalConsole;
            }
        }
    }
}
