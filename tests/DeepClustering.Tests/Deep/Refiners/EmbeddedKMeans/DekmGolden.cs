using System.Text.Json;
using DeepClustering.Data;

namespace DeepClustering.Tests.Refiners.EmbeddedKMeans;

/// <summary>Reads Golden/dekm_reference.json (written by Golden/make_dekm_reference.py) and compares arrays.</summary>
internal static class DekmGolden
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Deep", "Refiners", "EmbeddedKMeans", "Golden",
            "dekm_reference.json"))).RootElement);

    public static IEnumerable<JsonElement> ScatterCases => Root.Value.GetProperty("scatter_cases").EnumerateArray();

    public static IEnumerable<JsonElement> MatchingCases => Root.Value.GetProperty("matching_cases").EnumerateArray();

    public static JsonElement ScatterCase(string name) => ScatterCases.Single(c => c.GetProperty("name").GetString() == name);

    public static IEnumerable<object[]> ScatterCaseNames => ScatterCases.Select(c => new object[] { c.GetProperty("name").GetString()! });

    public static double[] Vector(JsonElement element) => element.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static int[] Integers(JsonElement element) => element.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    /// <summary>Row-major flattening of a list of rows.</summary>
    public static double[] Flat(JsonElement element) => element.EnumerateArray().SelectMany(Vector).ToArray();

    public static DataMatrix Matrix(JsonElement element) =>
        DataMatrix.FromRows(element.EnumerateArray().Select(Vector).ToArray());

    /// <summary>Asserts |actual − expected| ≤ tolerance·scale elementwise, naming the first index that fails.</summary>
    public static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double tolerance, double scale, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(actual[i] - expected[i]) <= tolerance * scale,
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (tolerance {tolerance * scale:G3})");
        }
    }

    /// <summary>The largest magnitude in <paramref name="values"/>, at least 1.</summary>
    public static double Scale(ReadOnlySpan<double> values)
    {
        double largest = 1;
        foreach (double v in values)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }

        return largest;
    }
}
