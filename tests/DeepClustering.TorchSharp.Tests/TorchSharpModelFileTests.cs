using System.Diagnostics;
using System.Text.Json.Nodes;
using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Persistence;
using DeepClustering.Pipeline;
using DeepClustering.Training;

namespace DeepClustering.TorchSharp.Tests;

/// <summary>
/// What the TorchSharp backend puts in a model file (its name and device in the header's info, its parameters under
/// the managed engine's names and shapes) and that a sealed-but-wrong file is refused before TorchSharp builds anything.
/// </summary>
public sealed class TorchSharpModelFileTests : IDisposable
{
    private static readonly AutoencoderArchitecture Small = new(AutoencoderKind.Dense, [6], 2, [8], HiddenActivation.ReLU);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dc-torchsharp-files-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void A_TorchSharp_model_file_holds_the_managed_names_and_shapes_and_says_where_it_was_trained()
    {
        string path = SaveTorchSharpModel();

        var file = ModelFile.Read(path);
        Assert.Equal("torchsharp", (string?)file.Header["info"]!["Backend"]);
        Assert.Equal("cpu", (string?)file.Header["info"]!["Device"]);
        using var managed = new ManagedNetworkBackend(threads: 1).Create(Small, ComputeDevice.Cpu, seed: 0);
        Assert.Equal(
            managed.GetParameters().Select(p => ("autoencoder." + p.Name, p.ShapeText)).Append(("centers", "[3, 2]")),
            file.Tensors.Select(t => (t.Name, t.ShapeText)));
    }

    [Theory]
    [InlineData("huge-widths", "the parameter 'encoder.0.weight' the shape [46000, 6]")]
    [InlineData("nan-weight", "holds NaN at position 0")]
    [InlineData("string-width", "'architecture.HiddenWidths[0]' is a string")]
    public void A_sealed_but_wrong_file_is_refused_before_TorchSharp_builds_a_network(string edit, string fragment)
    {
        string path = SaveTorchSharpModel();
        var file = ModelFile.Read(path);
        var tensors = file.Tensors.ToList();
        switch (edit)
        {
            case "huge-widths":
                file.Header["architecture"]!["HiddenWidths"] = new JsonArray(46000, 46000);
                break;
            case "nan-weight":
                var first = tensors[0].ToArray();
                first[0] = float.NaN;
                tensors[0] = new NamedTensor(tensors[0].Name, first, tensors[0].Shape.ToArray());
                break;
            default:
                file.Header["architecture"]!["HiddenWidths"] = new JsonArray("8");
                break;
        }

        new ModelFile(file.Header, tensors).Write(path);
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<InvalidDataException>(() =>
            DeepClusteringModel.Load(path, new TorchSharpNetworkBackend(), ComputeDevice.Cpu).Dispose());

        Assert.Contains($"'{path}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{clock.Elapsed}");
    }

    private string SaveTorchSharpModel()
    {
        var rows = Enumerable.Range(0, 60).Select(i => Enumerable.Range(0, 6).Select(j => (float)((j % 3 == i % 3 ? 2.0 : 0.0) + 0.1 * Math.Sin(i * 7 + j))).ToArray()).ToArray();
        using var model = new DeepClusteringBuilder()
            .WithEncoder(Small)
            .WithNetworkBackend(new TorchSharpNetworkBackend())
            .WithPretraining(new AutoencoderTrainingOptions { Epochs = 2, BatchSize = 16, LearningRate = 1e-2f })
            .WithClusterer(new KMeans(new KMeansOptions { ClusterCount = 3, Threads = 1 }))
            .OnDevice(ComputeDevice.Cpu, threads: 1)
            .WithSeed(3)
            .Fit(DataMatrix.FromRows(rows));
        string path = Path.Combine(_folder.FullName, "torchsharp.dclm");
        model.Save(path);
        return path;
    }
}
