using System.Text.RegularExpressions;
using DeepClustering.Networks;
using DeepClustering.Pipeline;
using DeepClustering.Training;

namespace DeepClustering.Cli;

/// <summary>
/// Turns what a command throws into one short line and an exit code: the framework's "(Parameter 'X')" and "Actual
/// value was …" suffixes go, and an option's property name becomes the flag a person typed.
/// </summary>
internal static partial class CommandErrors
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["ClusterCount"] = "--clusters",
        ["ComponentCount"] = "--clusters",
        ["EmbeddingDimension"] = "--embedding-dimension",
        ["PretrainingEpochs"] = "--pretrain-epochs",
        ["PretrainingBatchSize"] = "--batch-size",
        ["PretrainingLearningRate"] = "--pretrain-learning-rate",
        ["PretrainingMomentum"] = "--pretrain-momentum",
        ["LayerwiseEpochs"] = "--layerwise-epochs",
        ["SparsityTarget"] = "--sparsity-target",
        ["SparsityWeight"] = "--sparsity-weight",
        ["MaxIterations"] = "--max-iterations",
        ["Tolerance"] = "--tolerance",
        ["InitializationCount"] = "--n-init",
        ["Threads"] = "--threads",
        ["Epsilon"] = "--eps",
        ["MinimumPoints"] = "--min-points",
    };

    /// <summary>Whether the tool reports <paramref name="e"/> as bad input (exit 1) rather than letting it crash as a bug.</summary>
    public static bool IsBadInput(Exception e) =>
        e is InvalidDataException or ArgumentException or IOException or UnauthorizedAccessException or InvalidOperationException
            or DeviceNotAvailableException or FormatException;

    /// <summary>Writes "<paramref name="command"/>: message" to standard error and returns the exit code.</summary>
    public static int Report(string command, Exception e)
    {
        if (e is FitCanceledException { Phase: var phase })
        {
            string during = phase == TrainingPhase.Pretraining ? "during pretraining" : "during the initial clustering";
            Console.Error.WriteLine($"{command}: stopped by Ctrl-C {during}, before there was a model to keep; nothing was written.");
            return ExitCodes.Cancelled;
        }

        if (e is OperationCanceledException)
        {
            Console.Error.WriteLine($"{command}: stopped by Ctrl-C; nothing was written.");
            return ExitCodes.Cancelled;
        }

        Console.Error.WriteLine($"{command}: {Message(e)}");
        return ExitCodes.BadInput;
    }

    /// <summary>The exception's message on one line, without the framework's suffixes, with flags for option names.</summary>
    public static string Message(Exception e)
    {
        string text = e.Message;
        if (e is ArgumentException { ParamName: { } name })
        {
            text = text.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal);
            if (Flags.TryGetValue(name, out var flag))
            {
                text = $"{flag}: {text}";
            }
        }

        text = ActualValue().Replace(text, "");
        return string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [GeneratedRegex(@"\s*Actual value was [^\n]*\.?", RegexOptions.CultureInvariant)]
    private static partial Regex ActualValue();
}
