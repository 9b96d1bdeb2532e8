using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DeepClustering.Clustering.Density;
using DeepClustering.Clustering.Hierarchical;
using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Decomposition;
using DeepClustering.Manifold;
using DeepClustering.Metrics;
using DeepClustering.Networks.Managed;
using DeepClustering.Networks;
using DeepClustering.Pipeline;
using DeepClustering.Tensors.NN.Regularization;
using DeepClustering.Training;
using Spectre.Console;

namespace DeepClustering.Cli.Commands;

/// <summary>
/// <c>cluster</c>: runs a deep method (the library's estimators) or a classical pipeline on images or a CSV, writes
/// <c>labels.txt</c> and <c>results.json</c>, and scores the result when labels are known.
/// </summary>
internal static class ClusterCommand
{
    /// <summary>The pipelines, as the <c>--method</c> values name them.</summary>
    public static readonly string[] Methods =
        ["kmeans", "spherical-kmeans", "gmm", "dbscan", "agglomerative", "pca-kmeans", "tsne-dbscan", .. DeepMethods.Names];

    /// <summary>PCA dimensions before k-means or t-SNE, 30 as in the MNIST tutorial (seed document 003).</summary>
    private const int DefaultComponents = 30;

    /// <summary>DBSCAN on a 2-D t-SNE map of MNIST: eps 2.4 and 100 points, from the MNIST tutorial (seed document 003).</summary>
    private const double TsneDbscanEpsilon = 2.4;

    private const int TsneDbscanMinimumPoints = 100;

