using System.Diagnostics;
using System.Globalization;
using DeepClustering.Clustering;
using DeepClustering.Clustering.Density;
using DeepClustering.Data;
using DeepClustering.Decomposition;
using DeepClustering.Manifold;
using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Pipeline;
using DeepClustering.Training;
using static DeepClustering.Samples.SampleReport;

namespace DeepClustering.Samples.ClassicalPipelines;

/// <summary>The five pipelines of seed document 003 on MNIST, each one experiment, and their summary.</summary>
internal sealed class ClassicalPipelinesSample(SampleArguments arguments) : ISample
{
    private LabeledImageSet? _data;

    private DataMatrix? _pixels;

    public static readonly IReadOnlyList<string> Experiments = ["kmeans", "spherical-kmeans", "pca-kmeans", "tsne-dbscan", "autoencoder-spherical-kmeans"];

    private static readonly string[] Reported = [.. Experiments.Take(4), "tsne-dbscan-kdistance", Experiments[4]];

    private readonly Dictionary<string, string> Titles = new()
    {
        ["kmeans"] = "k-means on the raw pixels",
        ["spherical-kmeans"] = "spherical k-means on the raw pixels",
        ["pca-kmeans"] = "PCA(30) + k-means",
        ["tsne-dbscan"] = "t-SNE + DBSCAN (ε = 2.4, 100 points)",
        ["autoencoder-spherical-kmeans"] = "autoencoder (200) + spherical k-means",
    };

    /// <summary>MNIST for the mode, loaded once.</summary>
    private LabeledImageSet Data => _data ??= SampleData.Load("mnist", arguments);

    /// <summary>Its images as rows of pixels.</summary>
    private DataMatrix Pixels => _pixels ??= Data.Images.ToDataMatrix();

    /// <summary>Runs one pipeline, draws its ten images per cluster, and stores its scores.</summary>
    public void Run(string experiment)
    {
        Console.WriteLine($"{Titles[experiment]} on {SampleData.Describe("mnist", arguments, Data.Count)}");
        var clock = Stopwatch.StartNew();
        var (labels, extra) = experiment switch
        {
            "kmeans" => (KMeans(Pixels), null),
            "spherical-kmeans" => (Spherical(Pixels), null),
            "pca-kmeans" => (KMeans(new Pca(new PcaOptions { ComponentCount = 30, Threads = arguments.Threads }).FitTransform(Pixels)), null),
            "tsne-dbscan" => TsneDbscan(),
            "autoencoder-spherical-kmeans" => (AutoencoderSpherical(), null),
            _ => throw new ArgumentException($"Unknown experiment '{experiment}'.", nameof(experiment)),
        };
        double seconds = clock.Elapsed.TotalSeconds;
        var scores = ExternalScores.Compute(Data.Labels, labels);
        int clusters = labels.Where(l => l != -1).Distinct().Count();
        int noise = labels.Count(l => l == -1);
        Console.WriteLine($"{Titles[experiment]}: {clusters} clusters, ACC {F3(scores.Accuracy)}, NMI {F3(scores.Nmi)}, ARI {F3(scores.Ari)} in {seconds:0} s");
        SampleFigures.Grid(arguments, $"clusters-{experiment}.png", Data.Images, SampleFigures.RandomPerCluster(labels, 10, arguments.Seed),
            $"MNIST, {Titles[experiment]}: ACC {F3(scores.Accuracy)}, ten random images of each cluster");
        extra?.Invoke(labels, scores);
        SampleResults.Save(arguments.Output, experiment,
        [
            new SampleRun
            {
                Experiment = experiment, DataSet = "mnist", Method = Titles[experiment], Clusters = clusters, Samples = Data.Count,
                Accuracy = scores.Accuracy, Nmi = scores.Nmi, Ari = scores.Ari, Seconds = seconds, Noise = experiment == "tsne-dbscan" ? noise : null,
            },
        ]);
    }

    /// <summary>scikit-learn's KMeans(init="k-means++", n_clusters=10, random_state=0): 10 initialisations in 1.2.</summary>
    private int[] KMeans(DataMatrix points) =>
        new KMeans(new KMeansOptions { ClusterCount = 10, InitializationCount = 10, Seed = arguments.Seed, Threads = arguments.Threads }).Fit(points).Labels.ToArray();

    /// <summary>spherecluster's SphericalKMeans(n_clusters=10): 10 initialisations.</summary>
    private int[] Spherical(DataMatrix points) =>
        new SphericalKMeans(new SphericalKMeansOptions { ClusterCount = 10, InitializationCount = 10, Seed = arguments.Seed, Threads = arguments.Threads }).Fit(points).Labels.ToArray();

