using System.Globalization;
using System.Security.Cryptography;

namespace DeepClustering.Fuzzing;

/// <summary>The folder where findings are kept, one file per distinct input, as regression inputs for the tests.</summary>
public sealed class Corpus(string folder)
{
    /// <summary>The folder that holds one sub-folder per target.</summary>
    public string Folder { get; } = folder;

    /// <summary>
    /// Saves <paramref name="input"/> as <c>&lt;target&gt;/&lt;kind&gt;-&lt;hash&gt;&lt;extension&gt;</c> with a note
    /// beside it (<c>.finding</c>) saying what went wrong; returns the input's path.
    /// </summary>
    public string Save(IFuzzTarget target, byte[] input, string kind, string detail, int seed)
    {
        string targetFolder = Path.Combine(Folder, target.Name);
        Directory.CreateDirectory(targetFolder);
        string hash = Convert.ToHexStringLower(SHA256.HashData(input))[..16];
        string path = Path.Combine(targetFolder, $"{kind}-{hash}{target.FileExtension}");
        File.WriteAllBytes(path, input);
        File.WriteAllText(path + ".finding", string.Create(CultureInfo.InvariantCulture,
            $"target: {target.Name}\nkind: {kind}\nseed: {seed}\nfound: {DateTime.UtcNow:u}\n\n{detail}\n"));
        return path;
    }

    /// <summary>The saved inputs of <paramref name="target"/> (not the notes), in name order; none when there is no folder.</summary>
    public IReadOnlyList<string> Inputs(IFuzzTarget target)
    {
        string targetFolder = Path.Combine(Folder, target.Name);
        return Directory.Exists(targetFolder)
            ? [.. Directory.GetFiles(targetFolder).Where(p => p.EndsWith(target.FileExtension, StringComparison.Ordinal)).Order(StringComparer.Ordinal)]
            : [];
    }
}
