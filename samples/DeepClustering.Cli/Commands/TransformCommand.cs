using System.CommandLine;
using DeepClustering.Data;
using DeepClustering.Networks;
using DeepClustering.Pipeline;
using Spectre.Console;

namespace DeepClustering.Cli.Commands;

/// <summary><c>transform</c>: writes the embedding of data under a saved model, one CSV row per sample.</summary>
internal static class TransformCommand
{
    public static Command Create()
    {
        var modelFile = new Option<FileInfo>("--model") { Description = "a model file written by cluster --save-model or pretrain --save-model", Required = true };
        var data = new Option<string>("--data") { Description = DataSources.MatrixHelp, Required = true };
        var dataDir = new Option<string?>("--data-dir") { Description = $"folder of the full data sets (default: ${DataSources.DataFolderVariable})" };
        var output = new Option<FileInfo>("--out") { Description = "the CSV file for the embedding: one row per sample, one column per dimension, no header", Required = true };
        var threads = new Option<int>("--threads") { Description = "CPU threads; 0 uses every core", DefaultValueFactory = _ => 0 };
        var backend = BackendOptions.CreateBackendOption();
        var device = BackendOptions.CreateDeviceOption();
        var command = new Command("transform", "Write the embedding of data under a saved model to a CSV file (for plots, or another clusterer).")
        {
            modelFile, data, dataDir, output, threads, backend, device,
        };
        command.SetAction((result, _) => Task.FromResult(Run(result.GetValue(modelFile)!, result.GetValue(data)!, result.GetValue(dataDir),
            result.GetValue(output)!, result.GetValue(threads), result.GetValue(backend)!, result.GetValue(device))));
        return command;
    }

    private static int Run(FileInfo modelFile, string dataSource, string? dataFolder, FileInfo output, int threads, string backend, ComputeDevice device)
    {
        try
        {
            using var model = DeepClusteringModel.Load(modelFile.FullName, BackendOptions.Create(backend, threads), device);
            var (data, _, _) = DataSources.LoadMatrix(dataSource, dataFolder, null);
            var embedding = model.Transform(data);
            CsvMatrix.Write(output.FullName, embedding);
            AnsiConsole.MarkupLine($"embedded {data.Rows} rows in {embedding.Columns} dimensions; wrote {Markup.Escape(output.FullName)}");
            return ExitCodes.Success;
        }
        catch (Exception e) when (CommandErrors.IsBadInput(e) || e is OperationCanceledException)
        {
            return CommandErrors.Report("transform", e);
        }
    }
}
