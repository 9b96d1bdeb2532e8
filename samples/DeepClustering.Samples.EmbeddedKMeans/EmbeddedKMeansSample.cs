using System.Diagnostics;
using DeepClustering.Data;
using DeepClustering.Methods;
using DeepClustering.Networks;
using DeepClustering.Plotting;
using DeepClustering.Training;
using static DeepClustering.Samples.SampleReport;

namespace DeepClustering.Samples.EmbeddedKMeans;

/// <summary>The experiments of seed document 000 on one image set, and the summary of every set run so far.</summary>
internal sealed class EmbeddedKMeansSample(SampleArguments arguments) : ISample
{
    /// <summary>The seed paper's ACC at k = 10 with ReLU.</summary>
    private static readonly Dictionary<string, double> PaperAccuracy = new() { ["mnist"] = 0.8942, ["fashion-mnist"] = 0.5664 };

    private static readonly int[] ClusterCounts = [5, 10, 15];

    /// <summary>Pretraining epochs of the autoencoder: 10 in the quick mode, 30 in the full one (the 70k runs of docs/deep-clustering.md).</summary>
    private int PretrainingEpochs => arguments.Pick(10, 30);

    /// <summary>DEKM's iteration cap: 1,000 in the quick mode (its runs stop there or earlier), DEKM's own 14,000 in the full one.</summary>
    private int MaxIterations => arguments.Pick(1000, new DekmOptions { ClusterCount = 10 }.MaxIterations);

    /// <summary>
    /// The experiments, one per data set and activation: <c>mnist-relu</c> (DEKM for k = 5, 10 and 15),
    /// <c>mnist-sigmoid</c> (k = 10), and the same for fashion-mnist; each pretrains its own autoencoder.
    /// </summary>
    public static readonly IReadOnlyList<string> Experiments =
        [.. SampleData.Sets.SelectMany(set => new[] { $"{set}-relu", $"{set}-sigmoid" })];

    /// <summary>The autoencoder of Table 1 with the experiment's activation, pretrained once, then DEKM for each k from it.</summary>
    public void Run(string experiment)
    {
        string set = experiment[..experiment.LastIndexOf('-')];
        var activation = experiment.EndsWith("-relu", StringComparison.Ordinal) ? HiddenActivation.ReLU : HiddenActivation.Sigmoid;
        var data = SampleData.Load(set, arguments);
        string name = SampleData.DisplayName(set), act = activation.ToString();
        Console.WriteLine($"{SampleData.Describe(set, arguments, data.Count)}, {act}: {PretrainingEpochs} pretraining epochs");
        var runs = new List<SampleRun>();
        var clock = Stopwatch.StartNew();
        using var pretrained = new AutoencoderKMeans(new AutoencoderKMeansOptions
        {
            ClusterCount = 10,
            Autoencoder = AutoencoderKind.KwonLee,
            Activation = activation,
            PretrainingEpochs = PretrainingEpochs,
            Seed = arguments.Seed,
            Threads = arguments.Threads,
        }).Fit(data.Images, ConsoleProgress.For($"{name} {act} autoencoder"), monitoringLabels: data.Labels);
        double pretrainingSeconds = clock.Elapsed.TotalSeconds;
        var initial = ExternalScores.Compute(data.Labels, pretrained.Labels);
        runs.Add(new SampleRun
        {
            Experiment = experiment, DataSet = set, Method = "AE + k-means", Setting = act, Clusters = 10, Samples = data.Count,
            Accuracy = initial.Accuracy, Nmi = initial.Nmi, Ari = initial.Ari, Seconds = pretrainingSeconds,
        });

        foreach (int k in activation == HiddenActivation.ReLU ? ClusterCounts : [10])
        {
            runs.Add(Dekm(experiment, set, data, pretrained.Network, activation, k, pretrainingSeconds));
        }

        SampleResults.Save(arguments.Output, experiment, runs);
    }

