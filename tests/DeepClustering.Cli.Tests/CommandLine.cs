using System.CommandLine;
using DeepClustering.Cli.Commands;

namespace DeepClustering.Cli.Tests;

/// <summary>Runs the tool's commands in-process, as the program's entry point does.</summary>
internal static class CommandLine
{
    private static readonly object ConsoleLock = new();

    public static int Run(params string[] args) => Run(out _, args);

    /// <summary>Runs the command and returns what it wrote to the error stream in <paramref name="errors"/>.</summary>
    public static int Run(out string errors, params string[] args)
    {
        var root = new RootCommand("test") { PretrainCommand.Create(), ClusterCommand.Create(), PredictCommand.Create(), EvaluateCommand.Create() };
        lock (ConsoleLock)
        {
            var error = Console.Error;
            using var captured = new StringWriter();
            Console.SetError(captured);
            try
            {
                return root.Parse(args).Invoke(new InvocationConfiguration { Error = captured });
            }
            finally
            {
                Console.SetError(error);
                errors = captured.ToString();
            }
        }
    }
}
