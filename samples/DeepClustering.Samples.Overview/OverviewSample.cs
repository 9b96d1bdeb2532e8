using System.Diagnostics;
using System.Globalization;
using DeepClustering.Clustering;
using DeepClustering.Clustering.Density;
using DeepClustering.Data;
using DeepClustering.Decomposition;
using DeepClustering.Methods;
using DeepClustering.Metrics;
using DeepClustering.Networks;
using DeepClustering.Pipeline;
using DeepClustering.Plotting;
using static DeepClustering.Samples.SampleReport;

namespace DeepClustering.Samples.Overview;

/// <summary>The methods, scores and uses of seed document 004 on MNIST, and their summary.</summary>
internal sealed class OverviewSample(SampleArguments arguments) : ISample
{
    private LabeledImageSet? _data;

    private DataMatrix? _pixels;

    public static readonly IReadOnlyList<string> Experiments = ["classical", "deep"];

    /// <summary>Rows the silhouette is estimated on (scikit-learn's sample_size), with the sample's seed.</summary>
    private const int SilhouetteSample = 5000;

    /// <summary>MNIST for the mode, loaded once.</summary>
    private LabeledImageSet Data => _data ??= SampleData.Load("mnist", arguments);

    /// <summary>Its images as rows of pixels.</summary>
    private DataMatrix Pixels => _pixels ??= Data.Images.ToDataMatrix();

    /// <inheritdoc/>
    public void Run(string experiment)
    {
        switch (experiment)
        {
            case "classical":
                Classical();
                break;
            case "deep":
                Deep();
                break;
            default:
                throw new ArgumentException($"Unknown experiment '{experiment}'.", nameof(experiment));
        }
    }

    private int PretrainingEpochs => arguments.Pick(100, 200);

