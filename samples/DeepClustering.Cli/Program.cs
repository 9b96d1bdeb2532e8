using DeepClustering.Cli;
using Spectre.Console;

// Redirected output (a file, a pipe, a CI log) and NO_COLOR get plain text: no colour codes, no live progress bars.
if (Console.IsOutputRedirected || Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 })
{
    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });
}

return Tool.Run(args, Console.Error);
