using System.Diagnostics;
using System.Globalization;
using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Decomposition;
using DeepClustering.Methods;
using DeepClustering.Networks;
using DeepClustering.Pipeline;
using DeepClustering.Plotting;
using DeepClustering.Training;
using static DeepClustering.Samples.SampleReport;

namespace DeepClustering.Samples.SparseEmbeddedClustering;

/// <summary>The experiments of seed document 001 on MNIST, and their summary.</summary>
internal sealed class SparseEmbeddedClusteringSample(SampleArguments arguments) : ISample
{
    private LabeledImageSet? _data;

    public static readonly IReadOnlyList<string> Experiments = ["methods", "dimensions"];

    private static readonly double[] Gammas = [0.1, 0.3, 0.5];

    private static readonly int[] EmbeddingDimensions = [5, 10, 20, 40];

    /// <summary>Pretraining epochs of each autoencoder (for the sparse one: per layer, then end to end).</summary>
    private int PretrainingEpochs => arguments.Pick(20, 50);

    private string Name => "MNIST";

    /// <summary>MNIST for the mode, loaded once.</summary>
    private LabeledImageSet Data => _data ??= SampleData.Load("mnist", arguments);

    /// <inheritdoc/>
    public void Run(string experiment)
    {
        switch (experiment)
        {
            case "methods":
                Methods(Data);
                break;
            case "dimensions":
                Dimensions(Data);
                break;
            default:
                throw new ArgumentException($"Unknown experiment '{experiment}'.", nameof(experiment));
        }
    }

    /// <summary>The six methods of the comparison and DSSEC's γ sweep; DEC and IDEC share one dense autoencoder, SAE + k-means and DSSEC one sparse one.</summary>
    private void Methods(LabeledImageSet data)
    {
        var runs = new List<SampleRun>();
        var matrix = data.Images.ToDataMatrix();

        var clock = Stopwatch.StartNew();
        var reduced = new Pca(new PcaOptions { ComponentCount = 10, Threads = arguments.Threads }).FitTransform(matrix);
        var pcaKMeans = new KMeans(new KMeansOptions { ClusterCount = 10, InitializationCount = 20, Seed = arguments.Seed, Threads = arguments.Threads }).Fit(reduced);
        runs.Add(Run("methods", "PCA(10) + k-means", "", data, pcaKMeans.Labels, clock.Elapsed.TotalSeconds));

        clock.Restart();
        using var dense = new AutoencoderKMeans(new AutoencoderKMeansOptions
        {
            ClusterCount = 10, Autoencoder = AutoencoderKind.Dense, PretrainingEpochs = PretrainingEpochs, Seed = arguments.Seed, Threads = arguments.Threads,
        }).Fit(data.Images, ConsoleProgress.For("dense autoencoder"), data.Labels);
        double denseSeconds = clock.Elapsed.TotalSeconds;
        runs.Add(Run("methods", "AE + k-means", "", data, dense.Labels, denseSeconds));
        runs.Add(Refine("methods", "DEC", "", data, new Dec(new DecOptions { ClusterCount = 10, PretrainedAutoencoder = dense.Network, PretrainingEpochs = 0, Seed = arguments.Seed, Threads = arguments.Threads }), denseSeconds));
        runs.Add(Refine("methods", "IDEC", "", data, new Idec(new IdecOptions { ClusterCount = 10, PretrainedAutoencoder = dense.Network, PretrainingEpochs = 0, Seed = arguments.Seed, Threads = arguments.Threads }), denseSeconds));

        clock.Restart();
        using var sparse = PretrainSparse(data, 10);
        double sparseSeconds = clock.Elapsed.TotalSeconds;
        runs.Add(Run("methods", "SAE + k-means", "", data, sparse.Labels, sparseSeconds));
        foreach (double gamma in Gammas)
        {
            string setting = string.Create(CultureInfo.InvariantCulture, $"γ = {gamma}");
            runs.Add(Refine("methods", "DSSEC", setting, data, new Dssec(new DssecOptions
            {
                ClusterCount = 10, PretrainedAutoencoder = sparse.Network, PretrainingEpochs = 0, Gamma = gamma, Seed = arguments.Seed, Threads = arguments.Threads,
            }), sparseSeconds, figures: gamma == 0.1));
        }

        SampleResults.Save(arguments.Output, "methods", runs);
    }

