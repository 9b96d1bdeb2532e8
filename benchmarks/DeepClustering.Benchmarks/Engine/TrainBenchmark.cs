using System.Diagnostics;
using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Tensors;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN.Losses;
using DeepClustering.Tensors.Optimizers;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Benchmarks.Engine;

/// <summary><c>train --model dense|conv [--batch 256] [--batches 20] [--warmup 3] [--threads 2]</c>: autoencoder training throughput.</summary>
internal sealed class TrainBenchmark : IBenchmarkCommand
{
    public string Name => "train";

    public object Run(BenchmarkArguments arguments)
    {
        using var backend = new CpuBackend(new CpuBackendOptions { Threads = arguments.GetInt("threads", 2) });
        return Train(backend, arguments.GetString("model", "dense"), arguments.GetInt("batch", 256),
            arguments.GetInt("batches", 20), arguments.GetInt("warmup", 3));
    }

    private static object Train(CpuBackend backend, string model, int batch, int batches, int warmup)
    {
        var random = new RandomGenerator(1);
        Autoencoder network = model switch
        {
            "dense" => DenseAutoencoder.CreateDec(backend, 784, random),
            "conv" => ConvolutionalAutoencoder.Create(backend, 1, 10, random),
            _ => throw new ArgumentException($"Unknown model '{model}'. Use dense or conv."),
        };
        network.InputGradientRequired = false;
        int[] shape = model == "dense" ? [batch, 784] : [batch, 1, 28, 28];
        var input = new Tensor(backend, shape);
        var values = input.AsSpan();
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.NextSingle();
        }

        var loss = new MeanSquaredErrorLoss(backend);
        var optimizer = new Adam(network.Parameters(), new AdamOptions { LearningRate = 1e-3f });
        double lastLoss = 0;
        void Step()
        {
            optimizer.ZeroGradient();
            var output = network.Forward(input);
            lastLoss = loss.Forward(output, input);
            network.Backward(loss.Backward());
            optimizer.Step();
        }

        for (int i = 0; i < warmup; i++)
        {
            Step();
        }

        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < batches; i++)
        {
            Step();
        }

        double seconds = clock.Elapsed.TotalSeconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new
        {
            engine = "DeepClustering",
            backend = backend.Name,
            command = "train",
            model,
            batch,
            batches,
            seconds,
            samples_per_second = batch * batches / seconds,
            bytes_allocated_per_batch = allocated / (double)batches,
            peak_working_set_mb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0),
            final_loss = lastLoss,
        };
    }
}
