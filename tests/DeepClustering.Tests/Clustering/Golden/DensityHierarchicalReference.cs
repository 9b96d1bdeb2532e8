using System.Text.Json.Nodes;
using DeepClustering.Data;

namespace DeepClustering.Tests.Clustering.Golden;

/// <summary>
/// Reads the scikit-learn reference files dbscan.json and agglomerative.json written by
/// make_sklearn_density_hierarchical.py (next to this file): inputs stored as float32 text, expected outputs.
/// </summary>
internal static class DensityHierarchicalReference
{
    private static readonly Lazy<JsonNode> s_dbscan = new(() => Load("dbscan.json"));
    private static readonly Lazy<JsonNode> s_agglomerative = new(() => Load("agglomerative.json"));

    public static JsonNode Dbscan => s_dbscan.Value;

    public static JsonNode Agglomerative => s_agglomerative.Value;

    /// <summary>Dataset <paramref name="name"/> of a reference file as a matrix.</summary>
    public static DataMatrix Dataset(JsonNode reference, string name) =>
        DataMatrix.FromRows(reference["datasets"]![name]!.AsArray()
            .Select(row => row!.AsArray().Select(v => v!.GetValue<float>()).ToArray())
            .ToArray());

    public static int[] Ints(JsonNode node) => node.AsArray().Select(v => v!.GetValue<int>()).ToArray();

    private static JsonNode Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Clustering", "Golden", file)))!;
}
