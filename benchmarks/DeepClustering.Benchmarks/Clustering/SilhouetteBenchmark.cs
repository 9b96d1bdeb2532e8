using System.Diagnostics;
using DeepClustering.Data;
using DeepClustering.Metrics;

namespace DeepClustering.Benchmarks.Clustering;

/// <summary>
/// <c>silhouette [--data data/mnist] [--n 10000] [--threads 2] [--repeats 3]</c>: the exact silhouette score
/// of the first n MNIST training images (784 pixels in [0, 1]) labelled with their true digits; best of the
/// timed runs. Twin: benchmarks/reference/sklearn_silhouette.py.
/// </summary>
internal sealed class SilhouetteBenchmark : IBenchmarkCommand
{
    public string Name => "silhouette";

    public object Run(BenchmarkArguments arguments)
    {
        string folder = arguments.GetString("data", "data/mnist");
        int n = arguments.GetInt("n", 10000);
        int threads = arguments.GetInt("threads", 2);
        int repeats = arguments.GetInt("repeats", 3);
        var set = MnistLoader.LoadSplit(folder, MnistSplit.Train);
        n = Math.Min(n, set.Count);
        int d = set.Images.ValuesPerImage;
        var data = new DataMatrix(set.Images.Pixels.AsSpan(0, n * d).ToArray(), n, d);
        var labels = set.Labels.AsSpan(0, n).ToArray();
        var options = new SilhouetteOptions { Threads = threads };

        double best = double.MaxValue, value = 0;
        for (int r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            value = Silhouette.Compute(data, labels, options);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return new { engine = "DeepClustering", command = "silhouette", n, d, threads, seconds = best, silhouette = value };
    }
}
