using DeepClustering.Data;
using DeepClustering.Decomposition;
using DeepClustering.Manifold;
using DeepClustering;

namespace DeepClustering.Tests.Manifold;

/// <summary>t-SNE's options, determinism, progress and cancellation, on small seeded data.</summary>
public class TsneTests
{
    [Theory]
    [InlineData(TsneMethod.Exact)]
    [InlineData(TsneMethod.BarnesHut)]
    public void The_same_options_give_the_same_embedding_whatever_the_thread_count(TsneMethod method)
    {
        var data = Blobs(120, seed: 1);
        var options = new TsneOptions { Method = method, Perplexity = 10, MaxIterations = 300, Threads = 1 };

        var one = new Tsne(options).Fit(data);
        var two = new Tsne(new TsneOptions { Method = method, Perplexity = 10, MaxIterations = 300, Threads = 2 }).Fit(data);

        Assert.Equal(one.Embedding.Values, two.Embedding.Values);
        Assert.Equal(one.KlDivergence, two.KlDivergence);
        Assert.Equal(method, one.Method);
    }

    [Fact]
    public void Random_initialisation_follows_the_seed()
    {
        var data = Blobs(60, seed: 2);
        TsneResult Run(long seed) => new Tsne(new TsneOptions
        {
            Initialization = TsneInitialization.Random, Seed = seed, Perplexity = 5, MaxIterations = 260, Threads = 2,
        }).Fit(data);

        Assert.Equal(Run(7).Embedding.Values, Run(7).Embedding.Values);
        Assert.NotEqual(Run(7).Embedding.Values, Run(8).Embedding.Values);
    }

    [Fact]
    public void Pca_initialisation_is_the_first_components_scaled_to_a_standard_deviation_of_1e_4()
    {
        var data = Blobs(80, seed: 3);
        var tsne = new Tsne(new TsneOptions { Perplexity = 5 });

        double[] start = tsne.InitialEmbedding(data, CancellationToken.None);

        var scores = new Pca(2).Fit(data).Transform(data).Values;
        var first = Enumerable.Range(0, 80).Select(i => start[2 * i]).ToArray();
        double mean = first.Average();
        Assert.Equal(1e-4, Math.Sqrt(first.Sum(v => (v - mean) * (v - mean)) / 80), 1e-12);
        double ratio = start[0] / scores[0];
        for (int e = 0; e < start.Length; e++)
        {
            Assert.Equal(scores[e] * ratio, start[e], 1e-12);
        }
    }

    [Fact]
    public void Progress_is_reported_every_50_steps_and_after_the_last()
    {
        var reports = new List<TsneProgress>();
        var progress = new SynchronousProgress<TsneProgress>(reports.Add);

        var result = new Tsne(new TsneOptions { Perplexity = 5, MaxIterations = 320, Threads = 2 }).Fit(Blobs(50, seed: 4), progress);

        Assert.Equal(320, result.Iterations);
        Assert.Equal([50, 100, 150, 200, 250, 300, 320], reports.Select(r => r.Iteration));
        Assert.All(reports.Take(5), r => Assert.True(r.EarlyExaggeration));
        Assert.All(reports.Skip(5), r => Assert.False(r.EarlyExaggeration));
        Assert.Equal(result.KlDivergence, reports[^1].KlDivergence);
        Assert.All(reports, r => Assert.True(r.KlDivergence > 0 && r.GradientNorm >= 0));
    }

