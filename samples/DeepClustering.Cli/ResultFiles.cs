using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DeepClustering.Cli;

/// <summary>Writes result files whole or not at all: a temporary file beside the target, then one rename.</summary>
internal static class ResultFiles
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void WriteJson(string path, JsonObject value) =>
        WriteAtomically(path, stream => JsonSerializer.Serialize(stream, value, Indented));

    /// <summary>
    /// A result as a person reads it in a table: text without JSON quotes, whole numbers as they are, other numbers
    /// to four significant digits (0.7819, 120.5), arrays and objects as compact JSON.
    /// </summary>
    public static string Display(JsonNode value)
    {
        if (value is JsonValue scalar)
        {
            if (scalar.TryGetValue<string>(out var text))
            {
                return text;
            }

            if (scalar.TryGetValue<bool>(out var flag))
            {
                return flag ? "true" : "false";
            }

            if (scalar.TryGetValue<long>(out var whole))
            {
                return whole.ToString(CultureInfo.InvariantCulture);
            }

            if (scalar.TryGetValue<double>(out var number))
            {
                return Math.Abs(number) >= 1e4 || number == Math.Floor(number)
                    ? number.ToString("0.#", CultureInfo.InvariantCulture)
                    : number.ToString("G4", CultureInfo.InvariantCulture);
            }
        }

        return value.ToJsonString();
    }

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
