using System.Text.RegularExpressions;

namespace DeepClustering.Documentation.Tests;

/// <summary>The C# blocks of the repository's documentation: README.md, docs/, and the packages' readmes.</summary>
internal static partial class DocumentedCode
{
    /// <summary>The repository's root (the folder of DeepClustering.sln above the test's output).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Every Markdown file whose code a reader may copy.</summary>
    public static IEnumerable<string> Files()
    {
        yield return Path.Combine(Root, "README.md");
        foreach (string file in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            yield return file;
        }

        foreach (string folder in new[] { "src", "samples" })
        {
            foreach (string file in Directory.GetFiles(Path.Combine(Root, folder), "*.md", SearchOption.AllDirectories)
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                     && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                         .Order(StringComparer.Ordinal))
            {
                yield return file;
            }
        }
    }

    /// <summary>Each ```csharp block: its file (relative to the root), its first line, and its code.</summary>
    public static IEnumerable<CodeBlock> Blocks() =>
        Files().SelectMany(file =>
        {
            string text = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
            return CSharpFence().Matches(text).Select(m => new CodeBlock(
                Path.GetRelativePath(Root, file).Replace('\\', '/'),
                text[..m.Index].Count(c => c == '\n') + 1,
                m.Groups["code"].Value));
        });

    /// <summary>Fences that look like C# but are not <c>```csharp</c> (they would escape the check): file and line of each.</summary>
    public static IEnumerable<string> OtherCSharpFences() =>
        Files().SelectMany(file =>
        {
            var lines = File.ReadAllLines(file);
            return lines.Select((line, i) => (line.Trim(), i + 1))
                .Where(l => l.Item1 is "```cs" or "```c#" or "```C#" or "```CSharp")
                .Select(l => $"{Path.GetRelativePath(Root, file)}:{l.Item2}");
        });

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DeepClustering.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No DeepClustering.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^```csharp[ \t]*\n(?<code>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpFence();
}

/// <summary>One C# block of the documentation.</summary>
/// <param name="File">The Markdown file, relative to the repository's root.</param>
/// <param name="Line">The line of the opening fence.</param>
/// <param name="Code">The block's code.</param>
public sealed record CodeBlock(string File, int Line, string Code)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}";
}
