using System.Globalization;

namespace DeepClustering.Samples;

/// <summary>The command line every sample takes.</summary>
/// <param name="Mode">Quick (shipped 10k splits) or full (70k from the data folder).</param>
/// <param name="Output">Where the figures, report.md and results.json go.</param>
/// <param name="DataFolder">The folder filled by scripts/fetch-data.sh (full mode).</param>
/// <param name="Seed">The seed of every random choice.</param>
/// <param name="Threads">Worker threads; 0 for every core.</param>
/// <param name="Only">The experiments to run (empty for all of them).</param>
/// <param name="ReportOnly">Run nothing: rebuild report.md and the summary figures from the stored runs.</param>
public sealed record SampleArguments(SampleMode Mode, string Output, string? DataFolder, long Seed, int Threads, IReadOnlyList<string> Only, bool ReportOnly = false)
{
    /// <summary>The environment variable that names the data folder, as for the command-line tool.</summary>
    public const string DataFolderVariable = "DEEPCLUSTERING_DATA";

    /// <summary>The usage text of a sample.</summary>
    public static string Usage(string program, IReadOnlyList<string> experiments) =>
        $"""
        usage: {program} [--mode quick|full] [--out DIR] [--data-dir DIR] [--seed N] [--threads N] [--only NAME[,NAME…]] [--report-only]

          --mode      quick (default): the shipped 10,000-image test splits, shorter training, minutes on two cores;
                      full: all 70,000 images of each set from the data folder (scripts/fetch-data.sh DIR), the full recipe
          --out       output folder (default out/samples/{program}/MODE)
          --data-dir  the data folder for --mode full (default ${DataFolderVariable}, then data/)
          --seed      seed of every random choice (default 0)
          --threads   worker threads, 0 for every core (default 0)
          --only      run only these experiments: {string.Join(", ", experiments)}
          --report-only  run nothing; rebuild report.md and the summary figures from OUT/results
        """;

    /// <summary>Parses <paramref name="args"/> and makes the output folder; null (after printing the usage) for --help.</summary>
    /// <exception cref="ArgumentException">An unknown option or a bad value, naming it.</exception>
    public static SampleArguments? Parse(string[] args, string program, IReadOnlyList<string> experiments)
    {
        ArgumentNullException.ThrowIfNull(args);
        var mode = SampleMode.Quick;
        string? output = null, dataFolder = null;
        long seed = 0;
        int threads = 0;
        var only = new List<string>();
        bool reportOnly = false;
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name is "-h" or "--help")
            {
                Console.WriteLine(Usage(program, experiments));
                return null;
            }

            if (name == "--report-only")
            {
                reportOnly = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{name} needs a value.", nameof(args));
            }

            string value = args[++i];
            switch (name)
            {
                case "--mode":
                    mode = value switch
                    {
                        "quick" => SampleMode.Quick,
                        "full" => SampleMode.Full,
                        _ => throw new ArgumentException($"--mode is quick or full, not '{value}'.", nameof(args)),
                    };
                    break;
                case "--out":
                    output = value;
                    break;
                case "--data-dir":
                    dataFolder = value;
                    break;
                case "--seed":
                    seed = long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long s)
                        ? s : throw new ArgumentException($"--seed is an integer, not '{value}'.", nameof(args));
                    break;
                case "--threads":
                    threads = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int t) && t >= 0
                        ? t : throw new ArgumentException($"--threads is 0 or a positive integer, not '{value}'.", nameof(args));
                    break;
                case "--only":
                    foreach (string e in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        only.Add(experiments.Contains(e) ? e : throw new ArgumentException(
                            $"--only names '{e}'; the experiments are {string.Join(", ", experiments)}.", nameof(args)));
                    }

                    break;
                default:
                    throw new ArgumentException($"Unknown option '{name}'.\n{Usage(program, experiments)}", nameof(args));
            }
        }

        output ??= Path.Combine("out", "samples", program, mode == SampleMode.Quick ? "quick" : "full");
        Directory.CreateDirectory(output);
        return new SampleArguments(mode, output, dataFolder, seed, threads, only, reportOnly);
    }

    /// <summary>Whether <paramref name="experiment"/> is to run.</summary>
    public bool Runs(string experiment) => !ReportOnly && (Only.Count == 0 || Only.Contains(experiment));

    /// <summary>The value for the quick mode or for the full mode.</summary>
    public T Pick<T>(T quick, T full) => Mode == SampleMode.Quick ? quick : full;
}
