using System.CommandLine;
using DeepClustering.Cli.Commands;

namespace DeepClustering.Cli.Tests;

/// <summary>Runs the tool's commands in-process, as the program's entry point does.</summary>
internal static class CommandLine
{
    private static readonly object ConsoleLock = new();

    public static int Run(params string[] args)
    {
        var root = new RootCommand("test") { PretrainCommand.Create(), ClusterCommand.Create(), PredictCommand.Create(), EvaluateCommand.Create() };
        lock (ConsoleLock)
        {
            var error = Console.Error;
            Console.SetError(TextWriter.Null);
            try
            {
                return root.Parse(args).Invoke();
            }
            finally
            {
                Console.SetError(error);
            }
        }
    }
}
