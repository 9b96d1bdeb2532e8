using System.Diagnostics;
using DeepClustering.Data;
using DeepClustering.Decomposition;
using DeepClustering.Manifold;

namespace DeepClustering.Benchmarks.Clustering;

/// <summary>
/// <c>tsne [--data data/mnist] [--split train|test] [--count 10000] [--pca 30] [--threads 2] [--seed 0]
/// [--method barnes-hut|exact] [--iterations 1000]</c>: PCA of the first <c>count</c> MNIST images to <c>pca</c>
/// dimensions, then a seeded 2-D t-SNE of them (perplexity 30, PCA initialisation, automatic learning rate);
/// the seconds of each, the KL divergence and the steps. Twin: <c>benchmarks/reference/sklearn_tsne.py</c>.
/// </summary>
internal sealed class TsneBenchmark : IBenchmarkCommand
{
    public string Name => "tsne";

    public object Run(BenchmarkArguments arguments)
    {
        string folder = arguments.GetString("data", "data/mnist");
        var split = arguments.GetString("split", "train") == "test" ? MnistSplit.Test : MnistSplit.Train;
        int count = arguments.GetInt("count", 10000);
        int components = arguments.GetInt("pca", 30);
        int threads = arguments.GetInt("threads", 2);
        long seed = arguments.GetInt("seed", 0);
        var method = arguments.GetString("method", "barnes-hut") == "exact" ? TsneMethod.Exact : TsneMethod.BarnesHut;
        int iterations = arguments.GetInt("iterations", 1000);

        var images = MnistLoader.LoadSplit(folder, split).Images;
        count = Math.Min(count, images.Count);
        var data = new DataMatrix(images.Pixels.AsSpan(0, count * images.ValuesPerImage).ToArray(), count, images.ValuesPerImage);

        var clock = Stopwatch.StartNew();
        var reduced = new Pca(new PcaOptions { ComponentCount = components, Threads = threads }).FitTransform(data);
        double pcaSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var result = new Tsne(new TsneOptions { Method = method, Seed = seed, Threads = threads, MaxIterations = iterations }).Fit(reduced);
        double tsneSeconds = clock.Elapsed.TotalSeconds;

        return new
        {
            engine = "DeepClustering",
            command = "tsne",
            samples = count,
            pca_components = components,
            threads,
            method = method == TsneMethod.Exact ? "exact" : "barnes_hut",
            seconds = pcaSeconds + tsneSeconds,
            pca_seconds = pcaSeconds,
            tsne_seconds = tsneSeconds,
            kl_divergence = result.KlDivergence,
            iterations = result.Iterations,
        };
    }
}
