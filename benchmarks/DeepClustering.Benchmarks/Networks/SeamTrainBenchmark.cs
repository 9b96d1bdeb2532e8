using System.Diagnostics;
using DeepClustering.Networks;

namespace DeepClustering.Benchmarks.Networks;

/// <summary>
/// <c>train-seam --backend managed|torchsharp --model dense|conv [--batch 256] [--batches 20] [--warmup 3] [--threads 2]</c>:
/// autoencoder training throughput through the library's seam (<see cref="INetworkTrainer.Step"/>), as pretraining and
/// every refiner drive it: the batch's rows are picked from the inputs on the device, then forward, MSE, backward, Adam.
/// </summary>
internal sealed class SeamTrainBenchmark : IBenchmarkCommand
{
    public string Name => "train-seam";

    public object Run(BenchmarkArguments arguments)
    {
        string backendName = arguments.GetString("backend", "managed");
        string model = arguments.GetString("model", "dense");
        int batch = arguments.GetInt("batch", 256), batches = arguments.GetInt("batches", 20), warmup = arguments.GetInt("warmup", 3);
        int threads = arguments.GetInt("threads", 2);
        var backend = BenchmarkNetworks.Backend(backendName, threads);
        var architecture = BenchmarkNetworks.Architecture(model);
        using var network = backend.Create(architecture, ComputeDevice.Cpu, seed: 1);
        var inputs = BenchmarkNetworks.RandomInputs(architecture, batch, seed: 2);
        using var trainer = network.CreateTrainer(inputs, new NetworkTrainerOptions { LearningRate = 1e-3f });
        var rows = Enumerable.Range(0, batch).ToArray();
        double lastLoss = 0;
        for (int i = 0; i < warmup; i++)
        {
            lastLoss = trainer.Step(rows).Reconstruction;
        }

        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < batches; i++)
        {
            lastLoss = trainer.Step(rows).Reconstruction;
        }

        double seconds = clock.Elapsed.TotalSeconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new
        {
            engine = $"DeepClustering, {backendName} backend through the seam",
            backend = backendName,
            command = Name,
            model,
            batch,
            batches,
            threads,
            seconds,
            samples_per_second = batch * batches / seconds,
            managed_bytes_allocated_per_batch = allocated / (double)batches,
            peak_working_set_mb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0),
            final_loss = lastLoss,
        };
    }
}