    [Fact]
    public void A_cancelled_run_throws()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress<TsneProgress>(_ => cancellation.Cancel());

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new Tsne(new TsneOptions { Perplexity = 5, Threads = 2 }).Fit(Blobs(50, seed: 5), progress, cancellation.Token));
    }

    [Fact]
    public void Auto_method_and_learning_rate_resolve_as_documented()
    {
        Assert.Equal(TsneMethod.Exact, new TsneOptions().ResolveMethod(1000));
        Assert.Equal(TsneMethod.BarnesHut, new TsneOptions().ResolveMethod(1001));
        Assert.Equal(TsneMethod.Exact, new TsneOptions { Dimensions = 4 }.ResolveMethod(5000));
        Assert.Equal(50.0, new TsneOptions().ResolveLearningRate(1000));
        Assert.Equal(10000 / 12.0 / 4, new TsneOptions().ResolveLearningRate(10000), 1e-12);
        Assert.Equal(123.0, new TsneOptions { LearningRate = 123 }.ResolveLearningRate(10000));
    }

    [Theory]
    [InlineData(nameof(TsneOptions.Dimensions))]
    [InlineData(nameof(TsneOptions.Perplexity))]
    [InlineData(nameof(TsneOptions.EarlyExaggeration))]
    [InlineData(nameof(TsneOptions.LearningRate))]
    [InlineData(nameof(TsneOptions.MaxIterations))]
    [InlineData(nameof(TsneOptions.EarlyExaggerationIterations))]
    [InlineData(nameof(TsneOptions.IterationsWithoutProgress))]
    [InlineData(nameof(TsneOptions.MinGradientNorm))]
    [InlineData(nameof(TsneOptions.Angle))]
    [InlineData(nameof(TsneOptions.Threads))]
    public void A_bad_option_is_refused_by_name(string name)
    {
        var options = name switch
        {
            nameof(TsneOptions.Dimensions) => new TsneOptions { Dimensions = 0 },
            nameof(TsneOptions.Perplexity) => new TsneOptions { Perplexity = double.NaN },
            nameof(TsneOptions.EarlyExaggeration) => new TsneOptions { EarlyExaggeration = 0.5 },
            nameof(TsneOptions.LearningRate) => new TsneOptions { LearningRate = -1 },
            nameof(TsneOptions.MaxIterations) => new TsneOptions { MaxIterations = 200 },
            nameof(TsneOptions.EarlyExaggerationIterations) => new TsneOptions { EarlyExaggerationIterations = -1 },
            nameof(TsneOptions.IterationsWithoutProgress) => new TsneOptions { IterationsWithoutProgress = -1 },
            nameof(TsneOptions.MinGradientNorm) => new TsneOptions { MinGradientNorm = -1 },
            nameof(TsneOptions.Angle) => new TsneOptions { Angle = 1.5 },
            _ => new TsneOptions { Threads = -1 },
        };

        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => new Tsne(options)).ParamName);
    }

    [Fact]
    public void Options_that_do_not_fit_the_data_are_refused_by_name()
    {
        var data = Blobs(20, seed: 6);
        Assert.Equal(nameof(TsneOptions.Perplexity),
            Assert.Throws<ArgumentOutOfRangeException>(() => new Tsne(new TsneOptions { Perplexity = 20 }).Fit(data)).ParamName);
        Assert.Equal(nameof(TsneOptions.Dimensions),
            Assert.Throws<ArgumentOutOfRangeException>(() => new Tsne(new TsneOptions { Method = TsneMethod.BarnesHut, Dimensions = 4 })).ParamName);
        Assert.Equal(nameof(TsneOptions.Dimensions),
            Assert.Throws<ArgumentOutOfRangeException>(() => new Tsne(new TsneOptions { Perplexity = 5, Dimensions = 4 }).Fit(data.SelectRows([0, 1, 2, 3, 4, 5, 6]).Columns3())).ParamName);
        Assert.Equal("data",
            Assert.Throws<ArgumentException>(() => new Tsne(new TsneOptions { Perplexity = 0.5 }).Fit(data.SelectRows([0]))).ParamName);
        var tooManyForExact = new DataMatrix(new float[TsneOptions.Defaults.ExactMaxSamples + 1], TsneOptions.Defaults.ExactMaxSamples + 1, 1);
        Assert.Equal(nameof(TsneOptions.Method),
            Assert.Throws<ArgumentOutOfRangeException>(() => new Tsne(new TsneOptions { Method = TsneMethod.Exact }).Fit(tooManyForExact)).ParamName);
    }

    [Fact]
    public void Separated_blobs_stay_separated_in_three_dimensions_too()
    {
        var data = Blobs(90, seed: 7);

        var result = new Tsne(new TsneOptions { Dimensions = 3, Method = TsneMethod.BarnesHut, Perplexity = 10, Threads = 2 }).Fit(data);

        Assert.Equal(3, result.Embedding.Columns);
        Assert.Equal(1.0, TsneQuality.NearestNeighbourAccuracy(result.Embedding, BlobLabels(90), 5));
    }

    /// <summary>Three well separated Gaussian blobs in 6 dimensions, rows cycling through the blobs.</summary>
    internal static DataMatrix Blobs(int n, long seed)
    {
        var data = CorrelatedData.Random(n, 6, seed);
        var values = data.Values;
        for (int i = 0; i < n; i++)
        {
            values[i * 6 + i % 3] += 60f;
        }

        return new DataMatrix(values, n, 6);
    }

    internal static int[] BlobLabels(int n) => Enumerable.Range(0, n).Select(i => i % 3).ToArray();
}

/// <summary>Test helpers on matrices.</summary>
internal static class DataMatrixTestExtensions
{
    /// <summary>The first three columns.</summary>
    public static DataMatrix Columns3(this DataMatrix data) =>
        DataMatrix.FromRows(Enumerable.Range(0, data.Rows).Select(i => data.Row(i)[..3].ToArray()).ToArray());
}
