
namespace DeepClustering.Cli.Tests;

/// <summary>Runs the tool's commands in-process, as the program's entry point does.</summary>
internal static class CommandLine
{
    internal static readonly object ConsoleLock = new();

    public static int Run(params string[] args) => Run(out _, args);

    /// <summary><c>--max-iterations N</c> for a method with a refinement; nothing for <c>ae-kmeans</c>, which refuses it.</summary>
    public static string[] RefinementCap(string method, int iterations) =>
        method == "ae-kmeans" ? [] : ["--max-iterations", iterations.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>Runs the command and returns what it wrote to the error stream in <paramref name="errors"/>.</summary>
    public static int Run(out string errors, params string[] args)
    {
        lock (ConsoleLock)
        {
            var error = Console.Error;
            using var captured = new StringWriter();
            Console.SetError(captured);
            try
            {
                return Tool.Run(args, captured);
            }
            finally
            {
                Console.SetError(error);
                errors = captured.ToString();
            }
        }
    }
}
