using System.Globalization;

namespace DeepClustering.Benchmarks;

/// <summary>The <c>--name value</c> pairs after a command.</summary>
internal sealed class BenchmarkArguments(Dictionary<string, string> values)
{
    public static BenchmarkArguments Parse(ReadOnlySpan<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value' but got '{args[i]}'.");
            }

            values[args[i][2..]] = args[++i];
        }

        return new BenchmarkArguments(values);
    }

    public int GetInt(string name, int fallback) =>
        values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public double GetDouble(string name, double fallback) =>
        values.TryGetValue(name, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public string GetString(string name, string fallback) => values.TryGetValue(name, out var text) ? text : fallback;
}
