using System.Text.Json;
using System.Text.Json.Nodes;

namespace DeepClustering.Cli;

/// <summary>Writes result files whole or not at all: a temporary file beside the target, then one rename.</summary>
internal static class ResultFiles
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void WriteJson(string path, JsonObject value) =>
        WriteAtomically(path, stream => JsonSerializer.Serialize(stream, value, Indented));

    public static void WriteAtomically(string path, Action<Stream> write)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
