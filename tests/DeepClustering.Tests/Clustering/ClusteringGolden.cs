using System.Text.Json.Nodes;
using DeepClustering.Data;

namespace DeepClustering.Tests.Clustering;

/// <summary>
/// The scikit-learn references written by Golden/make_kmeans_mixture_reference.py: datasets stored once by name
/// (float32 values in their shortest decimal form) and the cases that use them.
/// </summary>
internal static class ClusteringGolden
{
    private static readonly Lazy<JsonNode> s_kmeans = new(() => Load("kmeans_reference.json"));
    private static readonly Lazy<JsonNode> s_mixture = new(() => Load("gaussian_mixture_reference.json"));

    public static JsonNode KMeans => s_kmeans.Value;

    public static JsonNode Mixture => s_mixture.Value;

    /// <summary>The case named <paramref name="name"/> in the list <paramref name="list"/> of <paramref name="root"/>.</summary>
    public static JsonNode Case(JsonNode root, string list, string name) =>
        root[list]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;

    /// <summary>The names of the cases in <paramref name="list"/>, for xunit theories.</summary>
    public static TheoryData<string> Names(JsonNode root, string list)
    {
        var data = new TheoryData<string>();
        foreach (var c in root[list]!.AsArray())
        {
            data.Add(c!["name"]!.GetValue<string>());
        }

        return data;
    }

    /// <summary>The dataset a case refers to, as a float32 matrix.</summary>
    public static DataMatrix Data(JsonNode root, JsonNode testCase) => Matrix(root["datasets"]![testCase["data"]!.GetValue<string>()]!);

    /// <summary>A JSON array of rows as a float32 matrix (each number parsed directly as float32).</summary>
    public static DataMatrix Matrix(JsonNode rows) =>
        DataMatrix.FromRows(rows.AsArray().Select(r => r!.AsArray().Select(v => v!.GetValue<float>()).ToArray()).ToArray());

    public static double[] Doubles(JsonNode values) => values.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    public static int[] Ints(JsonNode values) => values.AsArray().Select(v => v!.GetValue<int>()).ToArray();

    public static double[,] DoubleMatrix(JsonNode rows)
    {
        var array = rows.AsArray();
        int columns = array[0]!.AsArray().Count;
        var result = new double[array.Count, columns];
        for (int r = 0; r < array.Count; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                result[r, c] = array[r]![c]!.GetValue<double>();
            }
        }

        return result;
    }

    private static JsonNode Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Clustering", "Golden", file)))!;
}
