using System.CommandLine;
using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Training;
using Spectre.Console;

namespace DeepClustering.Cli.Commands;

/// <summary><c>pretrain</c>: trains an autoencoder to reconstruct images and reports its progress and loss.</summary>
internal static class PretrainCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "conv (the DCEC/DEKM convolutional autoencoder) or dense (DEC's 784-500-500-2000-10)", DefaultValueFactory = _ => "conv" };
        model.AcceptOnlyFromAmong("conv", "dense");
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

        var command = new Command("pretrain", "Train an autoencoder to reconstruct images, printing progress and loss.")
        {
            model, data, dataDir, epochs, batchSize, learningRate, embedding, seed, threads, limit, backend, device,
        };
        command.SetAction((result, cancellationToken) => Task.FromResult(Run(
            result.GetValue(model)!, result.GetValue(data)!, result.GetValue(dataDir), result.GetValue(epochs), result.GetValue(batchSize),
            result.GetValue(learningRate), result.GetValue(embedding), result.GetValue(seed), result.GetValue(threads),
            result.GetValue(limit), result.GetValue(backend)!, result.GetValue(device), cancellationToken)));
        return command;
    }

    private static int Run(string modelName, string dataSource, string? dataFolder, int epochs, int batchSize, float learningRate, int embeddingDimension,
        long seed, int threads, int limit, string backend, ComputeDevice device, CancellationToken cancellationToken)
    {
        try
        {
            return Train(modelName, dataSource, dataFolder, epochs, batchSize, learningRate, embeddingDimension, seed, threads, limit, backend, device,
                cancellationToken);
        }
        catch (DeviceNotAvailableException e)
        {
            Console.Error.WriteLine($"pretrain: {e.Message}");
            return 1;
        }
    }

    private static int Train(string modelName, string dataSource, string? dataFolder, int epochs, int batchSize, float learningRate, int embeddingDimension,
        long seed, int threads, int limit, string backend, ComputeDevice device, CancellationToken cancellationToken)
    {
        var set = DataSources.Take(DataSources.LoadImages(dataSource, dataFolder).Set, limit);
        var images = set.Images;
        var architecture = modelName == "dense"
            ? new AutoencoderArchitecture(AutoencoderKind.Dense, [images.ValuesPerImage], embeddingDimension, [.. DenseAutoencoder.DecHiddenWidths], HiddenActivation.ReLU)
            : new AutoencoderArchitecture(AutoencoderKind.Convolutional, [images.Channels, images.Height, images.Width], embeddingDimension, [], HiddenActivation.ReLU);
        using var autoencoder = BackendOptions.Create(backend, threads).Create(architecture, device, seed);
        var data = images.ToDataMatrix();

        AnsiConsole.MarkupLine($"[bold]{modelName}[/] autoencoder on [bold]{Markup.Escape(dataSource)}[/]: {images.Count} images of " +
            $"{images.Channels}×{images.Height}×{images.Width}, {autoencoder.GetParameters().Sum(p => p.Length):N0} parameters, {autoencoder.BackendName} on {autoencoder.Device}");
        var trainer = new AutoencoderTrainer(new AutoencoderTrainingOptions
        {
            Epochs = epochs,
            BatchSize = batchSize,
            LearningRate = learningRate,
            Seed = seed,
        });

        AutoencoderTrainingResult result;
        if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            result = AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("training", maxValue: epochs);
                    var progress = new Progress<AutoencoderTrainingProgress>(p =>
                    {
                        task.Description = $"epoch {p.Epoch}/{p.Epochs}, loss {p.Loss:F5}";
                        task.Value = p.Epoch - 1 + (double)p.Batch / p.BatchesPerEpoch;
                    });
                    return trainer.Train(autoencoder, data, progress, cancellationToken);
                });
        }
        else
        {
            var progress = new SynchronousProgress<AutoencoderTrainingProgress>(p =>
            {
                if (p.Batch == p.BatchesPerEpoch)
                {
                    Console.WriteLine($"epoch {p.Epoch}/{p.Epochs}: loss {p.Loss:F6}");
                }
            });
            result = trainer.Train(autoencoder, data, progress, cancellationToken);
        }

        var table = new Table().AddColumns("epoch", "reconstruction loss (MSE)");
        for (int i = 0; i < result.EpochLosses.Count; i++)
        {
            table.AddRow((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), result.EpochLosses[i].ToString("F6", System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{result.Seconds:F1} s, {result.SamplesPerSecond:F0} samples/s");
        return 0;
    }
}