    /// <summary>DSSEC with embeddings of 5, 10, 20 and 40 dimensions, each from a sparse autoencoder of its own.</summary>
    private void Dimensions(LabeledImageSet data)
    {
        var runs = new List<SampleRun>();
        foreach (int d in EmbeddingDimensions)
        {
            var clock = Stopwatch.StartNew();
            using var sparse = PretrainSparse(data, d);
            double seconds = clock.Elapsed.TotalSeconds;
            runs.Add(Refine("dimensions", "DSSEC", $"d = {d}", data, new Dssec(new DssecOptions
            {
                ClusterCount = 10, EmbeddingDimension = d, PretrainedAutoencoder = sparse.Network, PretrainingEpochs = 0, Seed = arguments.Seed, Threads = arguments.Threads,
            }), seconds));
        }

        SampleResults.Save(arguments.Output, "dimensions", runs);
    }

    /// <summary>The stacked sparse autoencoder d-500-500-2000-<paramref name="dimension"/> (sigmoid, KL sparsity), pretrained layer by layer and then end to end, with k-means on its embedding.</summary>
    private DeepClusteringModel PretrainSparse(LabeledImageSet data, int dimension) => new AutoencoderKMeans(new AutoencoderKMeansOptions
    {
        ClusterCount = 10, Autoencoder = AutoencoderKind.StackedSparse, Activation = HiddenActivation.Sigmoid, EmbeddingDimension = dimension,
        LayerwiseEpochs = PretrainingEpochs, PretrainingEpochs = PretrainingEpochs, Seed = arguments.Seed, Threads = arguments.Threads,
    }).Fit(data.Images, ConsoleProgress.For($"sparse autoencoder, d = {dimension}"), data.Labels);

    private SampleRun Refine(string experiment, string method, string setting, LabeledImageSet data, DeepClusteringMethod estimator, double pretrainingSeconds, bool figures = true)
    {
        var clock = Stopwatch.StartNew();
        using var model = estimator.Fit(data.Images, ConsoleProgress.For($"{method} {setting}".Trim()), data.Labels);
        var run = Run(experiment, method, setting, data, model.Labels, clock.Elapsed.TotalSeconds) with
        {
            PretrainingSeconds = pretrainingSeconds,
            InitialAccuracy = model.History.FirstOrDefault(r => r.Phase == TrainingPhase.Clustering)?.Accuracy,
        };
        if (figures && experiment == "methods")
        {
            string file = method.ToLowerInvariant(), label = $"{method} {setting}".Trim();
            SampleFigures.Scatter(arguments, $"embedding-{file}.png", model.Transform(data.Images), model.Labels, data.Labels,
                $"{Name}, {label}: ACC {F3(run.Accuracy)}");
            TrainingHistoryPlot.Create(model.History, new FigureOptions { Width = 1200, Height = 500, Title = $"{Name}, {label}: training" })
                .Save(Path.Combine(arguments.Output, $"history-{file}.png"));
        }

        return run;
    }

    private static SampleRun Run(string experiment, string method, string setting, LabeledImageSet data, IReadOnlyList<int> labels, double seconds)
    {
        var scores = ExternalScores.Compute(data.Labels, labels);
        Console.WriteLine($"{$"{method} {setting}".Trim()}: ACC {F3(scores.Accuracy)}, NMI {F3(scores.Nmi)}, ARI {F3(scores.Ari)} in {seconds:0} s");
        return new SampleRun
        {
            Experiment = experiment, DataSet = "mnist", Method = method, Setting = setting, Clusters = 10, Samples = data.Count,
            Accuracy = scores.Accuracy, Nmi = scores.Nmi, Ari = scores.Ari, Seconds = seconds,
        };
    }

