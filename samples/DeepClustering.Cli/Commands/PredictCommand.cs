using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DeepClustering.Data;
using DeepClustering.Metrics;
using DeepClustering.Networks;
using DeepClustering.Pipeline;
using Spectre.Console;

namespace DeepClustering.Cli.Commands;

/// <summary><c>predict</c>: labels data with a model saved by <c>cluster --save-model</c>.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var modelFile = new Option<FileInfo>("--model") { Description = "a model file written by cluster --save-model", Required = true };
        var data = new Option<string>("--data") { Description = DataSources.MatrixHelp, Required = true };
        var dataDir = new Option<string?>("--data-dir") { Description = $"folder of the full data sets (default: ${DataSources.DataFolderVariable})" };
        var labels = new Option<string?>("--labels") { Description = "true labels to score against: an IDX labels file or one integer per line" };
        var output = new Option<DirectoryInfo>("--out") { Description = "folder for labels.txt, scores.csv (each row's distance to its centre and confidence, for anomalies) and results.json", Required = true };
        var threads = new Option<int>("--threads") { Description = "CPU threads; 0 uses every core", DefaultValueFactory = _ => 0 };
        var backend = BackendOptions.CreateBackendOption();
        var device = BackendOptions.CreateDeviceOption();
        var command = new Command("predict", "Label data with a saved deep clustering model, on either backend.")
        {
            modelFile, data, dataDir, labels, output, threads, backend, device,
        };
        command.SetAction((result, _) => Task.FromResult(Run(result.GetValue(modelFile)!, result.GetValue(data)!, result.GetValue(dataDir),
            result.GetValue(labels), result.GetValue(output)!, result.GetValue(threads), result.GetValue(backend)!, result.GetValue(device))));
        return command;
    }

    private static int Run(FileInfo modelFile, string dataSource, string? dataFolder, string? labelsPath, DirectoryInfo output, int threads, string backend,
        ComputeDevice device)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            using var model = DeepClusteringModel.Load(modelFile.FullName, BackendOptions.Create(backend, threads), device);
            var (data, _, truth) = DataSources.LoadMatrix(dataSource, dataFolder, labelsPath);
            var predicted = model.Predict(data);
            var results = new JsonObject
            {
                ["model"] = modelFile.FullName,
                ["data"] = dataSource,
                ["rows"] = data.Rows,
                ["clusters"] = model.ClusterCount,
                ["backend"] = model.Network.BackendName,
                ["device"] = model.Network.Device.ToString(),
                ["seconds"] = clock.Elapsed.TotalSeconds,
            };
            if (truth is not null)
            {
                var table = ContingencyMatrix.Compute(truth, predicted);
                results["acc"] = ClusteringAccuracy.Compute(table);
                results["nmi"] = NormalizedMutualInformation.Compute(table);
                results["ari"] = AdjustedRandIndex.Compute(table);
            }

            var scores = model.ScoreAnomalies(data);
            results["most_anomalous_rows"] = new JsonArray([.. scores.MostAnomalous(Math.Min(10, data.Rows)).Select(i => (JsonNode)i)]);

            output.Create();
            LabelFile.Write(Path.Combine(output.FullName, "labels.txt"), predicted);
            WriteScores(Path.Combine(output.FullName, "scores.csv"), scores);
            ResultFiles.WriteJson(Path.Combine(output.FullName, "results.json"), results);
            AnsiConsole.MarkupLine($"labelled {data.Rows} rows into {model.ClusterCount} clusters; wrote {Markup.Escape(output.FullName)}");
            return 0;
        }
        catch (Exception e) when (CommandErrors.IsBadInput(e) || e is OperationCanceledException)
        {
            return CommandErrors.Report("predict", e);
        }
    }

    /// <summary>One line per row: its cluster, its distance to that centre (larger: more anomalous) and its confidence.</summary>
    private static void WriteScores(string path, AnomalyScores scores) => ResultFiles.WriteAtomically(path, stream =>
    {
        using var writer = new StreamWriter(stream, leaveOpen: true);
        writer.WriteLine("row,label,distance,confidence");
        for (int i = 0; i < scores.Labels.Count; i++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i},{scores.Labels[i]},{scores.Distances[i]:R},{scores.Confidences[i]:R}"));
        }
    });
}
