using System.Diagnostics;
using DeepClustering.Networks;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Benchmarks.Networks;

/// <summary>
/// <c>train-memory --backend managed|torchsharp --model dense|conv [--epochs 100] [--rows 2560] [--batch 256] [--head true] [--threads 2]</c>:
/// whether memory stays flat over many epochs. Each epoch visits the rows in a new random order in mini-batches through
/// the seam, with a head on the embedding (as every refiner trains) unless <c>--head false</c>; the process's resident
/// set is read after every epoch, after no forced garbage collection (so tensors left to the collector would show).
/// </summary>
internal sealed class TrainingMemoryBenchmark : IBenchmarkCommand
{
    public string Name => "train-memory";

    public object Run(BenchmarkArguments arguments)
    {
        string backendName = arguments.GetString("backend", "torchsharp");
        string model = arguments.GetString("model", "dense");
        int epochs = arguments.GetInt("epochs", 100), rows = arguments.GetInt("rows", 2560), batch = arguments.GetInt("batch", 256);
        bool withHead = arguments.GetString("head", "true") == "true";
        int threads = arguments.GetInt("threads", 2);
        var backend = BenchmarkNetworks.Backend(backendName, threads);
        var architecture = BenchmarkNetworks.Architecture(model);
        using var network = backend.Create(architecture, ComputeDevice.Cpu, seed: 1);
        var inputs = BenchmarkNetworks.RandomInputs(architecture, rows, seed: 2);
        using var trainer = network.CreateTrainer(inputs, new NetworkTrainerOptions { LearningRate = 1e-3f, HeadWeight = 0.1f });
        var head = withHead ? new QuadraticHead() : null;
        var random = new RandomGenerator(3);
        var residentMb = new double[epochs];
        var collections = new int[epochs];
        int batchesPerEpoch = (rows + batch - 1) / batch;
        var process = Process.GetCurrentProcess();
        long liveBefore = global::TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        long outsideBefore = global::TorchSharp.DisposeScopeManager.Statistics.CreatedOutsideScopeCount;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        double lastLoss = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            var order = random.Permutation(rows);
            for (int start = 0; start < rows; start += batch)
            {
                lastLoss = trainer.Step(order.AsSpan(start, Math.Min(batch, rows - start)), head).Total;
            }

            process.Refresh();
            residentMb[epoch] = process.WorkingSet64 / (1024.0 * 1024.0);
            collections[epoch] = GC.CollectionCount(0);
        }

        // Growth is judged after a settling period (the first tenth of the epochs, at least one): allocators and
        // thread pools reach their working size in the first steps.
        int settled = Math.Max(1, epochs / 10) - 1;
        double growthMb = residentMb[^1] - residentMb[settled];
        int batchesAfter = (epochs - 1 - settled) * batchesPerEpoch;
        return new
        {
            engine = $"DeepClustering, {backendName} backend",
            backend = backendName,
            command = Name,
            model,
            epochs,
            rows,
            batch,
            head = withHead,
            threads,
            seconds = clock.Elapsed.TotalSeconds,
            resident_mb_after_epoch_1 = residentMb[0],
            resident_mb_after_settling = residentMb[settled],
            settling_epochs = settled + 1,
            resident_mb_at_end = residentMb[^1],
            resident_mb_max = residentMb.Max(),
            growth_mb_after_settling = growthMb,
            growth_kb_per_batch_after_settling = batchesAfter > 0 ? growthMb * 1024 / batchesAfter : 0,
            resident_mb_every_10_epochs = residentMb.Where((_, i) => (i + 1) % 10 == 0).Select(v => Math.Round(v, 1)).ToArray(),
            resident_mb_first_10_epochs = residentMb.Take(10).Select(v => Math.Round(v, 1)).ToArray(),
            torchsharp_tensors_created_outside_a_scope = global::TorchSharp.DisposeScopeManager.Statistics.CreatedOutsideScopeCount - outsideBefore,
            torchsharp_tensors_live_growth = global::TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount - liveBefore,
            managed_kb_allocated_per_batch = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / (epochs * batchesPerEpoch),
            garbage_collections_every_10_epochs = collections.Where((_, i) => (i + 1) % 10 == 0).ToArray(),
            final_loss = lastLoss,
        };
    }

    /// <summary>½·mean‖z‖²: a head with a gradient on every embedding, the same on every backend.</summary>
    private sealed class QuadraticHead : IEmbeddingHead
    {
        public double LossAndGradient(ReadOnlySpan<int> rows, ReadOnlySpan<float> embeddings, Span<float> embeddingGradient)
        {
            double loss = 0;
            float scale = 1f / rows.Length;
            for (int i = 0; i < embeddings.Length; i++)
            {
                loss += 0.5 * embeddings[i] * embeddings[i];
                embeddingGradient[i] = embeddings[i] * scale;
            }

            return loss / rows.Length;
        }
    }
}
