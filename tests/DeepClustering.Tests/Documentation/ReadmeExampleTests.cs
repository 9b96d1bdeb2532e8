using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Decomposition;
using DeepClustering.Metrics;
using DeepClustering.Networks.Managed;
using DeepClustering.Networks;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Training;

namespace DeepClustering.Tests.Documentation;

/// <summary>The README's examples, run as written on small data, so that the front page cannot rot.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_autoencoder_example_trains_and_embeds()
    {
        using var backend = new CpuBackend(new CpuBackendOptions { Threads = 2 });
        var mnist = MnistLoader.LoadSplit(System.IO.Path.Combine(DeepClustering.Tests.Data.RepositoryRoot.Path, "samples", "data", "mnist"), MnistSplit.Test);
        var subset = new ImageSet(mnist.Images.Pixels.AsSpan(0, 512 * 784).ToArray(), 512, 1, 28, 28);
        var autoencoder = ConvolutionalAutoencoder.Create(backend, channels: 1, embeddingDimension: 10, new RandomGenerator(seed: 42));

        var trainer = new AutoencoderTrainer(new AutoencoderTrainingOptions { Epochs = 2, Seed = 42 });
        var result = trainer.Train(autoencoder, subset.ToTensor(backend),
            new Progress<AutoencoderTrainingProgress>(p => { /* p.Epoch, p.Batch, p.Loss */ }));

        autoencoder.Eval();
        var embedding = autoencoder.Encoder.Forward(subset.ToTensor(backend));
        Assert.Equal([512, 10], embedding.Shape.ToArray());
        Assert.True(result.EpochLosses[1] < result.EpochLosses[0]);
    }

    [Fact]
    public void The_clustering_example_runs_and_scores()
    {
        var random = new RandomGenerator(3);
        var truth = new int[300];
        var rows = new float[300][];
        for (int i = 0; i < rows.Length; i++)
        {
            truth[i] = i % 3;
            rows[i] = Enumerable.Range(0, 40).Select(j => (float)(10 * (j % 3 == truth[i] ? 1 : 0) + random.NextGaussian())).ToArray();
        }

        var data = DataMatrix.FromRows(rows);
        var kmeans = new KMeans(new KMeansOptions { ClusterCount = 3, Seed = 0 }).Fit(data);
        int[] labels = kmeans.Labels.ToArray();

        var reduced = new Pca(5).FitTransform(data);
        var mixture = new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 3, Seed = 0 }).Fit(reduced);
        double[,] probabilities = mixture.PredictProba(reduced);

        double acc = ClusteringAccuracy.Compute(truth, labels);
        double nmi = NormalizedMutualInformation.Compute(truth, labels);
        double silhouette = Silhouette.Compute(data, labels);
        var sweep = ClusterCountSweep.Run(reduced, k => new KMeans(new KMeansOptions { ClusterCount = k, Seed = 0 }));

        Assert.Equal(1.0, acc, 12);
        Assert.Equal(1.0, nmi, 12);
        Assert.InRange(silhouette, 0.5, 1.0);
        Assert.Equal(300, probabilities.GetLength(0));
        Assert.Contains(sweep.Scores, s => s.ClusterCount == 3);
    }
}