    private SampleRun Dekm(string experiment, string set, LabeledImageSet data, IAutoencoderNetwork pretrained, HiddenActivation activation, int k, double pretrainingSeconds)
    {
        string name = SampleData.DisplayName(set), act = activation.ToString();
        var clock = Stopwatch.StartNew();
        var options = new DekmOptions
        {
            ClusterCount = k, PretrainedAutoencoder = pretrained, PretrainingEpochs = 0, Seed = arguments.Seed, Threads = arguments.Threads,
            MaxIterations = MaxIterations,
        };
        using var model = new Dekm(options).Fit(data.Images, ConsoleProgress.For($"{name} {act} DEKM k = {k}"), monitoringLabels: data.Labels);
        double seconds = clock.Elapsed.TotalSeconds;
        var scores = ExternalScores.Compute(data.Labels, model.Labels);
        Console.WriteLine($"{name} {act} k = {k}: ACC {F3(scores.Accuracy)}, NMI {F3(scores.Nmi)}, ARI {F3(scores.Ari)} in {seconds:0} s");

        // ACC over training, against epochs of the refinement (iterations × batch / images).
        var monitored = model.History.Where(r => r.Phase != TrainingPhase.Pretraining && r.Accuracy is not null).ToArray();
        double perEpoch = (double)options.RefinementBatchSize / data.Count;
        var embedding = model.Transform(data.Images);
        string suffix = $"{set}-{act.ToLowerInvariant()}-k{k}";
        SampleFigures.Scatter(arguments, $"embedding-{suffix}.png", embedding, model.Labels, data.Labels,
            $"{name}, DEKM, {act}, k = {k}: ACC {F3(scores.Accuracy)}");
        if (k == 10)
        {
            TrainingHistoryPlot.Create(model.History, new FigureOptions { Width = 1200, Height = 500, Title = $"{name}, DEKM, {act}, k = 10: training" })
                .Save(Path.Combine(arguments.Output, $"history-{suffix}.png"));
            SampleFigures.Contingency(arguments, $"contingency-{suffix}.png", data.Labels, model.Labels, $"{name}, DEKM, {act}, k = 10: classes × clusters");
            SampleFigures.Grid(arguments, $"clusters-{suffix}.png", data.Images, ClusterExamples.NearestToCenters(model, data.Images.ToDataMatrix(), 12),
                $"{name}, DEKM, {act}, k = 10: the images nearest each centre");
        }

        return new SampleRun
        {
            Experiment = experiment, DataSet = set, Method = "DEKM", Setting = act, Clusters = k, Samples = data.Count,
            Accuracy = scores.Accuracy, Nmi = scores.Nmi, Ari = scores.Ari,
            InitialAccuracy = model.History.FirstOrDefault(r => r.Phase == TrainingPhase.Clustering)?.Accuracy,
            Seconds = seconds, PretrainingSeconds = pretrainingSeconds,
            CurveEpochs = monitored.Select(r => r.Step * perEpoch).ToArray(),
            CurveAccuracy = monitored.Select(r => r.Accuracy!.Value).ToArray(),
        };
    }