    /// <summary>The comparison bars, the γ and dimension curves, and report.md, from every run in the output folder.</summary>
    public void Summarise()
    {
        var runs = SampleResults.Load(arguments.Output).OrderBy(r => Experiments.ToList().IndexOf(r.Experiment)).ToArray();
        var report = new SampleReport("DSSEC and the methods it is compared with", "seed document 001 (deep sparse subspace embedded clustering, DSSEC)", arguments, "DeepClustering.Samples.SparseEmbeddedClustering");
        report.Paragraph($"{Name}, k = 10. The dense autoencoder d-500-500-2000-10 (ReLU) is pretrained once ({PretrainingEpochs} epochs of Adam) for AE + k-means, DEC and IDEC; "
            + $"the stacked sparse one (sigmoid, KL sparsity ρ = 0.05) once, {PretrainingEpochs} epochs per layer and {PretrainingEpochs} end to end, for SAE + k-means and DSSEC. "
            + "The refinements use each estimator's defaults (target refreshed every 140 iterations, stop below 0.1% labels changed). "
            + "ACC, NMI and ARI are against the true classes, used only to report. Seconds: the run alone; the pretraining it started from has its own column.");
        report.Table(["experiment", "method", "setting", "ACC", "NMI", "ARI", "ACC before refinement", "seconds", "pretraining seconds"],
            runs.Select(r => (IReadOnlyList<string>)
            [
                r.Experiment, r.Method, r.Setting, F3(r.Accuracy), F3(r.Nmi), F3(r.Ari), r.InitialAccuracy is { } a ? F3(a) : "",
                r.Seconds.ToString("0", CultureInfo.InvariantCulture), r.PretrainingSeconds?.ToString("0", CultureInfo.InvariantCulture) ?? "",
            ]));

        var methods = runs.Where(r => r.Experiment == "methods" && (r.Method != "DSSEC" || r.Setting == "γ = 0.1")).ToArray();
        if (methods.Length > 0)
        {
            var scores = methods.SelectMany(r => new[] { new MethodScore(r.Method, "ACC", r.Accuracy), new MethodScore(r.Method, "NMI", r.Nmi), new MethodScore(r.Method, "ARI", r.Ari) }).ToArray();
            ComparisonBarChart.Create(scores, new FigureOptions { Width = 1100, Height = 600, Title = $"{Name}: the methods of the DSSEC paper's comparison" })
                .Save(Path.Combine(arguments.Output, "methods.png"));
            report.Section("The comparison");
            report.Figure("methods.png", "ACC, NMI and ARI of each method (DSSEC with γ = 0.1)");
            foreach (string m in new[] { "idec", "dssec" })
            {
                report.Figure($"embedding-{m}.png", $"{Name}: the embedding of {m.ToUpperInvariant()}");
                report.Figure($"history-{m}.png", $"{Name}: the training of {m.ToUpperInvariant()}");
            }
        }

        Sweep(report, runs.Where(r => r.Experiment == "methods" && r.Method == "DSSEC").ToArray(), "gamma.png", "clustering-loss weight γ", "DSSEC against its clustering-loss weight γ",
            r => double.Parse(r.Setting["γ = ".Length..], CultureInfo.InvariantCulture));
        Sweep(report, runs.Where(r => r.Experiment == "dimensions").ToArray(), "dimensions.png", "dimension of the embedding", "DSSEC against the dimension of its embedding",
            r => double.Parse(r.Setting["d = ".Length..], CultureInfo.InvariantCulture));
        report.Save();
    }

    private void Sweep(SampleReport report, SampleRun[] runs, string file, string x, string title, Func<SampleRun, double> value)
    {
        if (runs.Length == 0)
        {
            return;
        }

        var ordered = runs.OrderBy(value).ToArray();
        var xs = ordered.Select(value).ToArray();
        CurvePlot.Create(
            [new Curve("ACC", xs, ordered.Select(r => r.Accuracy).ToArray()), new Curve("NMI", xs, ordered.Select(r => r.Nmi).ToArray()), new Curve("ARI", xs, ordered.Select(r => r.Ari).ToArray())],
            x, "score", new FigureOptions { Width = 800, Height = 550, Title = $"{Name}: {title}" }, (0, 1)).Save(Path.Combine(arguments.Output, file));
        report.Section(title);
        report.Figure(file, $"{Name}: {title}");
    }
}