    /// <summary>
    /// TSNE(learning_rate=300) to two dimensions, then DBSCAN(eps=2.4, min_samples=100) as the tutorial; and, on the same
    /// map, DBSCAN with 100 points and ε by the k-distance rule (the median distance to the 100th neighbour), because the
    /// tutorial's ε was set for the map of its 60,000 images. Draws the map with each one's clusters.
    /// </summary>
    private (int[] Labels, Action<int[], ExternalScores>? Extra) TsneDbscan()
    {
        var clock = Stopwatch.StartNew();
        var map = new Tsne(new TsneOptions { LearningRate = 300, Seed = arguments.Seed, Threads = arguments.Threads }).Fit(Pixels).Embedding;
        double mapSeconds = clock.Elapsed.TotalSeconds;
        var tutorial = new Dbscan(new DbscanOptions { Epsilon = 2.4, MinimumPoints = 100, Threads = arguments.Threads }).Fit(map).Labels.ToArray();
        clock.Restart();
        double epsilon = NeighbourDistance.Median(map, 100, 1000, arguments.Seed, arguments.Threads);
        var adapted = new Dbscan(new DbscanOptions { Epsilon = epsilon, MinimumPoints = 100, Threads = arguments.Threads }).Fit(map).Labels.ToArray();
        var adaptedScores = ExternalScores.Compute(Data.Labels, adapted);
        string title = string.Create(CultureInfo.InvariantCulture, $"t-SNE + DBSCAN (ε = {epsilon:0.00} by the k-distance rule, 100 points)");
        Titles["tsne-dbscan-kdistance"] = title;
        SampleFigures.Grid(arguments, "clusters-tsne-dbscan-kdistance.png", Data.Images, SampleFigures.RandomPerCluster(adapted, 10, arguments.Seed),
            $"MNIST, {title}: ACC {F3(adaptedScores.Accuracy)}, ten random images of each cluster");
        var tutorialScores = ExternalScores.Compute(Data.Labels, tutorial);
        SampleFigures.Scatter(arguments, "map-tsne-dbscan.png", map, tutorial, Data.Labels,
            string.Create(CultureInfo.InvariantCulture, $"MNIST, t-SNE map, DBSCAN (ε = 2.4): ACC {F3(tutorialScores.Accuracy)}, {tutorial.Count(l => l == -1):N0} noise (grey)"));
        SampleFigures.Scatter(arguments, "map-tsne-dbscan-kdistance.png", map, adapted, Data.Labels,
            string.Create(CultureInfo.InvariantCulture, $"MNIST, t-SNE map, DBSCAN (ε = {epsilon:0.00}): ACC {F3(adaptedScores.Accuracy)}, {adapted.Count(l => l == -1):N0} noise (grey)"));
        SampleResults.Save(arguments.Output, "tsne-dbscan-kdistance",
        [
            new SampleRun
            {
                Experiment = "tsne-dbscan-kdistance", DataSet = "mnist", Method = title, Clusters = adapted.Where(l => l != -1).Distinct().Count(), Samples = Data.Count,
                Accuracy = adaptedScores.Accuracy, Nmi = adaptedScores.Nmi, Ari = adaptedScores.Ari, Seconds = clock.Elapsed.TotalSeconds + mapSeconds,
                Noise = adapted.Count(l => l == -1),
            },
        ]);
        return (tutorial, null);
    }

    /// <summary>
    /// The tutorial's autoencoder, 784-200-784 (the code ReLU in Keras, linear here; the output sigmoid), trained on binary
    /// cross-entropy with mini-batches of 512 (Adam here, Adadelta there), then spherical k-means on its 200-wide code:
    /// composed with the builder.
    /// </summary>
    private int[] AutoencoderSpherical()
    {
        const int epochs = 100;                      // the tutorial's, in both modes (a 784-200-784 network: seconds an epoch)
        using var model = new DeepClusteringBuilder()
            .WithEncoder(new AutoencoderArchitecture(AutoencoderKind.Dense, [Pixels.Columns], 200, [], HiddenActivation.ReLU))
            .WithNetworkBackend(new ManagedNetworkBackend(arguments.Threads))
            .WithPretraining(new AutoencoderTrainingOptions { Epochs = epochs, BatchSize = 512, Loss = ReconstructionLossKind.BinaryCrossEntropy })
            .WithClusterer(new SphericalKMeans(new SphericalKMeansOptions { ClusterCount = 10, InitializationCount = 10, Threads = arguments.Threads }))
            .WithSeed(arguments.Seed)
            .WithProgress(ConsoleProgress.For("autoencoder (200)"))
            .Fit(Pixels);
        return model.Labels.ToArray();
    }

    /// <summary>The table and the grids of every pipeline in the output folder, and report.md.</summary>
    public void Summarise()
    {
        var runs = SampleResults.Load(arguments.Output);
        var report = new SampleReport("Clustering pipelines on MNIST", "seed document 003 (a tutorial of k-means, spherical k-means, PCA, t-SNE + DBSCAN and an autoencoder on MNIST)", arguments, "DeepClustering.Samples.ClassicalPipelines");
        report.Paragraph("Each pipeline with the tutorial's settings (scikit-learn's defaults where it gives none). ACC, NMI and ARI are against the true digits; "
            + "DBSCAN's noise (−1) counts as one more cluster in them. The tutorial ran on the 60,000 training images; the quick mode runs on the 10,000 test images, "
            + "where the tutorial's ε = 2.4 leaves every point as noise: the same map is also clustered with ε from the k-distance rule.");
        report.Table(["pipeline", "clusters", "noise", "ACC", "NMI", "ARI", "seconds"], Reported.SelectMany(e => runs.Where(r => r.Experiment == e)).Select(r => (IReadOnlyList<string>)
        [
            r.Method, r.Clusters.ToString(CultureInfo.InvariantCulture), r.Noise?.ToString("N0", CultureInfo.InvariantCulture) ?? "",
            F3(r.Accuracy), F3(r.Nmi), F3(r.Ari), r.Seconds.ToString("0", CultureInfo.InvariantCulture),
        ]));
        foreach (string e in Reported.Where(e => runs.Any(r => r.Experiment == e)))
        {
            report.Section(runs.First(r => r.Experiment == e).Method);
            report.Figure($"clusters-{e}.png", "ten random images of each cluster (noise last, unlabelled)");
            if (e is "tsne-dbscan" or "tsne-dbscan-kdistance")
            {
                report.Figure($"map-{e}.png", "the t-SNE map coloured by these DBSCAN clusters, shaped by digit");
            }
        }

        report.Save();
    }
}
