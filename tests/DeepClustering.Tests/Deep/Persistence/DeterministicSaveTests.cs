using System.Text.Json.Nodes;
using DeepClustering.Clustering;
using DeepClustering.Networks;
using DeepClustering.Pipeline;
using DeepClustering.Refiners.Dec;
using DeepClustering.Tests.Data;
using DeepClustering.Training;

namespace DeepClustering.Tests.Persistence;

/// <summary>Identical fits give byte-identical files: the wall-clock timings are kept out of the file.</summary>
public class DeterministicSaveTests
{
    [Fact]
    public void Two_identical_fits_save_byte_identical_files()
    {
        var (data, _) = SeparatedBlobs.Create(seed: 4);
        using var folder = new TemporaryFolder();
        string first = folder.File("first.dclm"), second = folder.File("second.dclm");

        using (var model = Builder().Fit(data))
        {
            model.Save(first);
        }

        Thread.Sleep(20); // Timings of the two fits differ, as they would on any machine.
        using (var model = Builder().Fit(data))
        {
            model.Save(second);
        }

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void The_timings_are_not_written_and_a_loaded_model_reports_zero_for_them()
    {
        var bytes = SealedModelFiles.ValidModel();
        var info = SealedModelFiles.Content(bytes).Header["info"]!.AsObject();

        Assert.False(info.ContainsKey("PretrainSeconds"));
        Assert.False(info.ContainsKey("Seconds"));
        using var loaded = SealedModelFiles.Load(bytes);
        Assert.Equal((0.0, 0.0), (loaded.Info.PretrainSeconds, loaded.Info.Seconds));
        Assert.Equal(new DeepClusteringModelInfo("dense", "kmeans", "idec", 7, 0, 0, 30, true, "managed", "cpu"), loaded.Info);
    }

    [Fact]
    public void Files_written_with_timings_still_load_with_them()
    {
        var bytes = SealedModelFiles.WithHeader(SealedModelFiles.ValidModel(), header =>
        {
            var info = header["info"]!.AsObject();
            info["PretrainSeconds"] = 1.5;
            info["Seconds"] = 4.25;
            info.Remove("Canceled");
            info.Remove("Backend");
            info.Remove("Device");
            header.Remove("alpha");
        });

        using var loaded = SealedModelFiles.Load(bytes);

        Assert.Equal((1.5, 4.25), (loaded.Info.PretrainSeconds, loaded.Info.Seconds));
        Assert.Equal((null, null, false), (loaded.Info.Backend, loaded.Info.Device, loaded.Info.Canceled));
        Assert.Equal(1.0, loaded.Alpha);
    }

    [Fact]
    public void A_negative_timing_in_an_older_file_is_refused()
    {
        var bytes = SealedModelFiles.WithHeader(SealedModelFiles.ValidModel(), header => header["info"]!["Seconds"] = -1);

        SealedModelFiles.AssertRefused(bytes, "'info.Seconds' is -1; a duration cannot be negative");
    }

    private static DeepClusteringBuilder Builder() => new DeepClusteringBuilder()
        .WithEncoder(new AutoencoderArchitecture(AutoencoderKind.Dense, [12], 3, [16], HiddenActivation.ReLU))
        .WithPretraining(new AutoencoderTrainingOptions { Epochs = 3, BatchSize = 32, LearningRate = 3e-3f })
        .WithClusterer(new KMeans(new KMeansOptions { ClusterCount = 4, InitializationCount = 3, Threads = 1 }))
        .WithRefiner(new DecRefiner(new DecRefinerOptions { Variant = DecVariant.Idec, MaxIterations = 20, UpdateInterval = 10 }))
        .OnDevice(ComputeDevice.Cpu, threads: 1)
        .WithSeed(11);
}
