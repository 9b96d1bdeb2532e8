using System.Diagnostics;
using DeepClustering.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepClustering.Benchmarks.Networks;

/// <summary>
/// <c>train-torchsharp --model dense|conv [--batch 256] [--batches 20] [--warmup 3] [--threads 2]</c>: the same
/// training written as a TorchSharp user would write it, without the library: nn.Sequential, MSE, backward, Adam, one
/// dispose scope per step. The yardstick of the seam's cost on the TorchSharp backend.
/// </summary>
internal sealed class BareTorchSharpTrainBenchmark : IBenchmarkCommand
{
    public string Name => "train-torchsharp";

    public object Run(BenchmarkArguments arguments)
    {
        string model = arguments.GetString("model", "dense");
        int batch = arguments.GetInt("batch", 256), batches = arguments.GetInt("batches", 20), warmup = arguments.GetInt("warmup", 3);
        int threads = arguments.GetInt("threads", 2);
        int collectEvery = arguments.GetInt("collect-every", 0); // diagnostic: a forced garbage collection every N steps (0: never)
        new TorchSharpNetworkBackend().Resolve(DeepClustering.Networks.ComputeDevice.Cpu); // loads the natives, naming the cause if they do not
        set_num_threads(threads);
        manual_seed(1);
        using var network = model switch
        {
            "dense" => Dense(),
            "conv" => Convolutional(),
            _ => throw new ArgumentException($"Unknown model '{model}'. Use dense or conv."),
        };
        using var x = model == "dense" ? rand(batch, 784) : rand(batch, 1, 28, 28);
        using var optimizer = optim.Adam(network.parameters(), 1e-3);
        double lastLoss = 0;
        void Step()
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(network.forward(x), x);
            loss.backward();
            optimizer.step();
            lastLoss = loss.item<float>();
        }

        for (int i = 0; i < warmup; i++)
        {
            Step();
        }

        DisposeScopeManager.Statistics.Reset();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < batches; i++)
        {
            Step();
            if (collectEvery > 0 && (i + 1) % collectEvery == 0)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }

        double seconds = clock.Elapsed.TotalSeconds;
        var statistics = DisposeScopeManager.Statistics;
        return new
        {
            engine = $"TorchSharp {typeof(torch).Assembly.GetName().Version}, a bare training loop",
            backend = "torchsharp-bare",
            command = Name,
            model,
            batch,
            batches,
            threads = get_num_threads(),
            seconds,
            samples_per_second = batch * batches / seconds,
            peak_working_set_mb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0),
            final_loss = lastLoss,
            tensors_created_outside_scope_per_batch = statistics.CreatedOutsideScopeCount / (double)batches,
            tensors_created_in_scope_per_batch = statistics.CreatedInScopeCount / (double)batches,
            tensors_live_at_end = statistics.ThreadTotalLiveCount,
        };
    }

    private static nn.Module<Tensor, Tensor> Dense()
    {
        int[] widths = [784, 500, 500, 2000, 10];
        var encoder = new List<nn.Module<Tensor, Tensor>>();
        var decoder = new List<nn.Module<Tensor, Tensor>>();
        for (int i = 0; i + 1 < widths.Length; i++)
        {
            encoder.Add(nn.Linear(widths[i], widths[i + 1]));
            if (i + 2 < widths.Length)
            {
                encoder.Add(nn.ReLU());
            }
        }

        for (int i = widths.Length - 1; i > 0; i--)
        {
            decoder.Add(nn.Linear(widths[i], widths[i - 1]));
            if (i > 1)
            {
                decoder.Add(nn.ReLU());
            }
        }

        return nn.Sequential(nn.Sequential(encoder), nn.Sequential(decoder));
    }

    private static nn.Module<Tensor, Tensor> Convolutional() => nn.Sequential(
        nn.Sequential(
            nn.Conv2d(1, 32, 5, stride: 2, padding: 2), nn.ReLU(),
            nn.Conv2d(32, 64, 5, stride: 2, padding: 2), nn.ReLU(),
            nn.Conv2d(64, 128, 3, stride: 2, padding: 0L), nn.ReLU(),
            nn.Flatten(), nn.Linear(1152, 10)),
        nn.Sequential(
            nn.Linear(10, 1152), nn.ReLU(), nn.Unflatten(1, [128, 3, 3]),
            nn.ConvTranspose2d(128, 64, 3, stride: 2, padding: 0L), nn.ReLU(),
            nn.ConvTranspose2d(64, 32, 5, stride: 2, padding: 2, output_padding: 1), nn.ReLU(),
            nn.ConvTranspose2d(32, 1, 5, stride: 2, padding: 2, output_padding: 1)));
}
