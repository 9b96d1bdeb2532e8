using System.Text.Json;
using DeepClustering.Decomposition;
using DeepClustering.Tests.Manifold;

namespace DeepClustering.Tests.Decomposition;

/// <summary>
/// PCA against scikit-learn's <c>PCA(svd_solver="full")</c> on the same float32 data (Golden/pca.json). The fit is
/// in double, so the axes and variances agree to 1e-9; the projections are float32 products, so they agree to
/// 1e-5 relative.
/// </summary>
public class PcaGoldenTests
{
    private const double FitTolerance = 1e-9;
    private const double ProjectionTolerance = 1e-5;

    [Theory]
    [InlineData("tall")]
    [InlineData("wide")]
    public void The_fitted_attributes_match_scikit_learn_including_the_signs_of_the_axes(string name)
    {
        var golden = EmbeddingGolden.Load("pca.json").GetProperty(name);
        int k = golden.GetProperty("components").GetInt32();

        var model = new Pca(k).Fit(EmbeddingGolden.Matrix(golden.GetProperty("data")));

        Assert.Equal(k, model.ComponentCount);
        EmbeddingGolden.AssertClose(EmbeddingGolden.Flat(golden.GetProperty("components_")), Flatten(model.Components), FitTolerance, "components_");
        EmbeddingGolden.AssertClose(EmbeddingGolden.Vector(golden.GetProperty("explained_variance_")), model.ExplainedVariance.ToArray(), FitTolerance, "explained_variance_");
        EmbeddingGolden.AssertClose(EmbeddingGolden.Vector(golden.GetProperty("explained_variance_ratio_")), model.ExplainedVarianceRatio.ToArray(), FitTolerance, "explained_variance_ratio_");
        EmbeddingGolden.AssertClose(EmbeddingGolden.Vector(golden.GetProperty("singular_values_")), model.SingularValues.ToArray(), FitTolerance, "singular_values_");
        EmbeddingGolden.AssertClose(EmbeddingGolden.Vector(golden.GetProperty("mean_")), model.Mean.ToArray(), FitTolerance, "mean_");
    }

    [Theory]
    [InlineData("tall")]
    [InlineData("wide")]
    public void Transform_and_inverse_transform_match_scikit_learn(string name)
    {
        var golden = EmbeddingGolden.Load("pca.json").GetProperty(name);
        var data = EmbeddingGolden.Matrix(golden.GetProperty("data"));
        var model = new Pca(golden.GetProperty("components").GetInt32()).Fit(data);

        var scores = model.Transform(data);
        var back = model.InverseTransform(scores);

        AssertMatrixClose(golden.GetProperty("transform"), scores.Values, "transform");
        AssertMatrixClose(golden.GetProperty("inverse_transform"), back.Values, "inverse_transform");
    }

    [Theory]
    [InlineData("tall")]
    [InlineData("wide")]
    public void The_whitened_transform_matches_scikit_learn(string name)
    {
        var golden = EmbeddingGolden.Load("pca.json").GetProperty(name);
        var data = EmbeddingGolden.Matrix(golden.GetProperty("data"));
        var model = new Pca(new PcaOptions { ComponentCount = golden.GetProperty("components").GetInt32(), Whiten = true }).Fit(data);

        AssertMatrixClose(golden.GetProperty("whitened_transform"), model.Transform(data).Values, "whitened transform");
    }

    private static void AssertMatrixClose(JsonElement expected, float[] actual, string what) =>
        EmbeddingGolden.AssertClose(EmbeddingGolden.Flat(expected), actual.Select(v => (double)v).ToArray(), ProjectionTolerance, what);

    private static double[] Flatten(double[,] matrix) => matrix.Cast<double>().ToArray();
}
