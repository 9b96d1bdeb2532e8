using DeepClustering.Data;
using DeepClustering.Manifold;

namespace DeepClustering.Tests.Manifold;

/// <summary>UMAP's public behaviour on small seeded data: separation, determinism, transform, persistence, bad input.</summary>
public class UmapTests
{
    private static readonly UmapOptions Quick = new() { NeighborCount = 10, Epochs = 100, Threads = 2 };

    [Fact]
    public void Separate_blobs_stay_separate_in_the_embedding()
    {
        var data = TsneTests.Blobs(150, seed: 11);
        var model = new Umap(Quick).Fit(data);

        Assert.Equal(150, model.Embedding.Rows);
        Assert.Equal(2, model.Embedding.Columns);
        Assert.Equal(1.0, TsneQuality.NearestNeighbourAccuracy(model.Embedding, TsneTests.BlobLabels(150), 5));
        Assert.True(model.InitializationConverged);
    }

    [Fact]
    public void The_same_seed_gives_the_same_embedding_on_one_thread_and_on_two()
    {
        var data = CorrelatedData.Random(200, 5, seed: 12);
        var one = new Umap(new UmapOptions { NeighborCount = 10, Epochs = 60, Threads = 1, Seed = 3 }).Fit(data);
        var two = new Umap(new UmapOptions { NeighborCount = 10, Epochs = 60, Threads = 2, Seed = 3 }).Fit(data);
        var other = new Umap(new UmapOptions { NeighborCount = 10, Epochs = 60, Threads = 2, Seed = 4 }).Fit(data);

        Assert.Equal(one.Embedding.Values, two.Embedding.Values);
        Assert.NotEqual(one.Embedding.Values, other.Embedding.Values);
    }

    [Fact]
    public void New_points_are_embedded_beside_the_training_points_of_their_blob()
    {
        var train = TsneTests.Blobs(150, seed: 13);
        var fresh = TsneTests.Blobs(30, seed: 14);
        var model = new Umap(Quick).Fit(train);

        var embedded = model.Transform(fresh);

        var trainLabels = TsneTests.BlobLabels(150);
        for (int i = 0; i < fresh.Rows; i++)
        {
            int nearest = Enumerable.Range(0, 150).MinBy(j => SquaredDistance(embedded.Row(i), model.Embedding.Row(j)));
            Assert.Equal(i % 3, trainLabels[nearest]);
        }
    }

    [Fact]
    public void A_training_row_given_again_lands_where_the_fit_put_it_or_close()
    {
        var train = TsneTests.Blobs(150, seed: 15);
        var model = new Umap(Quick).Fit(train);

        var again = model.Transform(train.SelectRows([0, 1, 2]));

        for (int i = 0; i < 3; i++)
        {
            double spread = Enumerable.Range(0, 150).Where(j => j % 3 == i % 3).Max(j => SquaredDistance(model.Embedding.Row(j), model.Embedding.Row(i)));
            Assert.True(SquaredDistance(again.Row(i), model.Embedding.Row(i)) <= spread, $"row {i} moved out of its blob");
        }
    }

    [Fact]
    public void Cosine_metric_ignores_the_rows_lengths()
    {
        var data = TsneTests.Blobs(90, seed: 16);
        var scaled = new DataMatrix(data.Values.Select((v, e) => v * (1 + (e / 6) % 4)).ToArray(), 90, 6);

        var plain = DeepClustering.Manifold.FuzzyGraph.FuzzySimplicialSet.Build(
            DeepClustering.Manifold.FuzzyGraph.NeighborSpace.Prepare(data, UmapMetric.Cosine, "data"), UmapMetric.Cosine, 8, 1.0, 1.0, 2, CancellationToken.None);
        var stretched = DeepClustering.Manifold.FuzzyGraph.FuzzySimplicialSet.Build(
            DeepClustering.Manifold.FuzzyGraph.NeighborSpace.Prepare(scaled, UmapMetric.Cosine, "data"), UmapMetric.Cosine, 8, 1.0, 1.0, 2, CancellationToken.None);

        Assert.Equal(plain.Targets, stretched.Targets);
        EmbeddingGolden.AssertRelativelyClose(plain.Weights.Select(w => (double)w).ToArray(), stretched.Weights.Select(w => (double)w).ToArray(), 1e-4, "weight");
        var model = new Umap(new UmapOptions { NeighborCount = 8, Epochs = 50, Threads = 2, Metric = UmapMetric.Cosine }).Fit(scaled);
        Assert.Equal(1.0, TsneQuality.NearestNeighbourAccuracy(model.Embedding, TsneTests.BlobLabels(90), 5));
    }

