using System.CommandLine;
using System.Globalization;
using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Clustering;
using DeepClustering.Pipeline;
using DeepClustering.Training;
using Spectre.Console;

namespace DeepClustering.Cli.Commands;

/// <summary>
/// <c>pretrain</c>: trains an autoencoder to reconstruct images, reports its progress and loss, clusters the embedding
/// with k-means, and saves the model when asked (<c>--save-model</c>).
/// </summary>
internal static class PretrainCommand
{
    public static Command Create()
    {
        var model = Choices.Create("--model", ["conv", "dense"], "conv (the DCEC/DEKM convolutional autoencoder) or dense (DEC's 784-500-500-2000-10)", defaultValue: "conv");
        var data = new Option<string>("--data") { Description = DataSources.ImageHelp, DefaultValueFactory = _ => "mnist-test" };
        var dataDir = new Option<string?>("--data-dir") { Description = $"folder of the full data sets (default: ${DataSources.DataFolderVariable})" };
        var epochs = new Option<int>("--epochs") { Description = "passes over the data", DefaultValueFactory = _ => 3 };
        var batchSize = new Option<int>("--batch-size") { Description = "samples per mini-batch", DefaultValueFactory = _ => AutoencoderTrainingOptions.Defaults.BatchSize };
        var learningRate = new Option<float>("--learning-rate") { Description = "Adam's step size", DefaultValueFactory = _ => AutoencoderTrainingOptions.Defaults.LearningRate };
        var embedding = new Option<int>("--embedding-dimension") { Description = "width of the embedding", DefaultValueFactory = _ => 10 };
        var seed = new Option<long>("--seed") { Description = "seed of the initial weights and the shuffling", DefaultValueFactory = _ => 0 };
        var threads = new Option<int>("--threads") { Description = "CPU threads; 0 uses every core", DefaultValueFactory = _ => 0 };
        var limit = new Option<int>("--limit") { Description = "use only the first N images (0: all)", DefaultValueFactory = _ => 0 };
        var backend = BackendOptions.CreateBackendOption();
        var device = BackendOptions.CreateDeviceOption();

        var clusters = new Option<int>("--clusters") { Description = "k of the k-means run on the pretrained embedding (saved with --save-model)", DefaultValueFactory = _ => 10 };
        var saveModel = new Option<FileInfo?>("--save-model") { Description = "save the autoencoder and its k-means to this model file" };

        var command = new Command("pretrain", "Train an autoencoder to reconstruct images, then k-means on its embedding; print progress and loss, and save the model.")
        {
            model, data, dataDir, epochs, batchSize, learningRate, embedding, seed, threads, limit, backend, device, clusters, saveModel,
        };
        command.SetAction((result, cancellationToken) => Task.FromResult(Run(
            result.GetValue(model)!, result.GetValue(data)!, result.GetValue(dataDir), result.GetValue(epochs), result.GetValue(batchSize),
            result.GetValue(learningRate), result.GetValue(embedding), result.GetValue(seed), result.GetValue(threads),
            result.GetValue(limit), result.GetValue(backend)!, result.GetValue(device), result.GetValue(clusters), result.GetValue(saveModel), cancellationToken)));
        return command;
    }

    private static int Run(string modelName, string dataSource, string? dataFolder, int epochs, int batchSize, float learningRate, int embeddingDimension,
        long seed, int threads, int limit, string backend, ComputeDevice device, int clusters, FileInfo? saveModel, CancellationToken cancellationToken)
    {
        try
        {
            return Train(modelName, dataSource, dataFolder, epochs, batchSize, learningRate, embeddingDimension, seed, threads, limit, backend, device,
                clusters, saveModel, cancellationToken);
        }
        catch (Exception e) when (CommandErrors.IsBadInput(e) || e is OperationCanceledException)
        {
            return CommandErrors.Report("pretrain", e);
        }
    }

    private static int Train(string modelName, string dataSource, string? dataFolder, int epochs, int batchSize, float learningRate, int embeddingDimension,
        long seed, int threads, int limit, string backend, ComputeDevice device, int clusters, FileInfo? saveModel, CancellationToken cancellationToken)
    {
        var (loaded, hasLabels) = DataSources.LoadImages(dataSource, dataFolder);
        var set = DataSources.Take(loaded, limit);
        var images = set.Images;
        var architecture = modelName == "dense"
            ? new AutoencoderArchitecture(AutoencoderKind.Dense, [images.ValuesPerImage], embeddingDimension, [.. DenseAutoencoder.DecHiddenWidths], HiddenActivation.ReLU)
            : new AutoencoderArchitecture(AutoencoderKind.Convolutional, [images.Channels, images.Height, images.Width], embeddingDimension, [], HiddenActivation.ReLU);
        AnsiConsole.MarkupLine($"[bold]{modelName}[/] autoencoder on [bold]{Markup.Escape(dataSource)}[/]: {images.Count} images of " +
            $"{images.Channels}×{images.Height}×{images.Width}, backend {backend}");

        // The pretraining, then k-means on the embedding: the saved model predicts and starts cluster --pretrained-model.
        var builder = new DeepClusteringBuilder()
            .WithEncoder(architecture)
            .WithPretraining(new AutoencoderTrainingOptions { Epochs = epochs, BatchSize = batchSize, LearningRate = learningRate })
            .WithClusterer(new KMeans(new KMeansOptions { ClusterCount = clusters, Threads = threads }))
            .WithNetworkBackend(BackendOptions.Create(backend, threads))
            .OnDevice(device, threads)
            .WithSeed(seed);
        using var model = FitDisplay.Run(progress => builder.WithProgress(progress).Fit(images.ToDataMatrix(), hasLabels ? set.Labels : null, cancellationToken));

        var table = new Table().AddColumns("epoch", "reconstruction loss (MSE)");
        foreach (var record in model.History.Where(r => r.Phase == TrainingPhase.Pretraining))
        {
            table.AddRow(record.Step.ToString(CultureInfo.InvariantCulture), record.Loss?.ToString("F6", CultureInfo.InvariantCulture) ?? "");
        }

        AnsiConsole.Write(table);
        double seconds = model.Info.PretrainSeconds;
        AnsiConsole.MarkupLine($"{model.Network.BackendName} on {model.Network.Device}: {seconds.ToString("F1", CultureInfo.InvariantCulture)} s, " +
            $"{(seconds > 0 ? epochs * (double)images.Count / seconds : 0).ToString("F0", CultureInfo.InvariantCulture)} samples/s");
        if (saveModel is not null)
        {
            saveModel.Directory?.Create();
            model.Save(saveModel.FullName);
            AnsiConsole.MarkupLine($"saved the autoencoder and its {clusters}-means to {Markup.Escape(saveModel.FullName)} " +
                "(use it with cluster --pretrained-model, predict and transform)");
        }

        return ExitCodes.Success;
    }
}