    public static Command Create()
    {
        var method = Choices.Create("--method", Methods, "a deep method (dekm, dec, idec, dssec, ae-kmeans) or a classical one, in any case", required: true);
        var data = new Option<string>("--data") { Description = DataSources.MatrixHelp, Required = true };
        var dataDir = new Option<string?>("--data-dir") { Description = $"folder of the full data sets (default: ${DataSources.DataFolderVariable})" };
        var labels = new Option<string?>("--labels") { Description = "true labels to score against: an IDX labels file or one integer per line" };
        var clusters = new Option<int>("--clusters") { Description = "number of clusters k (not used by DBSCAN)", DefaultValueFactory = _ => 10 };
        var seed = new Option<long>("--seed") { Description = "seed of every random choice", DefaultValueFactory = _ => 0 };
        var output = new Option<DirectoryInfo>("--out") { Description = "folder for labels.txt and results.json", Required = true };
        var eps = new Option<double?>("--eps") { Description = $"DBSCAN radius (default 0.5; {TsneDbscanEpsilon} for tsne-dbscan)" };
        var minPoints = new Option<int?>("--min-points") { Description = $"DBSCAN minimum points (default 5; {TsneDbscanMinimumPoints} for tsne-dbscan)" };
        var components = new Option<int>("--components") { Description = "PCA dimensions for pca-kmeans and tsne-dbscan", DefaultValueFactory = _ => DefaultComponents };
        var covariance = new Option<CovarianceType>("--covariance") { Description = "Gaussian mixture covariance: Full, Diagonal or Spherical", DefaultValueFactory = _ => CovarianceType.Full };
        var linkage = new Option<Linkage>("--linkage") { Description = "agglomerative linkage: Ward, Complete, Average or Single", DefaultValueFactory = _ => Linkage.Ward };
        var initializations = new Option<int?>("--n-init") { Description = "k-means initialisations (default: 1 for k-means++)" };
        var threads = new Option<int>("--threads") { Description = "CPU threads; 0 uses every core", DefaultValueFactory = _ => 0 };
        var limit = new Option<int>("--limit") { Description = "use only the first N rows (0: all)", DefaultValueFactory = _ => 0 };
        var encoder = Choices.Create("--encoder", DeepMethods.Encoders, "deep methods: the autoencoder (default: conv for ae-kmeans and dekm, dense for dec and idec, sparse for dssec)");
        var pretrainEpochs = new Option<int?>("--pretrain-epochs") { Description = "deep methods: epochs of reconstruction pretraining (default: the method's, 200 for dekm, ae-kmeans and dssec, 300 for dec and idec; none with --pretrained-model)" };
        var activation = new Option<HiddenActivation?>("--activation") { Description = "deep methods: ReLU or Sigmoid between layers (default ReLU; the sparse encoder always uses sigmoids)" };
        var embedding = new Option<int>("--embedding-dimension") { Description = "deep methods: width of the embedding", DefaultValueFactory = _ => 10 };
        var maxIterations = new Option<int?>("--max-iterations") { Description = "deep methods: refinement iteration cap (default: the method's)" };
        var tolerance = new Option<double?>("--tolerance")
        {
            Description = "deep methods: the refinement stops when fewer (DEC, IDEC, DSSEC) or at most (DEKM) this fraction of the labels change between refreshes (default: the method's, 0.001 or 0.005)",
        };
        var batchSize = new Option<int>("--batch-size") { Description = "deep methods: pretraining mini-batch size", DefaultValueFactory = _ => AutoencoderTrainingOptions.Defaults.BatchSize };
        var backend = BackendOptions.CreateBackendOption();
        var device = BackendOptions.CreateDeviceOption();
        var saveModel = new Option<FileInfo?>("--save-model") { Description = "deep methods: save the fitted model to this file" };
        var sparsityTarget = new Option<double?>("--sparsity-target") { Description = $"sparse encoder: target mean activation ρ (default {KlSparsityOptions.Defaults.TargetActivation})" };
        var sparsityWeight = new Option<double?>("--sparsity-weight") { Description = $"sparse encoder: weight β of the KL sparsity penalty (default {StackedSparseAutoencoder.DssecSparsityWeight}, see docs/deep-clustering.md)" };
        var layerwiseEpochs = new Option<int?>("--layerwise-epochs")
        {
            Description = "sparse encoder: epochs of greedy layer-wise pretraining per rung before the end-to-end --pretrain-epochs (default: the same as --pretrain-epochs; 0: end to end only)",
        };
        var pretrainOptimizer = new Option<OptimizerKind?>("--pretrain-optimizer")
        {
            Description = "deep methods: the pretraining optimizer, Adam or Sgd with momentum (default: the method's, Sgd for dec and idec as DEC-keras, Adam for the others)",
        };
        var pretrainLearningRate = new Option<float?>("--pretrain-learning-rate")
        {
            Description = $"deep methods: the pretraining step size (default {AutoencoderTrainingOptions.Defaults.LearningRate} for Adam, {AutoencoderTrainingOptions.Defaults.SgdLearningRate} for Sgd)",
        };
        var pretrainMomentum = new Option<float?>("--pretrain-momentum") { Description = $"deep methods: SGD's pretraining momentum (default {AutoencoderTrainingOptions.Defaults.SgdMomentum})" };
        var pretrainedModel = new Option<FileInfo?>("--pretrained-model")
        {
            Description = "deep methods: start from the autoencoder of this saved model (its encoder, no pretraining unless --pretrain-epochs is given)",
        };

        var plots = new Option<DirectoryInfo?>("--plots")
        {
            Description = $"also draw figures into this folder: history (deep methods), embedding (the embedding, or the data, in 2-D by PCA, coloured by cluster; its map is kept as {Figures.EmbeddingFile}), clusters (each cluster's images, for image data) and contingency (when labels are known); redraw them with the plot command",
        };
        var plotFormat = Choices.Create("--plot-format", Figures.Formats, "format of the --plots figures: png or svg", defaultValue: "png");
        var command = new Command("cluster", "Cluster images or vectors with a deep method (dekm, dec, idec, dssec, ae-kmeans) or a classical one, write the labels and results, and score them when labels are known.")
        {
            method, data, dataDir, labels, clusters, seed, output, eps, minPoints, components, covariance, linkage, initializations, threads, limit,
            encoder, pretrainEpochs, activation, embedding, maxIterations, tolerance, batchSize, backend, device, saveModel, pretrainedModel, sparsityTarget, sparsityWeight, layerwiseEpochs,
            pretrainOptimizer, pretrainLearningRate, pretrainMomentum, plots, plotFormat,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var settings = new Settings(
                result.GetValue(method)!, result.GetValue(clusters), result.GetValue(seed), result.GetValue(eps), result.GetValue(minPoints),
                result.GetValue(components), result.GetValue(covariance), result.GetValue(linkage), result.GetValue(initializations),
                result.GetValue(threads));
            var pretrained = result.GetValue(pretrainedModel);
            var deep = new DeepSettings(result.GetValue(method)!, result.GetValue(encoder), result.GetValue(clusters), result.GetValue(embedding),
                result.GetValue(activation), result.GetValue(pretrainEpochs), result.GetValue(batchSize),
                result.GetValue(maxIterations), result.GetValue(backend)!, result.GetValue(device), result.GetValue(seed), result.GetValue(threads), pretrained,
                result.GetValue(sparsityTarget), result.GetValue(sparsityWeight), result.GetValue(layerwiseEpochs),
                result.GetValue(pretrainOptimizer), result.GetValue(pretrainLearningRate), result.GetValue(pretrainMomentum), result.GetValue(tolerance));
            return Task.FromResult(Run(settings, deep, result.GetValue(saveModel), result.GetValue(data)!, result.GetValue(dataDir), result.GetValue(labels),
                result.GetValue(output)!, result.GetValue(limit), new PlotSettings(result.GetValue(plots), result.GetValue(plotFormat)!), cancellationToken));
        });
        return command;
    }

    private static int Run(Settings settings, DeepSettings deep, FileInfo? saveModel, string dataSource, string? dataFolder, string? labelsPath,
        DirectoryInfo output, int limit, PlotSettings plots, CancellationToken cancellationToken)
    {
        try
        {
            var (data, sampleShape, labels) = DataSources.LoadMatrix(dataSource, dataFolder, labelsPath);
            if (limit > 0 && limit < data.Rows)
            {
                data = data.SelectRows(Enumerable.Range(0, limit).ToArray());
                labels = labels?[..limit];
            }

            AnsiConsole.MarkupLine($"[bold]{settings.Method}[/] on {Markup.Escape(dataSource)}: {data.Rows} rows × {data.Columns} columns");
            var clock = Stopwatch.StartNew();
            var results = new JsonObject
            {
                ["method"] = settings.Method,
                ["data"] = dataSource,
                ["rows"] = data.Rows,
                ["columns"] = data.Columns,
                ["seed"] = settings.Seed,
            };
            int[] predicted;
            int? stoppedAfter = null;
            DataMatrix? embedding = null;
            DataMatrix? centers = null;
            IReadOnlyList<TrainingRecord>? history = null;
            if (DeepMethods.Names.Contains(settings.Method))
            {
                using var model = DeepMethods.Fit(deep, data, sampleShape, labels, cancellationToken, out var options);
                stoppedAfter = model.Info.Canceled ? model.Info.RefinementIterations : null;
                predicted = model.Labels.ToArray();
                results["clusters"] = model.ClusterCount;
                DeepMethods.Describe(model, deep, options, results);
                if (plots.Folder is not null)
                {
                    embedding = model.Transform(data);
                    centers = model.Centers;
                    history = model.History;
                }

                if (saveModel is not null)
                {
                    saveModel.Directory?.Create();
                    model.Save(saveModel.FullName);
                    results["model"] = saveModel.FullName;
                }
            }
            else
            {
                var model = Fit(settings, data, results, cancellationToken);
                results["clusters"] = model.ClusterCount;
                results["seconds"] = clock.Elapsed.TotalSeconds;
                Describe(model, results);
                predicted = model.Labels.ToArray();
            }

            if (labels is not null)
            {
                var table = ContingencyMatrix.Compute(labels, predicted);
                results["acc"] = ClusteringAccuracy.Compute(table);
                results["nmi"] = NormalizedMutualInformation.Compute(table);
                results["ari"] = AdjustedRandIndex.Compute(table);
            }

            output.Create();
            LabelFile.Write(Path.Combine(output.FullName, "labels.txt"), predicted);
            ResultFiles.WriteJson(Path.Combine(output.FullName, "results.json"), results);

            var summary = new Table().AddColumns("result", "value");
            foreach (var (key, value) in results.Where(r => r.Key != "history" && r.Value is not null))
            {
                summary.AddRow(Markup.Escape(key), Markup.Escape(ResultFiles.Display(value!)));
            }

            AnsiConsole.Write(summary);
            AnsiConsole.MarkupLine($"wrote {Markup.Escape(Path.Combine(output.FullName, "labels.txt"))} and results.json");
            if (plots.Folder is { } folder)
            {
                Draw(folder, plots.Format, settings, data, sampleShape, labels, predicted, embedding, centers, history);
            }

            if (stoppedAfter is { } steps)
            {
                Console.Error.WriteLine(saveModel is null
                    ? $"cluster: stopped by Ctrl-C after {steps} refinement steps; labels.txt and results.json hold the model as of that step (\"cancelled\": true); pass --save-model to keep the model itself."
                    : $"cluster: stopped by Ctrl-C after {steps} refinement steps; saved the model as of that step to {saveModel.FullName}, and its labels and results.");
                return ExitCodes.Cancelled;
            }

            return ExitCodes.Success;
        }
        catch (Exception e) when (CommandErrors.IsBadInput(e) || e is OperationCanceledException)
        {
            return CommandErrors.Report("cluster", e);
        }
    }

    /// <summary>The figures of <c>--plots</c>: each one that the method and the data allow.</summary>
    private static void Draw(DirectoryInfo folder, string format, Settings settings, DataMatrix data, int[] sampleShape, int[]? labels,
        int[] predicted, DataMatrix? embedding, DataMatrix? centers, IReadOnlyList<TrainingRecord>? history)
    {
        folder.Create();
        var drawn = new List<string>();
        string method = settings.Method;
        if (history is not null && Figures.History(history, method, Figures.PathOf(folder.FullName, "history", format)))
        {
            drawn.Add("history");
        }

        var map = Figures.Map(embedding ?? data, settings.Threads);
        CsvMatrix.Write(Path.Combine(folder.FullName, Figures.EmbeddingFile), map);
        string space = embedding is null ? "the data" : "the embedding";
        string projected = (embedding ?? data).Columns > 2 ? $"{space} by PCA" : space;
        Figures.Embedding(map, predicted, labels, $"{method}: {projected}, {Figures.Count(data.Rows)} points", Figures.PathOf(folder.FullName, "embedding", format));
        drawn.Add("embedding");
        if (Figures.Images(data, sampleShape) is { } images)
        {
            var rows = embedding is not null && centers is not null
                ? Plotting.ClusterExamples.NearestToCenters(embedding, centers, Figures.DefaultPerCluster)
                : null;
            Figures.Clusters(images, predicted, rows, $"{method}: the images nearest each cluster's {(rows is null ? "mean" : "centre")}",
                Figures.PathOf(folder.FullName, "clusters", format));
            drawn.Add("clusters");
        }

        if (labels is not null)
        {
            Figures.Contingency(labels, predicted, $"{method}: true classes against clusters", Figures.PathOf(folder.FullName, "contingency", format));
            drawn.Add("contingency");
        }

        AnsiConsole.MarkupLine($"drew {string.Join(", ", drawn.Select(d => $"{d}.{format}"))} in {Markup.Escape(folder.FullName)}");
    }

    private static IClusteringModel Fit(Settings s, DataMatrix data, JsonObject results, CancellationToken cancellationToken)
    {
        switch (s.Method)
        {
            case "kmeans":
                return new KMeans(KMeansOptions(s)).Fit(data, cancellationToken);
            case "spherical-kmeans":
                return new SphericalKMeans(new SphericalKMeansOptions
                {
                    ClusterCount = s.Clusters, Seed = s.Seed, Threads = s.Threads, InitializationCount = s.Initializations,
                }).Fit(data, cancellationToken);
            case "gmm":
                return new GaussianMixture(new GaussianMixtureOptions
                {
                    ComponentCount = s.Clusters, CovarianceType = s.Covariance, Seed = s.Seed, Threads = s.Threads,
                }).Fit(data, cancellationToken);
            case "dbscan":
                return new Dbscan(new DbscanOptions
                {
                    Epsilon = s.Epsilon ?? DbscanOptions.Defaults.Epsilon,
                    MinimumPoints = s.MinimumPoints ?? DbscanOptions.Defaults.MinimumPoints,
                    Threads = s.Threads,
                }).Fit(data, cancellationToken);
            case "agglomerative":
                return new AgglomerativeClustering(new AgglomerativeClusteringOptions
                {
                    ClusterCount = s.Clusters, Linkage = s.Linkage, Threads = s.Threads,
                }).Fit(data, cancellationToken);
            case "pca-kmeans":
            {
                var reduced = Reduce(s, data, results, cancellationToken);
                return new KMeans(KMeansOptions(s)).Fit(reduced, cancellationToken);
            }

            case "tsne-dbscan":
            {
                var reduced = Reduce(s, data, results, cancellationToken);
                var clock = Stopwatch.StartNew();
                var map = new Tsne(new TsneOptions { Seed = s.Seed, Threads = s.Threads }).Fit(reduced, null, cancellationToken);
                results["tsne_seconds"] = clock.Elapsed.TotalSeconds;
                results["tsne_kl_divergence"] = map.KlDivergence;
                return new Dbscan(new DbscanOptions
                {
                    Epsilon = s.Epsilon ?? TsneDbscanEpsilon,
                    MinimumPoints = s.MinimumPoints ?? TsneDbscanMinimumPoints,
                    Threads = s.Threads,
                }).Fit(map.Embedding, cancellationToken);
            }

            default:
                throw new ArgumentException($"Unknown method '{s.Method}'. Use one of: {string.Join(", ", Methods)}.");
        }
    }

    private static KMeansOptions KMeansOptions(Settings s) =>
        new() { ClusterCount = s.Clusters, Seed = s.Seed, Threads = s.Threads, InitializationCount = s.Initializations };

    private static DataMatrix Reduce(Settings s, DataMatrix data, JsonObject results, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var pca = new Pca(new PcaOptions { ComponentCount = Math.Min(s.Components, data.Columns), Threads = s.Threads }).Fit(data, cancellationToken);
        var reduced = pca.Transform(data);
        results["pca_components"] = pca.ComponentCount;
        results["pca_explained_variance_ratio"] = pca.ExplainedVarianceRatio.Sum();
        results["pca_seconds"] = clock.Elapsed.TotalSeconds;
        return reduced;
    }

    /// <summary>Adds each model's own fitted figures (inertia, likelihood, noise, …).</summary>
    private static void Describe(IClusteringModel model, JsonObject results)
    {
        switch (model)
        {
            case KMeansModel k:
                results["inertia"] = k.Inertia;
                results["iterations"] = k.Iterations;
                break;
            case SphericalKMeansModel k:
                results["objective"] = k.Objective;
                results["iterations"] = k.Iterations;
                break;
            case GaussianMixtureModel g:
                results["log_likelihood"] = g.LogLikelihood;
                results["bic"] = g.Bic;
                results["aic"] = g.Aic;
                results["converged"] = g.Converged;
                results["iterations"] = g.Iterations;
                break;
            case DbscanModel d:
                results["noise"] = d.NoiseCount;
                results["epsilon"] = d.Epsilon;
                break;
        }
    }

    private sealed record PlotSettings(DirectoryInfo? Folder, string Format);

    private sealed record Settings(string Method, int Clusters, long Seed, double? Epsilon, int? MinimumPoints, int Components,
        CovarianceType Covariance, Linkage Linkage, int? Initializations, int Threads);
}
