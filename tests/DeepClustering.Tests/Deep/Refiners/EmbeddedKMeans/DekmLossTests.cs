using DeepClustering.Refiners.EmbeddedKMeans;
using DeepClustering.Tensors;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Refiners.EmbeddedKMeans;

public sealed class DekmLossTests
{
    [Theory]
    [InlineData(false, 2.0, 1.0)]
    [InlineData(true, 1.0, 0.5)]
    public void Hand_case_value_and_gradient(bool mean, double expectedLoss, double gradientEntry)
    {
        var reduction = Reduction(mean);
        // Batch = rows 1 and 3 at their refresh values: f(x)V − T = (0, √2) and (0, −√2); Σ r² = 4, d = 2, B = 2.
        // Gradient 2·R·Vᵀ/c: row 1 → (2/c)·√2·(V[0,1], V[1,1]) = (2/c)·(1, −1); row 3 the opposite.
        double[] batch = [3, 0, -1, 3];
        var targets = HandCase.Targets.AsSpan(2, 2).ToArray().Concat(HandCase.Targets.AsSpan(6, 2).ToArray()).ToArray();
        var gradient = new double[4];
        double loss = DekmLoss.Compute(batch, 2, HandCase.Vectors, targets, gradient, reduction);
        Assert.Equal(expectedLoss, loss, 1e-14);
        DekmGolden.AssertClose([gradientEntry, -gradientEntry, -gradientEntry, gradientEntry], gradient, 1e-14, 1, "∂L/∂f(x)");
    }

    [Fact]
    public void The_default_is_the_reduction_the_DEKM_code_differentiates()
    {
        Assert.Equal(DekmLossReduction.SumOfRowMeans, DekmLoss.DefaultReduction);
        Assert.Equal(10, DekmLoss.Normaliser(DekmLossReduction.SumOfRowMeans, 256, 10));
        Assert.Equal(2560, DekmLoss.Normaliser(DekmLossReduction.Mean, 256, 10));
    }

    [Fact]
    public void Embeddings_on_their_targets_cost_nothing()
    {
        var basis = ScatterEigenvectors.Compute(HandCase.Scatter, 2);
        double[] z = [0.3, -1.2];
        var y = Rotation.Apply(z, 2, basis.Vectors);
        var gradient = new double[2];
        Assert.Equal(0, DekmLoss.Compute(z, 2, basis.Vectors, y, gradient), 1e-15);
        Assert.All(gradient, g => Assert.Equal(0, g, 1e-15));
    }

    [Theory]
    [MemberData(nameof(GoldenCasesAndReductions))]
    public void Matches_the_pytorch_reference(string name, bool mean)
    {
        var reduction = Reduction(mean);
        var c = DekmGolden.ScatterCase(name);
        int d = c.GetProperty("dimension").GetInt32();
        var basis = ScatterEigenvectors.Compute(DekmGolden.Flat(c.GetProperty("scatter")), d);
        var batch = DekmGolden.Flat(c.GetProperty("batch_embeddings"));
        var targets = DekmGolden.Flat(c.GetProperty("batch_targets"));
        var gradient = new double[batch.Length];
        double loss = DekmLoss.Compute(batch, d, basis.Vectors, targets, gradient, reduction);

        var expected = c.GetProperty("loss").GetProperty(reduction == DekmLossReduction.Mean ? "mean" : "sum_of_row_means");
        double expectedLoss = expected.GetProperty("value").GetDouble();
        Assert.True(Math.Abs(loss - expectedLoss) <= 1e-10 * expectedLoss, $"loss {loss:R}, expected {expectedLoss:R}");
        var expectedGradient = DekmGolden.Flat(expected.GetProperty("gradient"));
        DekmGolden.AssertClose(expectedGradient, gradient, 1e-10, DekmGolden.Scale(expectedGradient), "∂L/∂f(x)");
    }

    public static IEnumerable<object[]> GoldenCasesAndReductions() =>
        DekmGolden.ScatterCaseNames.SelectMany(n => new[]
        {
            new object[] { n[0], false },
            new object[] { n[0], true },
        });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Gradient_matches_central_finite_differences(bool mean)
    {
        var reduction = Reduction(mean);
        var random = new RandomGenerator(31);
        const int d = 5, rows = 4;
        var s = ScatterEigenvectorsTests.RandomScatter(random, d);
        var basis = ScatterEigenvectors.Compute(Enumerable.Range(0, d * d).Select(i => s[i / d, i % d]).ToArray(), d);
        var z = Enumerable.Range(0, rows * d).Select(_ => random.NextGaussian()).ToArray();
        var targets = Enumerable.Range(0, rows * d).Select(_ => random.NextGaussian()).ToArray();
        var gradient = new double[rows * d];
        DekmLoss.Compute(z, d, basis.Vectors, targets, gradient, reduction);

        // The loss is quadratic, so the central difference has no truncation error; h = 1e-4 leaves rounding
        // of about 1e-16·L/h ≈ 1e-12.
        const double h = 1e-4;
        var scratch = new double[rows * d];
        for (int i = 0; i < z.Length; i++)
        {
            var plus = (double[])z.Clone();
            var minus = (double[])z.Clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (DekmLoss.Compute(plus, d, basis.Vectors, targets, scratch, reduction)
                - DekmLoss.Compute(minus, d, basis.Vectors, targets, scratch, reduction)) / (2 * h);
            Assert.True(Math.Abs(gradient[i] - numeric) <= 1e-8 * Math.Max(1, Math.Abs(numeric)),
                $"∂L/∂z[{i}]: analytic {gradient[i]:R}, numeric {numeric:R}");
        }

        Assert.True(gradient.Max(Math.Abs) > 0.1, "the gradients are large enough for a sign error to show");
    }

    /// <summary>Theory data cannot name an internal enum in a public test's signature: true is Mean.</summary>
    private static DekmLossReduction Reduction(bool mean) => mean ? DekmLossReduction.Mean : DekmLossReduction.SumOfRowMeans;

    [Fact]
    public void Mismatched_lengths_are_refused_with_their_name()
    {
        var gradient = new double[4];
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() =>
            DekmLoss.Compute([1, 2, 3, 4], 2, HandCase.Vectors, [1, 2], gradient)).ParamName);
        Assert.Equal("vectors", Assert.Throws<ArgumentException>(() =>
            DekmLoss.Compute([1, 2, 3, 4], 2, [1, 0, 0], [1, 2, 3, 4], gradient)).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() =>
            DekmLoss.Compute([1, 2, 3, 4], 2, HandCase.Vectors, [1, 2, 3, 4], new double[2])).ParamName);
        Assert.Equal("embeddings", Assert.Throws<ArgumentException>(() =>
            DekmLoss.Compute([1, 2, 3], 2, HandCase.Vectors, [1, 2, 3], new double[3])).ParamName);
    }
}