    [Fact]
    public void A_saved_model_loads_and_transforms_as_the_original()
    {
        var train = TsneTests.Blobs(120, seed: 17);
        var model = new Umap(new UmapOptions { NeighborCount = 8, Epochs = 40, Threads = 2, Seed = 9, MinDistance = 0.2 }).Fit(train);
        string path = Path.Combine(Path.GetTempPath(), $"umap-{Guid.NewGuid():N}.dcm");
        try
        {
            model.Save(path);
            var loaded = UmapModel.Load(path, threads: 1);

            Assert.Equal(model.Embedding.Values, loaded.Embedding.Values);
            Assert.Equal(model.A, loaded.A);
            Assert.Equal(model.B, loaded.B);
            Assert.Equal(0.2, loaded.Options.MinDistance);
            Assert.Equal(9, loaded.Options.Seed);
            var fresh = TsneTests.Blobs(12, seed: 18);
            Assert.Equal(model.Transform(fresh).Values, loaded.Transform(fresh).Values);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_damaged_model_file_is_refused()
    {
        var model = new Umap(new UmapOptions { NeighborCount = 5, Epochs = 20, Threads = 1 }).Fit(TsneTests.Blobs(30, seed: 19));
        string path = Path.Combine(Path.GetTempPath(), $"umap-{Guid.NewGuid():N}.dcm");
        try
        {
            model.Save(path);
            var bytes = File.ReadAllBytes(path);
            bytes[bytes.Length / 2] ^= 0x40;
            File.WriteAllBytes(path, bytes);

            var error = Assert.Throws<InvalidDataException>(() => UmapModel.Load(path));
            Assert.Contains(path, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Progress_goes_through_the_stages_and_the_layout_epochs()
    {
        var reports = new List<UmapProgress>();
        new Umap(new UmapOptions { NeighborCount = 5, Epochs = 25, Threads = 1 }).Fit(TsneTests.Blobs(30, seed: 20), new SynchronousProgress<UmapProgress>(reports.Add));

        Assert.Equal([UmapStage.Neighbors, UmapStage.Graph, UmapStage.Initialization, UmapStage.Layout], reports.Select(r => r.Stage).Distinct());
        Assert.Equal([10, 20, 25], reports.Where(r => r.Stage == UmapStage.Layout && r.Epoch > 0).Select(r => r.Epoch));
    }

    [Fact]
    public void Cancellation_stops_the_fit()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new Umap(Quick).Fit(TsneTests.Blobs(60, seed: 21), cancellationToken: source.Token));
    }

    [Fact]
    public void Epochs_default_to_umap_learns_rule_by_size()
    {
        Assert.Equal(500, new UmapOptions().ResolveEpochs(10000));
        Assert.Equal(200, new UmapOptions().ResolveEpochs(10001));
        Assert.Equal(100, new UmapOptions().ResolveTransformEpochs(10000));
        Assert.Equal(30, new UmapOptions().ResolveTransformEpochs(10001));
        Assert.Equal(20, new UmapOptions { Epochs = 60 }.ResolveTransformEpochs(5));
        Assert.Equal(500, new UmapOptions { Epochs = 5 }.ResolvePruningEpochs(100));
    }

    [Theory]
    [InlineData(nameof(UmapOptions.NeighborCount))]
    [InlineData(nameof(UmapOptions.Components))]
    [InlineData(nameof(UmapOptions.MinDistance))]
    [InlineData(nameof(UmapOptions.Spread))]
    [InlineData(nameof(UmapOptions.Epochs))]
    [InlineData(nameof(UmapOptions.LearningRate))]
    [InlineData(nameof(UmapOptions.SetOpMixRatio))]
    [InlineData(nameof(UmapOptions.NegativeSampleRate))]
    [InlineData(nameof(UmapOptions.B))]
    [InlineData(nameof(UmapOptions.Threads))]
    public void Bad_options_are_refused_naming_the_option(string name)
    {
        UmapOptions options = name switch
        {
            nameof(UmapOptions.NeighborCount) => new() { NeighborCount = 1 },
            nameof(UmapOptions.Components) => new() { Components = 0 },
            nameof(UmapOptions.MinDistance) => new() { MinDistance = 1.5 },
            nameof(UmapOptions.Spread) => new() { Spread = 0 },
            nameof(UmapOptions.Epochs) => new() { Epochs = 0 },
            nameof(UmapOptions.LearningRate) => new() { LearningRate = double.NaN },
            nameof(UmapOptions.SetOpMixRatio) => new() { SetOpMixRatio = 2 },
            nameof(UmapOptions.NegativeSampleRate) => new() { NegativeSampleRate = -1 },
            nameof(UmapOptions.B) => new() { A = 1.0 },
            _ => new() { Threads = -1 },
        };

        var error = Assert.ThrowsAny<ArgumentException>(() => new Umap(options));
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void Bad_data_are_refused_naming_the_row()
    {
        var data = TsneTests.Blobs(30, seed: 22);
        data.Values[7 * 6 + 2] = float.NaN;
        var error = Assert.Throws<ArgumentException>(() => new Umap(Quick).Fit(data));
        Assert.Contains("row 7, column 2", error.Message);

        var zero = TsneTests.Blobs(30, seed: 23);
        Array.Clear(zero.Values, 4 * 6, 6);
        error = Assert.Throws<ArgumentException>(() => new Umap(new UmapOptions { Metric = UmapMetric.Cosine, NeighborCount = 5 }).Fit(zero));
        Assert.Contains("Row 4", error.Message);

        Assert.Equal("NeighborCount", Assert.ThrowsAny<ArgumentException>(() => new Umap(new UmapOptions { NeighborCount = 40 }).Fit(TsneTests.Blobs(30, seed: 24))).ParamName);
        var model = new Umap(new UmapOptions { NeighborCount = 5, Epochs = 20 }).Fit(TsneTests.Blobs(30, seed: 25));
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => model.Transform(CorrelatedData.Random(3, 4, seed: 1))).ParamName);
    }

    private static double SquaredDistance(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        double sum = 0;
        for (int c = 0; c < x.Length; c++)
        {
            sum += (x[c] - y[c]) * (double)(x[c] - y[c]);
        }

        return sum;
    }
}
