using System.Diagnostics;
using DeepClustering.Clustering;
using DeepClustering.Data;

namespace DeepClustering.Benchmarks.Clustering;

/// <summary>
/// <c>kmeans [--data data/mnist] [--k 10] [--seed 0] [--threads 2] [--init 1] [--max-iter 300]</c>: k-means (k-means++, one
/// initialisation) on the full MNIST (train + test, 70,000 × 784, pixels in [0, 1]). Prints the fit's seconds, its
/// iterations and seconds per iteration, the process's CPU seconds during the fit (less sensitive to a shared
/// machine than the wall clock), the inertia and the accuracy against the digit labels. The twin is
/// <c>benchmarks/reference/sklearn_kmeans.py</c>.
/// </summary>
internal sealed class KMeansBenchmark : IBenchmarkCommand
{
    public string Name => "kmeans";

    public object Run(BenchmarkArguments arguments)
    {
        string folder = arguments.GetString("data", "data/mnist");
        int clusters = arguments.GetInt("k", 10), seed = arguments.GetInt("seed", 0), threads = arguments.GetInt("threads", 2);
        var train = MnistLoader.LoadSplit(folder, MnistSplit.Train);
        var test = MnistLoader.LoadSplit(folder, MnistSplit.Test);
        int columns = train.Images.ValuesPerImage;
        var data = new DataMatrix([.. train.Images.Pixels, .. test.Images.Pixels], train.Count + test.Count, columns);
        int[] truth = [.. train.Labels, .. test.Labels];

        var kmeans = new KMeans(new KMeansOptions
        {
            ClusterCount = clusters,
            InitializationCount = arguments.GetInt("init", 1),
            MaxIterations = arguments.GetInt("max-iter", KMeansOptions.Defaults.MaxIterations),
            Seed = seed,
            Threads = threads,
        });
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var model = kmeans.Fit(data);
        double seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        return new
        {
            engine = "DeepClustering",
            command = Name,
            rows = data.Rows,
            columns,
            k = clusters,
            threads,
            seed,
            seconds,
            iterations = model.Iterations,
            seconds_per_iteration = seconds / model.Iterations,
            cpu_seconds = cpuSeconds,
            inertia = model.Inertia,
            acc = ClusteringAccuracy.Compute(truth, [.. model.Labels]),
        };
    }
}
