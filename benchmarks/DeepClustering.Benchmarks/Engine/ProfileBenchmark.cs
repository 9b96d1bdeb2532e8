using System.Diagnostics;
using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Tensors;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN.Losses;
using DeepClustering.Tensors.Optimizers;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Benchmarks.Engine;

/// <summary><c>profile --model dense|conv [--batch 256] [--batches 10] [--threads 2]</c>: milliseconds per layer, forward and backward.</summary>
internal sealed class ProfileBenchmark : IBenchmarkCommand
{
    public string Name => "profile";

    public object Run(BenchmarkArguments arguments)
    {
        using var backend = new CpuBackend(new CpuBackendOptions { Threads = arguments.GetInt("threads", 2) });
        return Profile(backend, arguments.GetString("model", "conv"), arguments.GetInt("batch", 256), arguments.GetInt("batches", 10));
    }

    private static object Profile(CpuBackend backend, string model, int batch, int batches)
    {
        var random = new RandomGenerator(1);
        Autoencoder network = model == "dense" ? DenseAutoencoder.CreateDec(backend, 784, random) : ConvolutionalAutoencoder.Create(backend, 1, 10, random);
        network.InputGradientRequired = false;
        var layers = network.Encoder.Modules.Concat(network.Decoder.Modules).ToArray();
        int[] shape = model == "dense" ? [batch, 784] : [batch, 1, 28, 28];
        var input = new Tensor(backend, shape);
        var values = input.AsSpan();
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.NextSingle();
        }

        var loss = new MeanSquaredErrorLoss(backend);
        var optimizer = new Adam(network.Parameters());
        var forward = new double[layers.Length];
        var backward = new double[layers.Length];
        double lossSeconds = 0, stepSeconds = 0;
        for (int iteration = -2; iteration < batches; iteration++)
        {
            bool timed = iteration >= 0;
            optimizer.ZeroGradient();
            var x = input;
            for (int i = 0; i < layers.Length; i++)
            {
                long t0 = Stopwatch.GetTimestamp();
                x = layers[i].Forward(x);
                if (timed)
                {
                    forward[i] += Stopwatch.GetElapsedTime(t0).TotalSeconds;
                }
            }

            long t1 = Stopwatch.GetTimestamp();
            loss.Forward(x, input);
            Tensor? g = loss.Backward();
            if (timed)
            {
                lossSeconds += Stopwatch.GetElapsedTime(t1).TotalSeconds;
            }

            for (int i = layers.Length - 1; i >= 0 && g is not null; i--)
            {
                long t0 = Stopwatch.GetTimestamp();
                g = layers[i].Backward(g);
                if (timed)
                {
                    backward[i] += Stopwatch.GetElapsedTime(t0).TotalSeconds;
                }
            }

            long t2 = Stopwatch.GetTimestamp();
            optimizer.Step();
            if (timed)
            {
                stepSeconds += Stopwatch.GetElapsedTime(t2).TotalSeconds;
            }
        }

        return new
        {
            command = "profile",
            model,
            milliseconds_per_batch = layers.Select((l, i) => new { layer = $"{i}:{l.GetType().Name}", forward = 1e3 * forward[i] / batches, backward = 1e3 * backward[i] / batches }).ToArray(),
            loss = 1e3 * lossSeconds / batches,
            optimizer = 1e3 * stepSeconds / batches,
        };
    }
}
