using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Metrics;
using DeepClustering.Training;

namespace DeepClustering.Plotting.Tests;

/// <summary>Small, fixed inputs for every figure kind.</summary>
internal static class SampleFigures
{
    /// <summary><paramref name="perCluster"/> points around each of three centres in 2-D, with clusters and classes.</summary>
    public static (DataMatrix Points, int[] Clusters, int[] Classes) Blobs(int perCluster, int dimensions = 2)
    {
        var random = new Random(5);
        int n = 3 * perCluster;
        var values = new float[n * dimensions];
        var clusters = new int[n];
        var classes = new int[n];
        for (int i = 0; i < n; i++)
        {
            clusters[i] = i % 3;
            classes[i] = i % 5 == 0 ? (i + 1) % 3 : i % 3;
            for (int j = 0; j < dimensions; j++)
            {
                values[i * dimensions + j] = (float)((j == clusters[i] % dimensions ? 5 : 0) + random.NextDouble());
            }
        }

        return (new DataMatrix(values, n, dimensions), clusters, classes);
    }

    /// <summary><paramref name="count"/> 1×8×8 images: image i is a bar at column i % 8.</summary>
    public static ImageSet Images(int count)
    {
        var pixels = new float[count * 64];
        for (int i = 0; i < count; i++)
        {
            for (int y = 0; y < 8; y++)
            {
                pixels[i * 64 + y * 8 + i % 8] = 1;
            }
        }

        return new ImageSet(pixels, count, 1, 8, 8);
    }

    /// <summary>Five pretraining epochs, the initial clustering and four refinement steps with monitored scores.</summary>
    public static TrainingRecord[] History() =>
    [
        .. Enumerable.Range(1, 5).Select(e => new TrainingRecord(TrainingPhase.Pretraining, e, 1.0 / e, null, null, null, null)),
        new TrainingRecord(TrainingPhase.Clustering, 0, null, null, 0.6, 0.5, 0.4),
        .. Enumerable.Range(1, 4).Select(s => new TrainingRecord(TrainingPhase.Refinement, s * 10, 0.5 / s, 0.1 / s, 0.6 + s * 0.05, 0.5 + s * 0.05, 0.4 + s * 0.05)),
    ];

    /// <summary>Three curves of different lengths, as the ACC of three refinements.</summary>
    public static Curve[] Curves() =>
    [
        new("k = 5", [0, 40, 80], [0.5, 0.55, 0.56]),
        new("k = 10", [0, 40, 80, 120], [0.7, 0.8, 0.85, 0.86]),
        new("k = 15", [0, 40], [0.6, 0.62]),
    ];

    public static ContingencyMatrix Table()
    {
        var (_, clusters, classes) = Blobs(20);
        return ContingencyMatrix.Compute(classes, clusters);
    }

    public static ClusterCountSweepResult Sweep()
    {
        var (points, _, _) = Blobs(15, dimensions: 3);
        return ClusterCountSweep.Run(points, k => new KMeans(new KMeansOptions { ClusterCount = k, Seed = 1, Threads = 1 }),
            new ClusterCountSweepOptions { MinClusters = 2, MaxClusters = 5, Threads = 1 });
    }

    public static MethodScore[] Scores() =>
    [
        new("k-means", "ACC", 0.53), new("k-means", "NMI", 0.5), new("k-means", "ARI", 0.37),
        new("DEKM", "ACC", 0.95), new("DEKM", "NMI", 0.9), new("DEKM", "ARI", 0.89),
    ];
}
