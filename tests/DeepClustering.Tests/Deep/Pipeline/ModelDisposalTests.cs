using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Networks;
using DeepClustering.Pipeline;

namespace DeepClustering.Tests.Deep.Pipeline;

/// <summary>A model disposed while in use, used after disposal, and used from several threads at once.</summary>
public sealed class ModelDisposalTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "deepclustering-dispose-" + Guid.NewGuid().ToString("N"));

    public ModelDisposalTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The probe's shape: a 64-1024-1024-10 dense model, two threads, so that predictions use the workers.</summary>
    private (string Path, DataMatrix Data) WideModel()
    {
        var data = CorrelatedData.Random(400, 64, seed: 5);
        using var model = new DeepClusteringBuilder()
            .WithEncoder(new AutoencoderArchitecture(AutoencoderKind.Dense, [64], 10, [1024, 1024], HiddenActivation.ReLU))
            .WithClusterer(new KMeans(new KMeansOptions { ClusterCount = 4, InitializationCount = 1, Threads = 1 }))
            .OnDevice(ComputeDevice.Cpu, threads: 2)
            .WithSeed(1)
            .Fit(data);
        string path = Path.Combine(_folder, "wide.dclm");
        model.Save(path);
        return (path, data);
    }

    [Fact]
    public void Disposing_a_model_while_another_thread_predicts_never_hangs_that_thread()
    {
        // 100 in the suite; DEEPCLUSTERING_DISPOSE_TRIALS=1000 for the long run of docs/reliability.md.
        int trials = int.TryParse(Environment.GetEnvironmentVariable("DEEPCLUSTERING_DISPOSE_TRIALS"), out int n) ? n : 100;
        var (path, data) = WideModel();
        for (int trial = 0; trial < trials; trial++)
        {
            var model = DeepClusteringModel.Load(path, threads: 2);
            using var started = new ManualResetEventSlim();
            Exception? failure = null;
            var predictor = new Thread(() =>
            {
                try
                {
                    while (true)
                    {
                        started.Set();
                        Assert.Equal(data.Rows, model.Predict(data).Length);
                    }
                }
                catch (ObjectDisposedException)
                {
                    // Refused after Dispose; the call in flight completed.
                }
                catch (Exception e)
                {
                    failure = e;
                }
            });
            predictor.Start();
            started.Wait();
            Thread.SpinWait(trial % 10 * 20_000);
            model.Dispose();

            Assert.True(predictor.Join(TimeSpan.FromSeconds(30)), $"trial {trial}: Predict hung after Dispose");
            Assert.Null(failure);
        }
    }

    [Theory]
    [InlineData(1, 12)]
    [InlineData(2, 12)]
    [InlineData(2, 64)]
    public void Every_call_after_dispose_throws_object_disposed_for_small_and_large_models(int threads, int features)
    {
        var data = CorrelatedData.Random(300, features, seed: 2);
        var model = new DeepClusteringBuilder()
            .WithEncoder(new AutoencoderArchitecture(AutoencoderKind.Dense, [features], 3, features > 12 ? [1024] : [8], HiddenActivation.ReLU))
            .WithClusterer(new KMeans(new KMeansOptions { ClusterCount = 3, InitializationCount = 1, Threads = 1 }))
            .OnDevice(ComputeDevice.Cpu, threads: threads)
            .Fit(data);
        model.Dispose();

        Assert.Throws<ObjectDisposedException>(() => model.Predict(data));
        Assert.Throws<ObjectDisposedException>(() => model.Transform(data));
        Assert.Throws<ObjectDisposedException>(() => model.PredictProba(data));
        Assert.Throws<ObjectDisposedException>(() => model.Centers);
        Assert.Throws<ObjectDisposedException>(() => model.Save(Path.Combine(_folder, "disposed.dclm")));
        Assert.Throws<ObjectDisposedException>(() => model.Network.Embed(data));
        Assert.Throws<ObjectDisposedException>(() => model.Network.GetParameters());
        Assert.False(File.Exists(Path.Combine(_folder, "disposed.dclm")));
        model.Dispose();    // a second Dispose is harmless
    }

    [Fact]
    public void Predictions_from_several_threads_at_once_equal_the_sequential_ones()
    {
        var (path, data) = WideModel();
        using var model = DeepClusteringModel.Load(path, threads: 2);
        var expected = model.Predict(data);
        var expectedProba = model.PredictProba(data);

        var results = new int[4][];
        var probabilities = new double[4][,];
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            for (int round = 0; round < 5; round++)
            {
                results[t] = model.Predict(data);
                probabilities[t] = model.PredictProba(data);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => Assert.True(t.Join(TimeSpan.FromMinutes(2))));

        Assert.All(results, r => Assert.Equal(expected, r));
        Assert.All(probabilities, p => Assert.Equal(expectedProba, p));
    }
}
