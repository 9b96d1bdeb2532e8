using System.CommandLine;
using System.Text.Json.Nodes;
using DeepClustering.Data;
using DeepClustering.Pipeline;
using DeepClustering.Plotting;
using Spectre.Console;

namespace DeepClustering.Cli.Commands;

/// <summary>
/// <c>plot</c>: redraws the figures of a <c>cluster</c> results folder (labels.txt, results.json) from what it holds
/// and what is given: the history from results.json, the scatter from an embedding, the image grid from the images,
/// the heat-map from the true labels.
/// </summary>
internal static class PlotCommand
{
    public static Command Create()
    {
        var results = new Option<DirectoryInfo>("--results") { Description = "the --out folder of cluster: labels.txt and results.json", Required = true };
        var output = new Option<DirectoryInfo?>("--out") { Description = "folder for the figures (default: the --results folder)" };
        var kind = Choices.Create("--kind", Figures.Kinds,
            "which figure: history, embedding, clusters, contingency, or all (default: every one whose inputs are there)", defaultValue: "all");
        var format = Choices.Create("--format", Figures.Formats, "png or svg", defaultValue: "png");
        var data = new Option<string?>("--data") { Description = "the data that was clustered (for clusters, and embedding without a 2-D map): " + DataSources.MatrixHelp };
        var dataDir = new Option<string?>("--data-dir") { Description = $"folder of the full data sets (default: ${DataSources.DataFolderVariable})" };
        var labels = new Option<string?>("--labels") { Description = "true labels for contingency and the class shapes of embedding (default: those of --data, where it has them)" };
        var model = new Option<FileInfo?>("--model") { Description = "a model saved by cluster --save-model: with --data, embedding shows its embedding and clusters the images nearest its centres" };
        var embedding = new Option<FileInfo?>("--embedding") { Description = "a CSV embedding, one row per sample (transform's output; wider than 2 is projected by PCA)" };
        var perCluster = new Option<int>("--per-cluster") { Description = "images per cluster in clusters", DefaultValueFactory = _ => Figures.DefaultPerCluster };
        var threads = new Option<int>("--threads") { Description = "CPU threads; 0 uses every core", DefaultValueFactory = _ => 0 };
        var command = new Command("plot",
            "Redraw the figures of a cluster results folder. history needs the history in results.json (deep methods); embedding takes --embedding, " +
            $"else --model with --data, else the {Figures.EmbeddingFile} that cluster --plots kept, else --data by PCA; clusters needs image --data " +
            "(with --model: the images nearest its centres, else nearest each cluster's mean); contingency needs true labels (--labels, or those of --data). " +
            "Data with more rows than labels.txt is cut to its first rows, as cluster --limit did.")
        {
            results, output, kind, format, data, dataDir, labels, model, embedding, perCluster, threads,
        };
        command.SetAction((result, cancellationToken) => Task.FromResult(Run(new Request(
            result.GetValue(results)!, result.GetValue(output), result.GetValue(kind)!, result.GetValue(format)!, result.GetValue(data), result.GetValue(dataDir),
            result.GetValue(labels), result.GetValue(model), result.GetValue(embedding), result.GetValue(perCluster), result.GetValue(threads)))));
        return command;
    }