    /// <summary>The tables, the accuracy curves and the activation bars of every set in the output folder, and report.md.</summary>
    public void Summarise()
    {
        var runs = SampleResults.Load(arguments.Output);
        var report = new SampleReport("Embedded k-means (DEKM) with the autoencoder of Table 1", "seed document 000 (a CNN autoencoder and embedded k-means on MNIST and Fashion-MNIST)",
            arguments, "DeepClustering.Samples.EmbeddedKMeans");
        report.Paragraph($"The autoencoder of the paper's Table 1 (`AutoencoderKind.KwonLee`) is pretrained once per set and activation ({PretrainingEpochs} epochs of Adam), "
            + $"then DEKM (`Dekm`, its defaults but at most {MaxIterations:N0} iterations) refines a copy of it for each k. ACC, NMI and ARI are against the true classes, which are used only to report. "
            + "Seconds: the DEKM run alone; the pretraining it started from is in its own column (shared by the k of one set and activation).");
        report.Section("Numbers");
        report.Table(["data", "activation", "method", "k", "ACC", "NMI", "ARI", "ACC before refinement", "paper's ACC", "seconds", "pretraining seconds"],
            runs.OrderBy(r => SampleData.Sets.ToList().IndexOf(r.DataSet)).ThenBy(r => r.Setting).ThenBy(r => r.Method).ThenBy(r => r.Clusters).Select(r => (IReadOnlyList<string>)
            [
                SampleData.DisplayName(r.DataSet), r.Setting, r.Method, r.Clusters.ToString(), F3(r.Accuracy), F3(r.Nmi), F3(r.Ari),
                r.InitialAccuracy is { } a ? F3(a) : "", r.Method == "DEKM" && r.Setting == "ReLU" && r.Clusters == 10 ? F3(PaperAccuracy[r.DataSet]) : "",
                r.Seconds.ToString("0"), r.PretrainingSeconds?.ToString("0") ?? "",
            ]));

        foreach (string set in SampleData.Sets)
        {
            string name = SampleData.DisplayName(set);
            var dekm = runs.Where(r => r.DataSet == set && r.Method == "DEKM" && r.Setting == "ReLU" && r.CurveEpochs is { Count: > 0 }).OrderBy(r => r.Clusters).ToArray();
            if (dekm.Length == 0)
            {
                continue;
            }

            report.Section($"{name}: the embedding for each k (Figure {(set == "mnist" ? 2 : 3)} of the paper)");
            foreach (var r in dekm)
            {
                report.Figure($"embedding-{set}-relu-k{r.Clusters}.png", $"{name}, k = {r.Clusters}: ACC {F3(r.Accuracy)}");
            }

            string curves = $"accuracy-{set}.png";
            CurvePlot.Create(dekm.Select(r => new Curve($"k = {r.Clusters}", r.CurveEpochs!, r.CurveAccuracy!)).ToArray(),
                "epoch of the refinement (iterations × 256 / images)", "ACC",
                new FigureOptions { Width = 900, Height = 550, Title = $"{name}: ACC over DEKM's refinement for each k" }, (0, 1)).Save(Path.Combine(arguments.Output, curves));
            report.Section($"{name}: accuracy over training (Figure {(set == "mnist" ? 4 : 5)})");
            report.Figure(curves, $"{name}: ACC at each refresh of DEKM's refinement, for k = 5, 10 and 15");
            report.Figure($"history-{set}-relu-k10.png", $"{name}, k = 10: pretraining loss, refinement loss, labels changed and ACC/NMI/ARI");
            report.Figure($"contingency-{set}-relu-k10.png", $"{name}, k = 10: classes × clusters");
            report.Figure($"clusters-{set}-relu-k10.png", $"{name}, k = 10: the images nearest each centre");
        }

        var activations = runs.Where(r => r.Method == "DEKM" && r.Clusters == 10).OrderBy(r => r.Setting == "ReLU" ? 0 : 1).ThenBy(r => r.DataSet == "mnist" ? 0 : 1).ToArray();
        if (activations.Length > 0)
        {
            ComparisonBarChart.Create(activations.Select(r => new MethodScore(r.Setting, SampleData.DisplayName(r.DataSet), r.Accuracy)).ToArray(),
                new FigureOptions { Width = 800, Height = 550, Title = "DEKM at k = 10: ACC with ReLU and with Sigmoid" }, groupAxisLabel: "data set", valueAxisLabel: "ACC").Save(Path.Combine(arguments.Output, "activation-k10.png"));
            report.Section("ReLU against Sigmoid at k = 10 (Figures 6, 7 and 8)");
            report.Figure("activation-k10.png", "ACC of DEKM at k = 10 with each activation");
            foreach (var r in activations.Where(r => r.Setting == "Sigmoid"))
            {
                string name = SampleData.DisplayName(r.DataSet);
                report.Figure($"embedding-{r.DataSet}-sigmoid-k10.png", $"{name}, Sigmoid, k = 10: ACC {F3(r.Accuracy)}");
                report.Figure($"contingency-{r.DataSet}-sigmoid-k10.png", $"{name}, Sigmoid, k = 10: classes × clusters");
                report.Figure($"clusters-{r.DataSet}-sigmoid-k10.png", $"{name}, Sigmoid, k = 10: the images nearest each centre");
                report.Figure($"history-{r.DataSet}-sigmoid-k10.png", $"{name}, Sigmoid, k = 10: the refinement");
            }
        }

        report.Save();
    }
}
