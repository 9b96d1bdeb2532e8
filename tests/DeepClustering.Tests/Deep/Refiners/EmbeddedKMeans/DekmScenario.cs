using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Pipeline;
using DeepClustering.Refiners;
using DeepClustering.Tensors;
using DeepClustering.Tensors.Backends;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Training;

namespace DeepClustering.Tests.Refiners.EmbeddedKMeans;

/// <summary>
/// A small refinement problem: Gaussian blobs in 10 dimensions, a tiny dense autoencoder (10-32-3) pretrained
/// briefly on them, and a k-means clustering of its embeddings.
/// </summary>
internal sealed class DekmScenario
{
    public const int InputDimension = 10;
    public const int EmbeddingDimension = 3;

    private DekmScenario(Autoencoder encoder, Tensor inputs, int[] truth, KMeans clusterer, KMeansModel initial)
    {
        Encoder = encoder;
        Inputs = inputs;
        Truth = truth;
        Clusterer = clusterer;
        Initial = initial;
    }

    public Autoencoder Encoder { get; }

    public Tensor Inputs { get; }

    /// <summary>The inputs as the rows the refiners take.</summary>
    public DataMatrix InputRows => DataMatrix.FromTensor(Inputs);

    public int[] Truth { get; }

    public KMeans Clusterer { get; }

    public KMeansModel Initial { get; }

    public double InitialAccuracy => DeepClustering.Metrics.ClusteringAccuracy.Compute(Truth, Initial.Labels);

    /// <summary>
    /// <paramref name="clusters"/> blobs of <paramref name="perCluster"/> points with unit spread, centres drawn
    /// with spread <paramref name="separation"/>; the autoencoder pretrained for <paramref name="pretrainEpochs"/>.
    /// </summary>
    public static DekmScenario Create(IComputeBackend backend, int clusters, int perCluster, double separation, long seed, int pretrainEpochs = 20)
    {
        var random = new RandomGenerator(seed);
        int n = clusters * perCluster;
        var centres = new double[clusters * InputDimension];
        for (int i = 0; i < centres.Length; i++)
        {
            centres[i] = separation * random.NextGaussian();
        }

        var order = random.Permutation(n);
        var values = new float[n * InputDimension];
        var truth = new int[n];
        for (int s = 0; s < n; s++)
        {
            int row = order[s];
            int cluster = s % clusters;
            truth[row] = cluster;
            for (int j = 0; j < InputDimension; j++)
            {
                values[row * InputDimension + j] = (float)(centres[cluster * InputDimension + j] + random.NextGaussian());
            }
        }

        var inputs = new Tensor(backend, values, n, InputDimension);
        var autoencoder = DenseAutoencoder.Create(backend, InputDimension, [32], EmbeddingDimension, new RandomGenerator(seed + 1));
        if (pretrainEpochs > 0)
        {
            new AutoencoderTrainer(new AutoencoderTrainingOptions { Epochs = pretrainEpochs, BatchSize = 32, Seed = seed + 2 })
                .Train(autoencoder, inputs);
        }

        var encoder = autoencoder;
        var clusterer = new KMeans(new KMeansOptions { ClusterCount = clusters, InitializationCount = 100, Seed = seed + 3, Threads = 1 });
        var initial = clusterer.Fit(new DataMatrix(encoder.Embed(inputs), n, EmbeddingDimension));
        return new DekmScenario(encoder, inputs, truth, clusterer, initial);
    }

    /// <summary>A context starting from the initial clustering, monitored against the truth.</summary>
    public RefinementContext Context(long seed = 5, IProgress<DeepClusteringProgress>? progress = null) => new()
    {
        Network = Encoder.AsNetwork(),
        Inputs = InputRows,
        Clusterer = Clusterer,
        InitialCenters = Initial.Centers.Values,
        InitialLabels = Initial.Labels.ToArray(),
        MonitoringLabels = Truth,
        Seed = seed,
        Progress = progress,
        History = new TrainingHistory(Truth),
    };

    /// <summary>The encoder's parameters, flattened, to compare runs.</summary>
    public float[] Weights() => Encoder.Encoder.Parameters().SelectMany(p => p.Value.ToArray()).ToArray();
}
