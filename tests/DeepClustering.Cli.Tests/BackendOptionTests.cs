using System.Text.Json.Nodes;

namespace DeepClustering.Cli.Tests;

/// <summary><c>--backend</c> and <c>--device</c>: every deep method on either backend, models that cross, and refusals in one line.</summary>
public sealed class BackendOptionTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("ae-kmeans")]
    [InlineData("dec")]
    [InlineData("idec")]
    [InlineData("dssec")]
    [InlineData("dekm")]
    public void Every_deep_method_runs_on_torchsharp_and_its_model_predicts_the_same_labels_on_the_managed_engine(string method)
    {
        var (data, truth) = BlobFiles.Write(_folder);
        string output = _folder.File("out-" + method);
        string model = _folder.File(method + ".dclm");
        int exit = CommandLine.Run(out string errors, ["cluster", "--method", method, "--backend", "torchsharp", "--device", "cpu",
            "--encoder", method == "dssec" ? "sparse" : "dense", "--data", "csv:" + data, "--labels", truth, "--clusters", "3",
            "--embedding-dimension", "3", "--pretrain-epochs", "3", "--pretrain-optimizer", "adam", "--batch-size", "32", "--threads", "1",
            "--seed", "2", "--out", output, "--save-model", model, .. CommandLine.RefinementCap(method, 20)]);

        Assert.True(exit == 0, errors);
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "results.json")))!.AsObject();
        Assert.Equal("torchsharp", (string?)results["backend"]);
        Assert.Equal("cpu", (string?)results["device"]);
        Assert.True((double)results["acc"]! > 0.5, $"ACC {(double)results["acc"]!}");

        string predicted = _folder.File("predict-" + method);
        Assert.Equal(0, CommandLine.Run("predict", "--model", model, "--backend", "managed", "--data", "csv:" + data, "--threads", "1", "--out", predicted));
        var prediction = JsonNode.Parse(File.ReadAllText(Path.Combine(predicted, "results.json")))!.AsObject();
        Assert.Equal("managed", (string?)prediction["backend"]);
        Assert.Equal(File.ReadAllLines(Path.Combine(output, "labels.txt")), File.ReadAllLines(Path.Combine(predicted, "labels.txt")));
    }

    [Fact]
    public void A_managed_model_predicts_on_torchsharp()
    {
        var (data, _) = BlobFiles.Write(_folder);
        string output = _folder.File("out-managed");
        string model = _folder.File("managed.dclm");
        Assert.Equal(0, CommandLine.Run("cluster", "--method", "dekm", "--encoder", "dense", "--data", "csv:" + data, "--clusters", "3",
            "--embedding-dimension", "3", "--pretrain-epochs", "2", "--batch-size", "32", "--max-iterations", "10", "--threads", "1",
            "--out", output, "--save-model", model));
        string predicted = _folder.File("predict-torchsharp");
        Assert.Equal(0, CommandLine.Run("predict", "--model", model, "--backend", "torchsharp", "--device", "auto", "--data", "csv:" + data,
            "--out", predicted));
        Assert.Equal("torchsharp", (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(predicted, "results.json")))!["backend"]);
        Assert.Equal(File.ReadAllLines(Path.Combine(output, "labels.txt")), File.ReadAllLines(Path.Combine(predicted, "labels.txt")));
    }

    [Theory]
    [InlineData("torchsharp", "cuda", "TorchSharp-cuda-linux")]
    [InlineData("torchsharp", "cuda:1", "TorchSharp-cuda-linux")]
    [InlineData("managed", "cuda", "DeepClustering.TorchSharp")]
    public void Cuda_where_it_cannot_run_is_refused_in_one_line_naming_what_to_add(string backend, string device, string named)
    {
        if (backend == "torchsharp" && CudaIsPresent())
        {
            return; // a GPU machine: this refusal does not apply there
        }

        var (data, _) = BlobFiles.Write(_folder);
        int exit = CommandLine.Run(out string errors, "cluster", "--method", "dekm", "--backend", backend, "--device", device, "--encoder", "dense",
            "--data", "csv:" + data, "--clusters", "3", "--pretrain-epochs", "1", "--out", _folder.File("out-cuda"));

        Assert.Equal(1, exit);
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Single(lines);
        Assert.StartsWith("cluster: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(named, lines[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.File("out-cuda")), "nothing is written when the device is refused");

        Assert.Equal(1, CommandLine.Run(out string pretrainErrors, "pretrain", "--model", "dense", "--backend", backend, "--device", device,
            "--limit", "64", "--epochs", "1"));
        Assert.Contains(named, pretrainErrors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--device", "gpu")]
    [InlineData("--device", "cuda:-1")]
    [InlineData("--backend", "tensorflow")]
    public void An_unknown_device_or_backend_is_a_usage_error(string option, string value)
    {
        var (data, _) = BlobFiles.Write(_folder);
        int exit = CommandLine.Run(out string errors, "cluster", "--method", "dekm", option, value, "--data", "csv:" + data, "--out", _folder.File("out-bad"));
        Assert.NotEqual(0, exit);
        Assert.Contains(value, errors, StringComparison.Ordinal);
    }

    private static bool CudaIsPresent()
    {
        try
        {
            return DeepClustering.TorchSharp.TorchSharpNetworkBackend.IsCudaAvailable();
        }
        catch (DeepClustering.Networks.DeviceNotAvailableException)
        {
            return false;
        }
    }
}
