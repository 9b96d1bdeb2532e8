using System.Diagnostics;
using System.Text.Json.Nodes;
using DeepClustering.Pipeline;

namespace DeepClustering.Cli.Tests;

/// <summary>Ctrl-C as a person presses it: SIGINT to the tool's process.</summary>
public sealed class CancellationTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Ctrl_c_during_the_refinement_keeps_the_model_so_far_says_so_and_exits_130(bool saveModel)
    {
        var (data, _) = BlobFiles.Write(_folder);
        string output = _folder.File("out");
        string model = _folder.File("stopped.dclm");
        // Tolerance 0 and a cap of a million steps: the refinement runs until it is stopped.
        string[] args =
        [
            "cluster", "--method", "dec", "--data", "csv:" + data, "--clusters", "3", "--encoder", "dense", "--embedding-dimension", "3",
            "--pretrain-epochs", "2", "--max-iterations", "1000000", "--tolerance", "0", "--threads", "1", "--out", output,
            .. saveModel ? new[] { "--save-model", model } : [],
        ];

        var (exit, lines, errors) = RunUntilInterrupted(args, line => line.StartsWith("refinement step 0/", StringComparison.Ordinal));

        Assert.Equal(130, exit);
        Assert.Contains("stopped by Ctrl-C after", errors);
        Assert.Contains("refinement steps", errors);
        Assert.Equal(120, File.ReadAllLines(Path.Combine(output, "labels.txt")).Length);
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "results.json")))!;
        Assert.True(results["cancelled"]!.GetValue<bool>());
        Assert.False(results["converged"]!.GetValue<bool>());
        int steps = results["refinement_iterations"]!.GetValue<int>();
        Assert.InRange(steps, 1, 999_999);
        Assert.Contains($"after {steps} refinement steps", errors);
        if (saveModel)
        {
            Assert.Contains(model, errors);
            using var kept = DeepClusteringModel.Load(model, threads: 1);
            Assert.True(kept.Info.Canceled);
            Assert.Equal(steps, kept.Info.RefinementIterations);
        }
        else
        {
            Assert.Contains("--save-model", errors);
            Assert.False(File.Exists(model));
        }

        Assert.Contains(lines, l => l.StartsWith("pretraining epoch 2/2", StringComparison.Ordinal));
    }

    [Fact]
    public void Ctrl_c_during_pretraining_says_there_is_no_model_yet_and_writes_nothing()
    {
        var (data, _) = BlobFiles.Write(_folder);
        string output = _folder.File("early");
        string[] args =
        [
            "cluster", "--method", "dec", "--data", "csv:" + data, "--clusters", "3", "--encoder", "dense", "--embedding-dimension", "3",
            "--pretrain-epochs", "100000", "--pretrain-optimizer", "Adam", "--threads", "1", "--out", output, "--save-model", _folder.File("never.dclm"),
        ];

        var (exit, _, errors) = RunUntilInterrupted(args, line => line.StartsWith("pretraining epoch 3/", StringComparison.Ordinal));

        Assert.Equal(130, exit);
        Assert.Contains("stopped by Ctrl-C during pretraining", errors);
        Assert.False(Directory.Exists(output));
        Assert.False(File.Exists(_folder.File("never.dclm")));
    }

    /// <summary>
    /// Ctrl-C's SIGINT, unless this process ignores it (a test run started in the background of a non-interactive shell
    /// inherits SIGINT ignored, and .NET keeps an inherited ignore): then SIGTERM, which the tool handles the same way.
    /// </summary>
    private static string InterruptSignal
    {
        get
        {
            const string prefix = "SigIgn:";
            var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) : null;
            bool ignored = line is not null && (Convert.ToUInt64(line[prefix.Length..].Trim(), 16) & 0b10) != 0;
            return ignored ? "-TERM" : "-INT";
        }
    }

    /// <summary>Starts the tool, sends SIGINT (see <see cref="InterruptSignal"/>) when a line of its output matches <paramref name="when"/>, and waits for it.</summary>
    private static (int Exit, List<string> Lines, string Errors) RunUntilInterrupted(string[] args, Func<string, bool> when)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "deepclustering-cli.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        bool sent = false;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            lines.Add(line);
            if (!sent && when(line))
            {
                using var kill = Process.Start("kill", [InterruptSignal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
                kill.WaitForExit();
                sent = true;
            }
        }

        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            throw new Xunit.Sdk.XunitException("The tool did not stop within two minutes of Ctrl-C.");
        }

        Assert.True(sent, "The tool ended before the line to interrupt at: " + string.Join(" | ", lines));
        return (process.ExitCode, lines, errors.Result);
    }
}