    private static int Run(Request r)
    {
        try
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(r.PerCluster, "--per-cluster");
            if (r.Model is not null && r.Data is null)
            {
                throw new ArgumentException("--model needs --data: the model embeds the data that was clustered.");
            }

            string labelsPath = Path.Combine(r.Results.FullName, "labels.txt");
            if (!File.Exists(labelsPath))
            {
                throw new FileNotFoundException($"{r.Results.FullName} has no labels.txt; pass the --out folder of cluster.");
            }

            int[] predicted = LabelFile.Read(labelsPath);
            string resultsPath = Path.Combine(r.Results.FullName, "results.json");
            JsonObject? json;
            try
            {
                json = File.Exists(resultsPath) ? JsonNode.Parse(File.ReadAllText(resultsPath)) as JsonObject : null;
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new InvalidDataException($"{resultsPath} is not valid JSON: {e.Message}");
            }

            string method = json?["method"]?.GetValue<string>() ?? "clustering";

            DataMatrix? matrix = null;
            int[]? sampleShape = null;
            int[]? truth = r.Labels is null ? null : DataSources.ReadLabels(r.Labels);
            if (r.Data is not null)
            {
                var (loaded, shape, sourceLabels) = DataSources.LoadMatrix(r.Data, r.DataDir, null);
                if (loaded.Rows < predicted.Length)
                {
                    throw new ArgumentException($"--data has {loaded.Rows} rows and labels.txt {predicted.Length} labels; it is not the data that was clustered.");
                }

                if (loaded.Rows > predicted.Length)
                {
                    loaded = loaded.SelectRows(Enumerable.Range(0, predicted.Length).ToArray());
                    sourceLabels = sourceLabels?[..predicted.Length];
                }

                (matrix, sampleShape) = (loaded, shape);
                truth ??= sourceLabels;
            }

            if (truth is not null && truth.Length != predicted.Length)
            {
                throw new ArgumentException($"There are {truth.Length} true labels for the {predicted.Length} of labels.txt; one per sample is needed.");
            }

            using var fitted = r.Model is null ? null : DeepClusteringModel.Load(r.Model.FullName, r.Threads);
            var embedded = fitted is not null && matrix is not null ? fitted.Transform(matrix) : null;
            string folder = (r.Output ?? r.Results).FullName;
            Directory.CreateDirectory(folder);
            var drawn = new List<string>();
            var skipped = new List<string>();
            void Attempt(string name, Func<string?> draw)
            {
                if (r.Kind != "all" && r.Kind != name)
                {
                    return;
                }

                string? missing = draw();
                if (missing is null)
                {
                    drawn.Add($"{name}.{r.Format}");
                }
                else if (r.Kind == "all")
                {
                    skipped.Add($"{name} ({missing})");
                }
                else
                {
                    throw new ArgumentException($"{name} needs {missing}.");
                }
            }

            Attempt("history", () =>
            {
                if (json?["history"] is not JsonArray history || history.Count == 0)
                {
                    return "the history in results.json, which only the deep methods keep";
                }

                return Figures.History(Figures.ReadHistory(history), method, Figures.PathOf(folder, "history", r.Format)) ? null : "a loss or score in the history";
            });
            Attempt("embedding", () =>
            {
                string kept = Path.Combine(r.Results.FullName, Figures.EmbeddingFile);
                var (points, what) = r.Embedding is not null ? (CsvMatrix.Read(r.Embedding.FullName), "the embedding")
                    : embedded is not null ? (embedded, "the embedding")
                    : File.Exists(kept) ? (CsvMatrix.Read(kept), "the map of cluster --plots")
                    : matrix is not null ? (matrix, "the data")
                    : (null, "");
                if (points is null)
                {
                    return $"--embedding, --model with --data, {Figures.EmbeddingFile} in the results folder, or --data";
                }

                if (points.Rows != predicted.Length)
                {
                    throw new ArgumentException($"The embedding has {points.Rows} rows and labels.txt {predicted.Length} labels; one label per row is needed.");
                }

                string projected = points.Columns > 2 ? $"{what} by PCA" : what;
                Figures.Embedding(Figures.Map(points, r.Threads), predicted, truth, $"{method}: {projected}, {Figures.Count(points.Rows)} points",
                    Figures.PathOf(folder, "embedding", r.Format));
                return null;
            });
            Attempt("clusters", () =>
            {
                if (matrix is null || sampleShape is null || Figures.Images(matrix, sampleShape) is not { } images)
                {
                    return "image --data";
                }

                var rows = embedded is not null && fitted is not null ? ClusterExamples.NearestToCenters(embedded, fitted.Centers, r.PerCluster)
                    : ClusterExamples.NearestToMeans(matrix, predicted, r.PerCluster);
                Figures.Clusters(images, predicted, rows, $"{method}: the images nearest each cluster's {(fitted is null ? "mean" : "centre")}",
                    Figures.PathOf(folder, "clusters", r.Format));
                return null;
            });
            Attempt("contingency", () =>
            {
                if (truth is null)
                {
                    return "true labels: --labels, or --data that has them";
                }

                Figures.Contingency(truth, predicted, $"{method}: true classes against clusters", Figures.PathOf(folder, "contingency", r.Format));
                return null;
            });

            if (drawn.Count == 0)
            {
                throw new ArgumentException($"Nothing to draw: {string.Join("; ", skipped)}.");
            }

            AnsiConsole.MarkupLine($"drew {Markup.Escape(string.Join(", ", drawn))} in {Markup.Escape(folder)}");
            foreach (var line in skipped)
            {
                AnsiConsole.MarkupLine($"skipped {Markup.Escape(line)}");
            }

            return ExitCodes.Success;
        }
        catch (Exception e) when (CommandErrors.IsBadInput(e) || e is OperationCanceledException)
        {
            return CommandErrors.Report("plot", e);
        }
    }

    private sealed record Request(DirectoryInfo Results, DirectoryInfo? Output, string Kind, string Format, string? Data, string? DataDir,
        string? Labels, FileInfo? Model, FileInfo? Embedding, int PerCluster, int Threads);
}
