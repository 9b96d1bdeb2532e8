using System.CommandLine;
using DeepClustering.Cli.Commands;

namespace DeepClustering.Cli;

/// <summary>The tool's commands and its handling of usage errors; <c>Program</c> runs it, the tests run it in-process.</summary>
internal static class Tool
{
    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand CreateRoot() => new("deepclustering: deep and classical clustering of images and vectors, on the DeepClustering library.")
    {
        PretrainCommand.Create(),
        ClusterCommand.Create(),
        PredictCommand.Create(),
        TransformCommand.Create(),
        EvaluateCommand.Create(),
        PlotCommand.Create(),
    };

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A usage error is one line per mistake (with the nearest name when a
    /// command or an option is misspelt) and a pointer to the help, not the whole help text: exit code 2.
    /// </summary>
    public static int Run(string[] args, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = CreateRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var command = parse.CommandResult.Command;
            var names = command.Subcommands.Select(c => c.Name).Concat(command.Options.Select(o => o.Name)).ToArray();
            foreach (var mistake in parse.Errors.Where(e => parse.Errors.Count == 1 || !e.Message.StartsWith("Required command", StringComparison.Ordinal)))
            {
                string hint = "";
                if (names.Length > 0 && parse.UnmatchedTokens.FirstOrDefault(t => mistake.Message.Contains($"'{t}'", StringComparison.Ordinal)) is { } token)
                {
                    var nearest = names.MinBy(n => Choices.Distance(n, token))!;
                    hint = Choices.Distance(nearest, token) <= 2 ? $" Did you mean '{nearest}'?" : "";
                }

                error.WriteLine($"deepclustering: {mistake.Message}{hint}");
            }

            string name = command == root ? "" : command.Name + " ";
            error.WriteLine($"Run 'deepclustering {name}--help' for the options.");
            return ExitCodes.Usage;
        }

        // Ctrl-C cancels the token of the running command, which stops at the next step and saves what it keeps;
        // the time-out only bounds that saving, after which the process ends anyway.
        return parse.Invoke(new InvocationConfiguration { Error = error, ProcessTerminationTimeout = TimeSpan.FromSeconds(60) });
    }
}
