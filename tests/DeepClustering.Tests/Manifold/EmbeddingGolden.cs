using System.Text.Json;
using DeepClustering.Data;
using DeepClustering.Tests.Data;

namespace DeepClustering.Tests.Manifold;

/// <summary>Reads the scikit-learn reference files of Manifold/Golden (see make_sklearn_reference.py there).</summary>
internal static class EmbeddingGolden
{
    public static JsonElement Load(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Manifold", "Golden", name))).RootElement;

    public static double[] Vector(JsonElement element) => element.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static double[][] Rows(JsonElement element) => element.EnumerateArray().Select(Vector).ToArray();

    /// <summary>Row-major flattening of a list of rows.</summary>
    public static double[] Flat(JsonElement element) => Rows(element).SelectMany(r => r).ToArray();

    public static DataMatrix Matrix(JsonElement element) => DataMatrix.FromRows(Rows(element));

    /// <summary>The shipped MNIST test split (samples/data/mnist).</summary>
    public static LabeledImageSet ShippedMnistTest() =>
        MnistLoader.LoadSplit(Path.Combine(RepositoryRoot.Path, "samples", "data", "mnist"), MnistSplit.Test);

    /// <summary>Asserts |actual − expected| ≤ tolerance·max(1, |expected|) elementwise, naming the first index that fails.</summary>
    public static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double allowed = tolerance * Math.Max(1.0, Math.Abs(expected[i]));
            Assert.True(Math.Abs(actual[i] - expected[i]) <= allowed,
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (tolerance {allowed:G3})");
        }
    }

    /// <summary>Asserts |actual − expected| ≤ relative·|expected| elementwise, naming the first index that fails.</summary>
    public static void AssertRelativelyClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double relative, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(actual[i] - expected[i]) <= relative * Math.Abs(expected[i]),
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (relative tolerance {relative:G3})");
        }
    }
}
