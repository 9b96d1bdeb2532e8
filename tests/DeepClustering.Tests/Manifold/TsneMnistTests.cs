using DeepClustering.Data;
using DeepClustering.Decomposition;
using DeepClustering.Manifold;

namespace DeepClustering.Tests.Manifold;

/// <summary>
/// t-SNE on 500 digits of the shipped MNIST test split, PCA to 30 dimensions first, against scikit-learn's TSNE on
/// the same input (Golden/tsne_mnist.json: the indices, the PCA variances, the final KL divergences).
/// </summary>
public class TsneMnistTests(TsneMnistTests.Runs runs) : IClassFixture<TsneMnistTests.Runs>
{
    [Fact]
    public void The_pca_to_30_dimensions_matches_scikit_learns_variances()
    {
        var expected = EmbeddingGolden.Vector(runs.Golden.GetProperty("pca_explained_variance_"));
        EmbeddingGolden.AssertRelativelyClose(expected, runs.Pca.ExplainedVariance.ToArray(), 1e-5, "explained_variance_");
    }

    [Theory]
    [InlineData(TsneMethod.Exact, "exact")]
    [InlineData(TsneMethod.BarnesHut, "barnes_hut")]
    public void The_final_KL_divergence_is_within_ten_percent_of_scikit_learns(TsneMethod method, string name)
    {
        var reference = runs.Golden.GetProperty("tsne").GetProperty(name);
        var result = runs.Result(method);

        double expected = reference.GetProperty("kl_divergence").GetDouble();
        Assert.InRange(result.KlDivergence, 0.9 * expected, 1.1 * expected);
        Assert.Equal(reference.GetProperty("learning_rate").GetDouble(), result.LearningRate);
        Assert.Equal(reference.GetProperty("n_iter").GetInt32() + 1, result.Iterations);
    }

    [Theory]
    [InlineData(TsneMethod.Exact)]
    [InlineData(TsneMethod.BarnesHut)]
    public void A_5_nearest_neighbour_classifier_in_the_embedding_recognises_most_digits(TsneMethod method)
    {
        // Measured: 0.880 (exact) and 0.870 (Barnes-Hut) for these 500 digits; the 30-D PCA space itself gives 0.888.
        double accuracy = TsneQuality.NearestNeighbourAccuracy(runs.Result(method).Embedding, runs.Labels, 5);
        Assert.True(accuracy >= 0.85, $"5-NN accuracy {accuracy:F3}");
    }

    /// <summary>The PCA and both t-SNE runs, computed once for the class.</summary>
    public sealed class Runs
    {
        private readonly Dictionary<TsneMethod, TsneResult> _results = [];

        public Runs()
        {
            Golden = EmbeddingGolden.Load("tsne_mnist.json");
            int[] indices = Golden.GetProperty("indices").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var mnist = EmbeddingGolden.ShippedMnistTest();
            var images = new DataMatrix(mnist.Images.Pixels, mnist.Count, mnist.Images.ValuesPerImage).SelectRows(indices);
            Labels = indices.Select(i => mnist.Labels[i]).ToArray();
            Assert.Equal(Golden.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32()), Labels);
            Pca = new Pca(new PcaOptions { ComponentCount = 30, Threads = 2 }).Fit(images);
            Reduced = Pca.Transform(images);
        }

        public System.Text.Json.JsonElement Golden { get; }

        public PcaModel Pca { get; }

        public DataMatrix Reduced { get; }

        public int[] Labels { get; }

        public TsneResult Result(TsneMethod method)
        {
            lock (_results)
            {
                if (!_results.TryGetValue(method, out var result))
                {
                    result = new Tsne(new TsneOptions { Method = method, Threads = 2 }).Fit(Reduced);
                    _results[method] = result;
                }

                return result;
            }
        }
    }
}
