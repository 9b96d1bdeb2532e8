using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DeepClustering.Package.Tests;

/// <summary>
/// The packages as a new user meets them: the sources packed into a temporary feed, a new console app that adds
/// DeepClustering from it and runs a DEKM program written only against the public API, and the tool installed from it.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "deepclustering-package-" + Guid.NewGuid().ToString("N"));

    public PackageTests() => Directory.CreateDirectory(_work);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A test host still holding a file must not fail the run; the folder is in the temporary directory.
        }
    }

    private const string Program = """
        using DeepClustering.Data;
        using DeepClustering.Methods;
        using DeepClustering.Metrics;
        using DeepClustering.Pipeline;

        var mnist = MnistLoader.LoadSplit(args[0], MnistSplit.Test);
        var pixels = mnist.Images.Pixels.AsSpan(0, 1000 * 784).ToArray();
        var images = new ImageSet(pixels, 1000, 1, 28, 28);
        var truth = mnist.Labels[..1000];

        using var model = new Dekm(new DekmOptions { ClusterCount = 10, PretrainingEpochs = 3, MaxIterations = 200, Seed = 0, Threads = 2 }).Fit(images);
        int[] labels = model.Predict(images);
        model.Save("model.dclm");
        using var loaded = DeepClusteringModel.Load("model.dclm");
        int[] again = loaded.Predict(images);

        if (!labels.SequenceEqual(again)) { Console.Error.WriteLine("the loaded model predicts other labels"); return 1; }
        if (labels.Distinct().Count() < 5) { Console.Error.WriteLine($"only {labels.Distinct().Count()} clusters used"); return 1; }
        Console.WriteLine($"ACC {ClusteringAccuracy.Compute(truth, labels):F3}");
        return 0;
        """;

    [Fact]
    public void A_new_console_app_adds_the_package_from_a_feed_and_runs_dekm_and_the_tool_installs_and_clusters()
    {
        string root = FindRoot();
        string sources = Path.Combine(_work, "sources");
        foreach (string part in new[] { "src", "samples", "build" })
        {
            CopyTree(Path.Combine(root, part), Path.Combine(sources, part));
        }

        foreach (string file in new[] { "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "LICENSE" })
        {
            if (File.Exists(Path.Combine(root, file)))
            {
                File.Copy(Path.Combine(root, file), Path.Combine(sources, file));
            }
        }

        // A version of its own, so that no earlier run's package in the NuGet cache stands in for this one.
        string version = $"0.1.0-test{DateTime.UtcNow:yyyyMMddHHmmss}";
        string feed = Path.Combine(_work, "feed");
        foreach (string project in new[] { "src/DeepClustering.Numerics", "src/DeepClustering.Tensors", "src/DeepClustering" })
        {
            Run(sources, "pack", project, "-c", "Release", "-o", feed, $"-p:Version={version}");
        }

        // The tool for this machine's platform only (a release packs linux-x64, win-x64 and osx-arm64), with its libtorch.
        Run(sources, "pack", "samples/DeepClustering.Cli", "-c", "Release", "-o", feed, $"-p:Version={version}",
            $"-p:ToolRuntimes={RuntimeInformation.RuntimeIdentifier}");
        Assert.True(File.Exists(Path.Combine(feed, $"DeepClustering.Cli.{version}.nupkg")));
        Assert.True(File.Exists(Path.Combine(feed, $"DeepClustering.Cli.{RuntimeInformation.RuntimeIdentifier}.{version}.nupkg")));

        Assert.True(File.Exists(Path.Combine(feed, $"DeepClustering.{version}.nupkg")));
        Assert.True(File.Exists(Path.Combine(feed, $"DeepClustering.{version}.snupkg")));

        string app = Path.Combine(_work, "MyApp");
        Run(_work, "new", "console", "-o", app, "--framework", "net10.0");
        Run(app, "add", "package", "DeepClustering", "--version", version, "--source", feed);
        File.WriteAllText(Path.Combine(app, "Program.cs"), Program);
        string output = Run(app, "run", "-c", "Release", "--", Path.Combine(root, "samples", "data", "mnist"));
        Assert.Contains("ACC ", output);

        string tools = Path.Combine(_work, "tools");
        Run(_work, "tool", "install", "--tool-path", tools, "DeepClustering.Cli", "--version", version, "--add-source", feed);
        string tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "deepclustering.exe" : "deepclustering");
        Assert.Contains("cluster", RunProgram(tool, _work, "--help"));
        string clustered = RunProgram(tool, _work, "cluster", "--method", "KMeans", "--data", "mnist-test", "--limit", "500", "--clusters", "10",
            "--out", Path.Combine(_work, "out"));
        Assert.Contains("acc", clustered);
        Assert.Equal(500, File.ReadAllLines(Path.Combine(_work, "out", "labels.txt")).Length);

        // The installed tool carries libtorch: the TorchSharp backend runs a deep method.
        string torch = RunProgram(tool, _work, "cluster", "--method", "ae-kmeans", "--backend", "torchsharp", "--data", "mnist-test", "--limit", "300",
            "--pretrain-epochs", "1", "--clusters", "10", "--out", Path.Combine(_work, "torch"));
        Assert.Matches(@"backend\s*│\s*torchsharp", torch);
        Assert.Equal(300, File.ReadAllLines(Path.Combine(_work, "torch", "labels.txt")).Length);
    }

    private static string Run(string folder, params string[] args) => RunProgram("dotnet", folder, args);

    private static string RunProgram(string program, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(6)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', args)} ran past 6 minutes");
        }

        string text = output.Result + error.Result;
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited with {process.ExitCode}:\n{text}");
        return text;
    }

    private static void CopyTree(string source, string target)
    {
        foreach (string folder in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, folder);
            if (!IsBuildOutput(relative))
            {
                Directory.CreateDirectory(Path.Combine(target, relative));
            }
        }

        Directory.CreateDirectory(target);
        foreach (string file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file);
            if (!IsBuildOutput(relative))
            {
                File.Copy(file, Path.Combine(target, relative));
            }
        }
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DeepClustering.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No DeepClustering.sln above {AppContext.BaseDirectory}.");
    }
}