    /// <summary>k-means, a Gaussian mixture and DBSCAN on the first ten principal components of the pixels.</summary>
    private void Classical()
    {
        var runs = new List<SampleRun>();
        var clock = Stopwatch.StartNew();
        var pca = new Pca(new PcaOptions { ComponentCount = 10, Threads = arguments.Threads }).FitTransform(Pixels);
        double pcaSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var kMeans = new KMeans(new KMeansOptions { ClusterCount = 10, InitializationCount = 10, Seed = arguments.Seed, Threads = arguments.Threads }).Fit(pca);
        runs.Add(Run("classical", "k-means", pca, kMeans.Labels, clock.Elapsed.TotalSeconds + pcaSeconds));

        clock.Restart();
        var mixture = new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 10, Seed = arguments.Seed, Threads = arguments.Threads }).Fit(pca);
        runs.Add(Run("classical", "GMM", pca, mixture.Labels, clock.Elapsed.TotalSeconds + pcaSeconds));

        clock.Restart();
        double epsilon = NeighbourDistance.Median(pca, 10, 1000, arguments.Seed, arguments.Threads);
        var dbscan = new Dbscan(new DbscanOptions { Epsilon = epsilon, MinimumPoints = 10, Threads = arguments.Threads }).Fit(pca);
        runs.Add(Run("classical", "DBSCAN", pca, dbscan.Labels, clock.Elapsed.TotalSeconds + pcaSeconds)
            with { Setting = string.Create(CultureInfo.InvariantCulture, $"ε = {epsilon:0.00}, 10 points") });
        SampleResults.Save(arguments.Output, "classical", runs);
    }

    /// <summary>
    /// The overview's autoencoder (784-128-10, ReLU), pretrained once: k-means and a Gaussian mixture on its embedding,
    /// then DEC and IDEC from it; IDEC's model then pre-labels the images and flags anomalies.
    /// </summary>
    private void Deep()
    {
        var runs = new List<SampleRun>();
        var clock = Stopwatch.StartNew();
        using var autoencoder = new AutoencoderKMeans(new AutoencoderKMeansOptions
        {
            ClusterCount = 10, Autoencoder = AutoencoderKind.Dense, HiddenWidths = [128], PretrainingEpochs = PretrainingEpochs, Seed = arguments.Seed, Threads = arguments.Threads,
        }).Fit(Data.Images, ConsoleProgress.For("autoencoder 784-128-10"), Data.Labels);
        double pretraining = clock.Elapsed.TotalSeconds;
        var embedding = autoencoder.Transform(Data.Images);
        runs.Add(Run("deep", "AE + k-means", embedding, autoencoder.Labels, pretraining));

        clock.Restart();
        var mixture = new GaussianMixture(new GaussianMixtureOptions { ComponentCount = 10, Seed = arguments.Seed, Threads = arguments.Threads }).Fit(embedding);
        runs.Add(Run("deep", "AE + GMM", embedding, mixture.Labels, clock.Elapsed.TotalSeconds) with { PretrainingSeconds = pretraining });

        clock.Restart();
        using (var dec = new Dec(new DecOptions { ClusterCount = 10, PretrainedAutoencoder = autoencoder.Network, PretrainingEpochs = 0, Seed = arguments.Seed, Threads = arguments.Threads })
            .Fit(Data.Images, ConsoleProgress.For("DEC"), Data.Labels))
        {
            runs.Add(Run("deep", "DEC", dec.Transform(Data.Images), dec.Labels, clock.Elapsed.TotalSeconds) with { PretrainingSeconds = pretraining });
        }

        clock.Restart();
        using var idec = new Idec(new IdecOptions { ClusterCount = 10, PretrainedAutoencoder = autoencoder.Network, PretrainingEpochs = 0, Seed = arguments.Seed, Threads = arguments.Threads })
            .Fit(Data.Images, ConsoleProgress.For("IDEC"), Data.Labels);
        var idecEmbedding = idec.Transform(Data.Images);
        runs.Add(Run("deep", "IDEC", idecEmbedding, idec.Labels, clock.Elapsed.TotalSeconds) with { PretrainingSeconds = pretraining });
        SampleFigures.Scatter(arguments, "embedding-idec.png", idecEmbedding, idec.Labels, Data.Labels, $"MNIST, IDEC: ACC {F3(runs[^1].Accuracy)}");
        SampleFigures.Contingency(arguments, "contingency-idec.png", Data.Labels, idec.Labels, "MNIST, IDEC: digits × clusters");

        PreLabelling(idec);
        Anomalies(idec);
        SampleResults.Save(arguments.Output, "deep", runs);
    }

    /// <summary>
    /// Pre-labelling: a person names each cluster from its most confident images (one look per cluster), and every image
    /// takes its cluster's name. Measured: how many images would be named correctly, overall and among each cluster's
    /// most confident 10%.
    /// </summary>
    private void PreLabelling(DeepClusteringModel model)
    {
        var probabilities = model.PredictProba(Data.Images);
        SampleFigures.Grid(arguments, "prelabel-idec.png", Data.Images, ClusterExamples.MostConfident(probabilities, 12),
            "MNIST, IDEC: the 12 most confident images of each cluster, to name it");
        var labels = model.Labels;
        var majority = MajorityClasses(labels, model.ClusterCount);
        double correct = Enumerable.Range(0, labels.Count).Count(i => majority[labels[i]] == Data.Labels[i]) / (double)labels.Count;
        var confident = ClusterExamples.MostConfident(probabilities, Math.Max(1, labels.Count / 100));
        var confidentRows = confident.SelectMany(c => c.Indices.Select(i => (Cluster: c.Cluster, Row: i))).ToArray();
        double confidentCorrect = confidentRows.Count(x => majority[x.Cluster] == Data.Labels[x.Row]) / (double)confidentRows.Length;
        SampleResults.Save(arguments.Output, "prelabel",
        [
            new SampleRun
            {
                Experiment = "prelabel", DataSet = "mnist", Method = "IDEC pre-labels", Setting = "every image", Clusters = model.ClusterCount, Samples = labels.Count, Accuracy = correct,
            },
            new SampleRun
            {
                Experiment = "prelabel", DataSet = "mnist", Method = "IDEC pre-labels", Setting = $"the {labels.Count / 100:N0} most confident of each cluster", Clusters = model.ClusterCount,
                Samples = confidentRows.Length, Accuracy = confidentCorrect,
            },
        ]);
    }

    /// <summary>
    /// Anomalies: each image's distance to its nearest centre in IDEC's embedding; flagged beyond its cluster's 99th
    /// percentile. Measured: how often a flagged image is one its cluster's name would get wrong, against all images.
    /// </summary>
    private void Anomalies(DeepClusteringModel model)
    {
        var scores = model.ScoreAnomalies(Data.Images);
        SampleFigures.Grid(arguments, "anomalies-idec.png", Data.Images, ClusterExamples.MostAnomalous(scores, 12),
            "MNIST, IDEC: the 12 images of each cluster farthest from its centre");
        var flagged = scores.Flag(scores.ClusterThresholds(0.99));
        var labels = scores.Labels;
        var majority = MajorityClasses(labels, scores.ClusterCount);
        var wrong = Enumerable.Range(0, labels.Count).Select(i => majority[labels[i]] != Data.Labels[i]).ToArray();
        int flaggedCount = flagged.Count(f => f);
        double wrongAmongFlagged = Enumerable.Range(0, labels.Count).Count(i => flagged[i] && wrong[i]) / (double)Math.Max(1, flaggedCount);
        SampleResults.Save(arguments.Output, "anomalies",
        [
            new SampleRun
            {
                Experiment = "anomalies", DataSet = "mnist", Method = "IDEC anomalies", Setting = "flagged beyond the cluster's 99th percentile", Clusters = scores.ClusterCount,
                Samples = flaggedCount, Accuracy = wrongAmongFlagged,
            },
            new SampleRun
            {
                Experiment = "anomalies", DataSet = "mnist", Method = "IDEC anomalies", Setting = "all images", Clusters = scores.ClusterCount,
                Samples = labels.Count, Accuracy = wrong.Count(w => w) / (double)labels.Count,
            },
        ]);
    }

    /// <summary>The name a person would give each cluster: its most frequent true class (the lower on a tie; −1 when empty).</summary>
    private Dictionary<int, int> MajorityClasses(IReadOnlyList<int> labels, int clusterCount) =>
        Enumerable.Range(0, clusterCount).ToDictionary(c => c, c =>
            Enumerable.Range(0, labels.Count).Where(i => labels[i] == c).GroupBy(i => Data.Labels[i])
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).FirstOrDefault()?.Key ?? -1);

    private SampleRun Run(string experiment, string method, DataMatrix space, IReadOnlyList<int> labels, double seconds)
    {
        var scores = ExternalScores.Compute(Data.Labels, labels);
        int clusters = labels.Where(l => l != -1).Distinct().Count();
        var internalScores = new Dictionary<string, double>();
        if (clusters >= 2 && clusters < labels.Count)
        {
            internalScores["silhouette"] = Silhouette.Compute(Pixels, labels, Math.Min(SilhouetteSample, labels.Count), arguments.Seed);
            internalScores["Calinski-Harabasz"] = CalinskiHarabasz.Compute(Pixels, labels);
            internalScores["Davies-Bouldin"] = DaviesBouldin.Compute(Pixels, labels);
        }

        Console.WriteLine($"{method}: {clusters} clusters, ACC {F3(scores.Accuracy)}, NMI {F3(scores.Nmi)}, ARI {F3(scores.Ari)} in {seconds:0} s");
        SampleFigures.Grid(arguments, $"clusters-{method.ToLowerInvariant().Replace(" + ", "-", StringComparison.Ordinal)}.png", Data.Images,
            ClusterExamples.NearestToMeans(space, labels, 10), $"MNIST, {method}: ACC {F3(scores.Accuracy)}, the ten images nearest each cluster's mean");
        return new SampleRun
        {
            Experiment = experiment, DataSet = "mnist", Method = method, Clusters = clusters, Samples = labels.Count,
            Accuracy = scores.Accuracy, Nmi = scores.Nmi, Ari = scores.Ari, Seconds = seconds, InternalScores = internalScores,
            Noise = labels.Count(l => l == -1) is > 0 and var noise ? noise : null,
        };
    }

    /// <summary>The tables of every experiment in the output folder, the score bars, and report.md.</summary>
    public void Summarise()
    {
        var runs = SampleResults.Load(arguments.Output);
        var report = new SampleReport("Clustering in deep learning: the overview's methods, scores and uses", "seed document 004 (an overview of clustering in deep learning)", arguments, "DeepClustering.Samples.Overview");
        report.Paragraph("MNIST, k = 10. The classical methods cluster the first ten principal components of the pixels; DBSCAN's ε is the median distance to the "
            + "10th nearest neighbour (a label-free rule) with 10 points. The deep ones share the overview's autoencoder 784-128-10 (ReLU), pretrained once "
            + $"({PretrainingEpochs} epochs of Adam); AE + GMM is a full-covariance mixture on its embedding; DEC and IDEC refine copies of it with their defaults. "
            + "The internal scores are computed on the pixels, the one space every method shares (silhouette on 5,000 random images); "
            + "ACC, NMI and ARI are against the true digits, used only to report.");
        var methods = runs.Where(r => r.Experiment is "classical" or "deep").ToArray();
        report.Table(["method", "setting", "clusters", "noise", "ACC", "NMI", "ARI", "silhouette ↑", "Calinski-Harabasz ↑", "Davies-Bouldin ↓", "seconds", "pretraining seconds"],
            methods.Select(r => (IReadOnlyList<string>)
            [
                r.Method, r.Setting, r.Clusters.ToString(CultureInfo.InvariantCulture), r.Noise?.ToString("N0", CultureInfo.InvariantCulture) ?? "",
                F3(r.Accuracy), F3(r.Nmi), F3(r.Ari), Internal(r, "silhouette", "0.000"), Internal(r, "Calinski-Harabasz", "0"), Internal(r, "Davies-Bouldin", "0.000"),
                r.Seconds.ToString("0", CultureInfo.InvariantCulture), r.PretrainingSeconds?.ToString("0", CultureInfo.InvariantCulture) ?? "",
            ]));
        if (methods.Length > 0)
        {
            ComparisonBarChart.Create(methods.SelectMany(r => new[] { new MethodScore(r.Method, "NMI", r.Nmi), new MethodScore(r.Method, "ARI", r.Ari) })
                .Concat(methods.Where(r => r.InternalScores?.ContainsKey("silhouette") == true).Select(r => new MethodScore(r.Method, "silhouette", r.InternalScores!["silhouette"]))).ToArray(),
                new FigureOptions { Width = 1100, Height = 600, Title = "MNIST: external (NMI, ARI) and internal (silhouette on the pixels) scores" }).Save(Path.Combine(arguments.Output, "scores.png"));
            report.Figure("scores.png", "NMI and ARI against the digits, and the silhouette on the pixels, of each method");
            foreach (var r in methods)
            {
                report.Figure($"clusters-{r.Method.ToLowerInvariant().Replace(" + ", "-", StringComparison.Ordinal)}.png", $"{r.Method}: the ten images nearest each cluster's mean");
            }
        }

        if (runs.Any(r => r.Experiment == "deep"))
        {
            report.Figure("embedding-idec.png", "IDEC's embedding (t-SNE), coloured by cluster, shaped by digit");
            report.Figure("contingency-idec.png", "IDEC: digits × clusters");
        }

        var prelabels = runs.Where(r => r.Experiment == "prelabel").ToArray();
        if (prelabels.Length > 0)
        {
            report.Section("Use: pre-labelling an image set", "Name each of IDEC's clusters once, from its most confident images, and give every image its cluster's name "
                + "(the name here is the cluster's majority digit, as a person looking at the grid would give it).");
            report.Table(["images named", "images", "named correctly"], prelabels.Select(r => (IReadOnlyList<string>)[r.Setting, r.Samples.ToString("N0", CultureInfo.InvariantCulture), F3(r.Accuracy)]));
            report.Figure("prelabel-idec.png", "the most confident images of each IDEC cluster");
        }

        var anomalies = runs.Where(r => r.Experiment == "anomalies").ToArray();
        if (anomalies.Length > 0)
        {
            report.Section("Use: flagging anomalies", "`DeepClusteringModel.ScoreAnomalies` gives each image's distance to its nearest centre; an image beyond its own "
                + "cluster's 99th percentile (`ClusterThresholds(0.99)`) is flagged. The table gives how many are flagged and how often a flagged image is one its "
                + "cluster's name gets wrong, against the rate over all images.");
            report.Table(["images", "count", "wrongly named"], anomalies.Select(r => (IReadOnlyList<string>)[r.Setting, r.Samples.ToString("N0", CultureInfo.InvariantCulture), F3(r.Accuracy)]));
            report.Figure("anomalies-idec.png", "the images of each IDEC cluster farthest from its centre, farthest first");
        }

        report.Save();
    }

    private static string Internal(SampleRun run, string name, string format) =>
        run.InternalScores is { } s && s.TryGetValue(name, out double v) ? v.ToString(format, CultureInfo.InvariantCulture) : "";
}
