using System.Text.Json;

namespace DeepClustering.Samples;

/// <summary>
/// The runs of a sample's output folder, one JSON file per experiment under results/: an experiment's file is
/// replaced whole when it is run again, and the summary is drawn from every file there, whichever session made it.
/// </summary>
public static class SampleResults
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Writes the runs of <paramref name="experiment"/> (atomically).</summary>
    public static void Save(string output, string experiment, IReadOnlyList<SampleRun> runs)
    {
        string folder = Path.Combine(output, "results");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, experiment + ".json");
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(runs, Json));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>Every run stored in <paramref name="output"/>, by experiment name.</summary>
    /// <exception cref="InvalidDataException">A results file that is not a list of runs, naming it.</exception>
    public static IReadOnlyList<SampleRun> Load(string output)
    {
        string folder = Path.Combine(output, "results");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var runs = new List<SampleRun>();
        foreach (string path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                runs.AddRange(JsonSerializer.Deserialize<List<SampleRun>>(File.ReadAllText(path), Json)
                    ?? throw new InvalidDataException($"{path} holds no runs."));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path} is not a results file of a sample: {e.Message}", e);
            }
        }

        return runs;
    }
}
