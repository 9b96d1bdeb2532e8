using DeepClustering.Data;
using DeepClustering.Decomposition;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Decomposition;

/// <summary>PCA's own properties, its arguments' checks, and the precision of the fast scatter-matrix path.</summary>
public class PcaTests
{
    [Fact]
    public void The_axes_are_orthonormal_and_ordered_by_decreasing_variance()
    {
        var model = new Pca(6).Fit(CorrelatedData.Random(300, 10, seed: 1));
        var axes = model.Components;

        for (int a = 0; a < 6; a++)
        {
            for (int b = 0; b < 6; b++)
            {
                double dot = 0;
                for (int j = 0; j < 10; j++)
                {
                    dot += axes[a, j] * axes[b, j];
                }

                Assert.Equal(a == b ? 1.0 : 0.0, dot, 1e-12);
            }
        }

        for (int c = 1; c < 6; c++)
        {
            Assert.True(model.ExplainedVariance[c] <= model.ExplainedVariance[c - 1]);
        }
    }

    [Fact]
    public void Projections_on_all_axes_have_the_explained_variances_and_invert_exactly()
    {
        var data = CorrelatedData.Random(200, 5, seed: 2);
        var model = new Pca(new PcaOptions()).Fit(data);
        var scores = model.Transform(data);

        Assert.Equal(5, model.ComponentCount);
        for (int c = 0; c < 5; c++)
        {
            double mean = 0, sumSquares = 0;
            for (int i = 0; i < 200; i++)
            {
                mean += scores.Values[i * 5 + c];
            }

            mean /= 200;
            for (int i = 0; i < 200; i++)
            {
                double centred = scores.Values[i * 5 + c] - mean;
                sumSquares += centred * centred;
            }

            Assert.Equal(0.0, mean, 1e-5);
            Assert.Equal(model.ExplainedVariance[c], sumSquares / 199, 1e-4 * model.ExplainedVariance[0]);
        }

        Assert.Equal(1.0, model.ExplainedVarianceRatio.Sum(), 1e-12);
        var back = model.InverseTransform(scores);
        for (int e = 0; e < data.Values.Length; e++)
        {
            Assert.Equal(data.Values[e], back.Values[e], 1e-4f);
        }
    }

    [Fact]
    public void Whitened_projections_have_unit_variance_and_invert_exactly()
    {
        var data = CorrelatedData.Random(150, 4, seed: 11);
        var model = new Pca(new PcaOptions { Whiten = true }).Fit(data);
        var scores = model.Transform(data);

        for (int c = 0; c < 4; c++)
        {
            double sumSquares = Enumerable.Range(0, 150).Sum(i => (double)scores.Values[i * 4 + c] * scores.Values[i * 4 + c]);
            Assert.Equal(1.0, sumSquares / 149, 1e-5);
        }

        var back = model.InverseTransform(scores);
        for (int e = 0; e < data.Values.Length; e++)
        {
            Assert.Equal(data.Values[e], back.Values[e], 1e-4f);
        }
    }

    [Fact]
    public void Without_centring_the_mean_is_zero_and_the_first_axis_follows_the_offset()
    {
        // Points scattered closely around (10, 10, 0): the uncentred second moment is dominated by the offset.
        var random = new RandomGenerator(3);
        var rows = Enumerable.Range(0, 100).Select(_ => new[] { 10 + 0.1 * random.NextGaussian(), 10 + 0.1 * random.NextGaussian(), 0.1 * random.NextGaussian() }).ToArray();
        var model = new Pca(new PcaOptions { ComponentCount = 1, Center = false }).Fit(DataMatrix.FromRows(rows));

        Assert.All(model.Mean, m => Assert.Equal(0.0, m));
        Assert.Equal(Math.Sqrt(0.5), Math.Abs(model.Components[0, 0]), 1e-2);
        Assert.Equal(Math.Sqrt(0.5), Math.Abs(model.Components[0, 1]), 1e-2);
    }

    [Fact]
    public void The_float32_block_scatter_matrix_agrees_with_the_double_one_to_a_millionth()
    {
        var data = CorrelatedData.Random(5000, 40, seed: 4, offset: 3f);
        double[] mean = ScatterMatrix.ColumnMeans(data);

        double[] exact = ScatterMatrix.ComputeInDouble(data, mean, threads: 2);
        double[] fast = ScatterMatrix.ComputeWithFloatBlocks(data, mean, threads: 2, blockRows: 1024);

        double largest = exact.Max(Math.Abs);
        for (int e = 0; e < exact.Length; e++)
        {
            Assert.True(Math.Abs(fast[e] - exact[e]) <= 1e-6 * largest, $"entry {e}: {fast[e]} vs {exact[e]}");
        }
    }

    [Fact]
    public void Too_many_components_are_refused_naming_the_option()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Pca(6).Fit(CorrelatedData.Random(10, 5, seed: 5)));
        Assert.Equal(nameof(PcaOptions.ComponentCount), error.ParamName);
    }

    [Fact]
    public void Bad_options_and_data_are_refused_naming_the_argument()
    {
        Assert.Equal(nameof(PcaOptions.ComponentCount), Assert.Throws<ArgumentOutOfRangeException>(() => new Pca(0)).ParamName);
        Assert.Equal(nameof(PcaOptions.Threads), Assert.Throws<ArgumentOutOfRangeException>(() => new Pca(new PcaOptions { Threads = -1 })).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => new Pca(1).Fit(CorrelatedData.Random(1, 3, seed: 6))).ParamName);

        var model = new Pca(2).Fit(CorrelatedData.Random(20, 4, seed: 7));
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => model.Transform(CorrelatedData.Random(3, 5, seed: 8))).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => model.InverseTransform(CorrelatedData.Random(3, 3, seed: 9))).ParamName);
    }

    [Fact]
    public void Refitting_gives_identical_axes()
    {
        var data = CorrelatedData.Random(400, 12, seed: 10);
        Assert.Equal(new Pca(4).Fit(data).Components, new Pca(4).Fit(data).Components);
    }
}
