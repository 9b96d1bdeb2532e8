using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using DeepClustering.Data;
using DeepClustering.Metrics;
using Spectre.Console;

namespace DeepClustering.Cli.Commands;

/// <summary>
/// <c>evaluate</c>: scores predicted labels against true labels (ACC, NMI, ARI, purity) and, given the features,
/// against the data (silhouette, Calinski-Harabasz, Davies-Bouldin); prints a table and optionally writes JSON.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var labelsTrue = new Option<FileInfo?>("--labels-true") { Description = "true labels: an IDX labels file (as cluster --labels takes, gzipped or not) or one integer per line (omit to get only the label-free scores)" };
        var labelsPred = new Option<FileInfo>("--labels-pred") { Description = "predicted labels, one integer per line as cluster writes them, or an IDX labels file (-1: noise, a cluster of its own)", Required = true };
        var format = Choices.Create("--format", Formats, "how to print the scores: table (default), json or csv", defaultValue: "table");
        var features = new Option<FileInfo?>("--features") { Description = "CSV of the samples' features, one row per sample, no header: adds silhouette, Calinski-Harabasz, Davies-Bouldin" };
        var json = new Option<FileInfo?>("--json") { Description = "also write the scores as a JSON object to this file" };
        var threads = new Option<int>("--threads") { Description = "CPU threads for the silhouette; 0 uses every core", DefaultValueFactory = _ => 0 };

        var command = new Command("evaluate", "Score a clustering: ACC, NMI, ARI and purity against true labels; silhouette, Calinski-Harabasz and Davies-Bouldin on the features.")
        {
            labelsTrue, labelsPred, features, json, threads, format,
        };
        command.SetAction((result, cancellationToken) => Task.FromResult(Run(
            result.GetValue(labelsTrue), result.GetValue(labelsPred)!, result.GetValue(features), result.GetValue(json),
            result.GetValue(threads), result.GetValue(format)!, cancellationToken)));
        return command;
    }

    /// <summary>The values of <c>--format</c>.</summary>
    private static readonly string[] Formats = ["table", "json", "csv"];

    private static int Run(FileInfo? labelsTrueFile, FileInfo labelsPredFile, FileInfo? featuresFile, FileInfo? jsonFile, int threads, string format,
        CancellationToken cancellationToken)
    {
        try
        {
            if (labelsTrueFile is null && featuresFile is null)
            {
                throw new ArgumentException("Give --labels-true, --features or both: there is nothing to compare the predicted labels with.");
            }

            var predicted = DataSources.ReadLabels(labelsPredFile.FullName);
            var scores = new List<(string Key, string Title, double? Value, string Note)>();
            if (labelsTrueFile is not null)
            {
                var truth = DataSources.ReadLabels(labelsTrueFile.FullName);
                if (truth.Length != predicted.Length)
                {
                    throw new ArgumentException(
                        $"{labelsTrueFile.Name} has {truth.Length} labels but {labelsPredFile.Name} has {predicted.Length}; they must label the same samples.");
                }

                var table = ContingencyMatrix.Compute(truth, predicted);
                if (format == "table")
                {
                    AnsiConsole.MarkupLine($"{truth.Length} samples, {table.RowCount} classes, {table.ColumnCount} clusters" +
                        (table.Clusters.Contains(-1) ? " (noise, -1, counted as one cluster)" : ""));
                }
                scores.Add(("acc", "ACC (Hungarian matching)", ClusteringAccuracy.Compute(table), "higher is better"));
                scores.Add(("nmi", "NMI (arithmetic mean)", NormalizedMutualInformation.Compute(table), "higher is better"));
                scores.Add(("ari", "ARI", AdjustedRandIndex.Compute(table), "higher is better"));
                scores.Add(("purity", "purity", Purity.Compute(table), "higher is better"));
            }

            if (featuresFile is not null)
            {
                var data = CsvMatrix.Read(featuresFile.FullName);
                if (data.Rows != predicted.Length)
                {
                    throw new ArgumentException(
                        $"{featuresFile.Name} has {data.Rows} rows but {labelsPredFile.Name} has {predicted.Length} labels; one label per row is needed.");
                }

                int clusters = predicted.Distinct().Count();
                if (clusters < 2 || clusters > data.Rows - 1)
                {
                    string why = $"undefined: {clusters} clusters (2 to {data.Rows - 1} needed)";
                    scores.Add(("silhouette", "silhouette", null, why));
                    scores.Add(("calinski_harabasz", "Calinski-Harabasz", null, why));
                    scores.Add(("davies_bouldin", "Davies-Bouldin", null, why));
                }
                else
                {
                    var options = new SilhouetteOptions { Threads = threads };
                    scores.Add(("silhouette", "silhouette", Silhouette.Compute(data, predicted, options, cancellationToken), "higher is better"));
                    scores.Add(("calinski_harabasz", "Calinski-Harabasz", CalinskiHarabasz.Compute(data, predicted), "higher is better"));
                    scores.Add(("davies_bouldin", "Davies-Bouldin", DaviesBouldin.Compute(data, predicted), "lower is better"));
                }
            }

            var json = new JsonObject();
            foreach (var (key, _, value, _) in scores)
            {
                json[key] = value is { } v ? JsonValue.Create(v) : null;
            }

            switch (format)
            {
                case "json":
                    Console.WriteLine(json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
                    break;
                case "csv":
                    Console.WriteLine("score,value");
                    foreach (var (key, _, value, _) in scores)
                    {
                        Console.WriteLine($"{key},{value?.ToString("R", CultureInfo.InvariantCulture) ?? ""}");
                    }

                    break;
                default:
                    var output = new Table().AddColumns("score", "value", "");
                    foreach (var (_, title, value, note) in scores)
                    {
                        output.AddRow(Markup.Escape(title), value?.ToString("F4", CultureInfo.InvariantCulture) ?? "—", Markup.Escape(note));
                    }

                    AnsiConsole.Write(output);
                    break;
            }

            if (jsonFile is not null)
            {
                ResultFiles.WriteJson(jsonFile.FullName, json);
                if (format == "table")
                {
                    AnsiConsole.MarkupLine($"wrote {Markup.Escape(jsonFile.FullName)}");
                }
            }

            return 0;
        }
        catch (Exception e) when (CommandErrors.IsBadInput(e) || e is OperationCanceledException)
        {
            return CommandErrors.Report("evaluate", e);
        }
    }
}
