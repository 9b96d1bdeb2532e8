using System.CommandLine;

namespace DeepClustering.Cli;

/// <summary>
/// Options whose value is one of a few names: matched without regard to case, and a value that is none of them is a
/// usage error that suggests the nearest name ("did you mean").
/// </summary>
internal static class Choices
{
    /// <summary>An option taking one of <paramref name="names"/> (lower case), parsed to the canonical name.</summary>
    public static Option<string> Create(string flag, string[] names, string description, bool required = false, string? defaultValue = null)
    {
        var option = new Option<string>(flag)
        {
            Description = description,
            Required = required,
            CustomParser = result =>
            {
                string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (Resolve(text, names) is { } name)
                {
                    return name;
                }

                result.AddError(Unknown(flag, text, names));
                return "";
            },
        };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        option.CompletionSources.Add(names);
        return option;
    }

    /// <summary>The name that <paramref name="text"/> is, case aside, or null.</summary>
    public static string? Resolve(string text, IEnumerable<string> names) =>
        names.FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>"Unknown --method 'dekn'. Did you mean 'dekm'? Use one of: …".</summary>
    public static string Unknown(string flag, string text, string[] names)
    {
        var nearest = names.Select(n => (Name: n, Distance: Distance(n, text.ToLowerInvariant()))).MinBy(p => p.Distance);
        string hint = nearest.Distance <= Math.Max(2, nearest.Name.Length / 3) ? $" Did you mean '{nearest.Name}'?" : "";
        return $"Unknown {flag} '{text}'.{hint} Use one of: {string.Join(", ", names)}.";
    }

    /// <summary>The Levenshtein distance: single-character insertions, deletions and substitutions between the two.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
