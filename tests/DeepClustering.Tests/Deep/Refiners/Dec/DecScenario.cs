using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Metrics;
using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Pipeline;
using DeepClustering.Refiners;
using DeepClustering.Tensors;
using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.NN.Losses;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Training;

namespace DeepClustering.Tests.Refiners.Dec;

/// <summary>
/// A small refinement problem: Gaussian blobs in a few dimensions, a tiny dense autoencoder pretrained on them, and
/// k-means centres and labels of its embeddings. Everything comes from seeds, so two scenarios built alike are equal.
/// </summary>
internal sealed class DecScenario
{
    private DecScenario(Autoencoder encoder, Tensor inputs, int[] trueLabels, float[] centers, int[] labels)
    {
        Encoder = encoder;
        Inputs = inputs;
        TrueLabels = trueLabels;
        InitialCenters = centers;
        InitialLabels = labels;
    }

    public Autoencoder Encoder { get; }

    public Tensor Inputs { get; }

    /// <summary>The inputs as the rows the refiners take.</summary>
    public DataMatrix InputRows => DataMatrix.FromTensor(Inputs);

    public int[] TrueLabels { get; }

    public float[] InitialCenters { get; }

    public int[] InitialLabels { get; }

    public int ClusterCount => InitialCenters.Length / Encoder.EmbeddingDimension;

    /// <param name="backend">Where the tensors live.</param>
    /// <param name="clusters">Number of blobs and of clusters.</param>
    /// <param name="perCluster">Rows per blob.</param>
    /// <param name="dimension">Input dimension.</param>
    /// <param name="separation">Standard deviation of the blob centres (the noise around them is 1).</param>
    /// <param name="embeddingDimension">Width of the embedding.</param>
    /// <param name="kMeansIterations">Lloyd iterations of the initial k-means (1 with one random start gives a mediocre start).</param>
    /// <param name="seed">Seed of the data, the weights, the pretraining and k-means.</param>
    public static DecScenario Create(IComputeBackend backend, int clusters = 4, int perCluster = 75, int dimension = 10,
        double separation = 4.0, int embeddingDimension = 2, int kMeansIterations = 300, int seed = 1)
    {
        var random = new RandomGenerator(seed);
        var blobCentres = new double[clusters][];
        for (int c = 0; c < clusters; c++)
        {
            blobCentres[c] = Enumerable.Range(0, dimension).Select(_ => separation * random.NextGaussian()).ToArray();
        }

        int rows = clusters * perCluster;
        var order = random.Permutation(rows);                  // rows in random order: batches are taken in order
        var values = new float[rows * dimension];
        var trueLabels = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            int row = order[r];
            int cluster = r % clusters;
            trueLabels[row] = cluster;
            for (int t = 0; t < dimension; t++)
            {
                values[row * dimension + t] = (float)((blobCentres[cluster][t] + random.NextGaussian()) / separation);
            }
        }

        var inputs = new Tensor(backend, values, rows, dimension);
        var autoencoder = DenseAutoencoder.Create(backend, dimension, [32], embeddingDimension, new RandomGenerator(seed + 100));
        new AutoencoderTrainer(new AutoencoderTrainingOptions { Epochs = 30, BatchSize = 32, LearningRate = 3e-3f, Seed = seed })
            .Train(autoencoder, inputs);
        var encoder = autoencoder;

        var embeddings = new DataMatrix(encoder.Embed(inputs), rows, embeddingDimension);
        var kMeansOptions = kMeansIterations >= 300
            ? new KMeansOptions { ClusterCount = clusters, Seed = seed, Threads = 1 }
            : new KMeansOptions
            {
                ClusterCount = clusters, Seed = seed, Threads = 1, Initialization = KMeansInitialization.Random, InitializationCount = 1,
                MaxIterations = kMeansIterations,
            };
        var kMeans = new KMeans(kMeansOptions).Fit(embeddings);
        return new DecScenario(encoder, inputs, trueLabels, kMeans.Centers.Values.ToArray(), kMeans.Labels.ToArray());
    }

    /// <summary>A refinement context over this scenario; monitoring labels only when <paramref name="monitor"/>.</summary>
    public RefinementContext Context(bool monitor = true, long seed = 0, IProgress<DeepClusteringProgress>? progress = null) => new()
    {
        Network = Encoder.AsNetwork(),
        Inputs = InputRows,
        Clusterer = new KMeans(new KMeansOptions { ClusterCount = ClusterCount, Seed = 1, Threads = 1 }),
        InitialCenters = InitialCenters,
        InitialLabels = InitialLabels,
        MonitoringLabels = monitor ? TrueLabels : null,
        Seed = seed,
        Progress = progress,
        History = new TrainingHistory(monitor ? TrueLabels : null),
    };

    /// <summary>ACC of <paramref name="labels"/> against the blobs.</summary>
    public double Accuracy(IReadOnlyList<int> labels) => ClusteringAccuracy.Compute(TrueLabels, labels);

    /// <summary>The autoencoder's mean squared reconstruction error over all inputs, in evaluation mode.</summary>
    public double ReconstructionError()
    {
        var autoencoder = Encoder;
        autoencoder.Eval();
        try
        {
            var reconstruction = autoencoder.Forward(Inputs);
            return new MeanSquaredErrorLoss(autoencoder.Backend).Forward(reconstruction, Inputs);
        }
        finally
        {
            autoencoder.Train();
        }
    }
}
