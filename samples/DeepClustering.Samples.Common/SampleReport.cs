using System.Globalization;
using System.Text;

namespace DeepClustering.Samples;

/// <summary>
/// The markdown report a sample writes beside its figures (report.md): what ran, on which data, with which seed, the
/// tables of numbers and the figures, each with the time it took. Written atomically, once at the end and after each
/// experiment, so an interrupted run keeps what finished.
/// </summary>
public sealed class SampleReport
{
    private readonly StringBuilder _text = new();
    private readonly string _path;

    /// <summary>Starts a report for <paramref name="arguments"/>'s output folder, of the sample project <paramref name="project"/> (samples/<c>project</c>).</summary>
    public SampleReport(string title, string source, SampleArguments arguments, string project)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        string command = $"dotnet run -c Release --project samples/{project} -- --mode {(arguments.Mode == SampleMode.Quick ? "quick" : "full")}";
        Directory.CreateDirectory(arguments.Output);
        _path = Path.Combine(arguments.Output, "report.md");
        _text.AppendLine(CultureInfo.InvariantCulture, $"# {title}").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Reproduces {source} with the DeepClustering library.").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- command: `{command}`")
            .AppendLine(CultureInfo.InvariantCulture, $"- mode: {(arguments.Mode == SampleMode.Quick ? "quick (the shipped 10,000-image test splits)" : "full (70,000 images per set)")}, seed {arguments.Seed}, {(arguments.Threads == 0 ? Environment.ProcessorCount : arguments.Threads)} threads")
            .AppendLine(CultureInfo.InvariantCulture, $"- machine: {Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}")
            .AppendLine(CultureInfo.InvariantCulture, $"- report written: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC (each run's seconds are in its table)")
            .AppendLine();
    }

    /// <summary>A heading and an optional paragraph.</summary>
    public void Section(string heading, string? paragraph = null)
    {
        _text.AppendLine(CultureInfo.InvariantCulture, $"## {heading}").AppendLine();
        if (!string.IsNullOrWhiteSpace(paragraph))
        {
            _text.AppendLine(paragraph).AppendLine();
        }
    }

    /// <summary>A paragraph.</summary>
    public void Paragraph(string text) => _text.AppendLine(text).AppendLine();

    /// <summary>A markdown table; cells are written as given.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        _text.AppendLine("| " + string.Join(" | ", headers) + " |");
        _text.AppendLine("|" + string.Concat(headers.Select(_ => "---|")));
        foreach (var row in rows)
        {
            _text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        _text.AppendLine();
    }

    /// <summary>A figure written to the output folder, by its file name.</summary>
    public void Figure(string fileName, string caption) => _text.AppendLine(CultureInfo.InvariantCulture, $"![{caption}]({fileName})").AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"*{caption}*").AppendLine();

    /// <summary>Writes report.md (to a temporary file, then renamed over the old one).</summary>
    public void Save()
    {
        string temporary = _path + ".tmp";
        File.WriteAllText(temporary, _text.ToString());
        File.Move(temporary, _path, overwrite: true);
    }

    /// <summary>A score with three decimals, as the tables show them.</summary>
    public static string F3(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Seconds with no decimals.</summary>
    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
}
