using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Numerics.Tests.Randomness;

/// <summary>
/// Statistical checks use a fixed seed, so they are deterministic; each bound is five standard errors wide (or a
/// chi-square quantile far in the tail), so a correct generator passes with any seed, while an off-by-one
/// range, a modulo bias or a wrong Gaussian transform is far outside.
/// </summary>
public sealed class RandomGeneratorTests
{
    private const int Draws = 200_000;

    [Theory]
    [InlineData(0L, 0x99ec5f36cb75f2b4UL, 0xbf6e1f784956452aUL, 0x1a5f849d4933e6e0UL)]
    [InlineData(42L, 0x15780b2e0c2ec716UL, 0x6104d9866d113a7eUL, 0xae17533239e499a1UL)]
    [InlineData(-1L, 0x8f5520d52a7ead08UL, 0xc476a018caa1802dUL, 0x81de31c0d260469eUL)]
    public void The_sequence_is_xoshiro256starstar_seeded_by_splitmix64(long seed, ulong first, ulong second, ulong third)
    {
        // Values from an independent transcription of Vigna's reference C code (splitmix64.c, xoshiro256starstar.c):
        // the same seed gives the same sequence on every machine and in every version.
        var random = new RandomGenerator(seed);

        Assert.Equal([first, second, third], new[] { random.NextUInt64(), random.NextUInt64(), random.NextUInt64() });
        Assert.Equal(seed, random.Seed);
    }

    [Fact]
    public void The_same_seed_gives_the_same_sequence_and_other_seeds_do_not()
    {
        var a = new RandomGenerator(123);
        var b = new RandomGenerator(123);
        var c = new RandomGenerator(124);

        var fromA = Enumerable.Range(0, 1000).Select(_ => a.NextUInt64()).ToArray();
        var fromB = Enumerable.Range(0, 1000).Select(_ => b.NextUInt64()).ToArray();
        var fromC = Enumerable.Range(0, 1000).Select(_ => c.NextUInt64()).ToArray();

        Assert.Equal(fromA, fromB);
        Assert.Empty(fromA.Intersect(fromC));

        // Mixed draws stay in step too (the spare Gaussian included).
        var d = new RandomGenerator(5);
        var e = new RandomGenerator(5);
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(d.NextGaussian(), e.NextGaussian());
            Assert.Equal(d.NextInt(17), e.NextInt(17));
            Assert.Equal(d.NextSingle(), e.NextSingle());
        }
    }

    [Fact]
    public void Fork_is_deterministic_and_independent_of_the_parent()
    {
        var parent = new RandomGenerator(8);
        var child = parent.Fork();
        var again = new RandomGenerator(8).Fork();

        var fromChild = Enumerable.Range(0, 100).Select(_ => child.NextUInt64()).ToArray();
        Assert.Equal(fromChild, Enumerable.Range(0, 100).Select(_ => again.NextUInt64()));
        Assert.Empty(fromChild.Intersect(Enumerable.Range(0, 100).Select(_ => parent.NextUInt64())));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public void NextInt_stays_within_its_bounds(int maxExclusive)
    {
        var random = new RandomGenerator(maxExclusive);
        int min = int.MaxValue, max = int.MinValue;
        for (int i = 0; i < 20_000; i++)
        {
            int value = random.NextInt(maxExclusive);
            Assert.InRange(value, 0, maxExclusive - 1);
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        if (maxExclusive <= 1000)
        {
            // Both ends are reached: no value is lost at the top or the bottom.
            Assert.Equal(0, min);
            Assert.Equal(maxExclusive - 1, max);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void NextInt_refuses_an_empty_range(int maxExclusive)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomGenerator(1).NextInt(maxExclusive));
        Assert.Equal("maxExclusive", error.ParamName);
    }

    [Fact]
    public void NextInt_is_uniform()
    {
        var random = new RandomGenerator(11);
        var counts = new int[10];
        for (int i = 0; i < Draws; i++)
        {
            counts[random.NextInt(10)]++;
        }

        // Chi-square with 9 degrees of freedom: P(χ² > 33.7) = 1e-4.
        double expected = Draws / 10.0;
        double chiSquare = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.True(chiSquare < 33.7, $"χ² = {chiSquare:F1} for counts {string.Join(", ", counts)}.");
    }

    [Fact]
    public void NextInt_has_no_modulo_bias_for_a_large_range()
    {
        // With 1.5·2³⁰ values, 32 random bits reduced modulo the range would put the lowest 2³⁰ values 3 times
        // in 2³² and the others twice, so 75 % of the draws would fall below 2³⁰ instead of 2/3.
        const int Range = 3 << 29;
        var random = new RandomGenerator(12);
        int below = 0;
        for (int i = 0; i < Draws; i++)
        {
            if (random.NextInt(Range) < 1 << 30)
            {
                below++;
            }
        }

        double fraction = below / (double)Draws;
        double standardError = Math.Sqrt(2.0 / 9 / Draws);
        Assert.InRange(fraction, 2.0 / 3 - 5 * standardError, 2.0 / 3 + 5 * standardError);
    }

    [Fact]
    public void NextDouble_NextSingle_and_NextUniform_are_uniform_on_their_interval()
    {
        var random = new RandomGenerator(13);
        var doubles = new double[Draws];
        for (int i = 0; i < Draws; i++)
        {
            doubles[i] = random.NextDouble();
            float single = random.NextSingle();
            Assert.True(single is >= 0f and < 1f, $"NextSingle gave {single}.");
            double uniform = random.NextUniform(-3, 5);
            Assert.True(uniform is >= -3 and < 5, $"NextUniform gave {uniform}.");
        }

        Assert.All(doubles, d => Assert.True(d is >= 0 and < 1));
        double mean = doubles.Average();
        double variance = doubles.Sum(d => (d - mean) * (d - mean)) / (Draws - 1);
        // Uniform on [0, 1): mean 1/2 (standard error √(1/12/N)), variance 1/12 (standard error √((1/80 − 1/144)/N)).
        Assert.InRange(mean, 0.5 - 5 * Math.Sqrt(1.0 / 12 / Draws), 0.5 + 5 * Math.Sqrt(1.0 / 12 / Draws));
        double varianceError = Math.Sqrt((1.0 / 80 - 1.0 / 144) / Draws);
        Assert.InRange(variance, 1.0 / 12 - 5 * varianceError, 1.0 / 12 + 5 * varianceError);
        // Each tenth of the interval gets a tenth of the draws.
        var deciles = new int[10];
        foreach (double d in doubles)
        {
            deciles[(int)(d * 10)]++;
        }

        double chiSquare = deciles.Sum(c => (c - Draws / 10.0) * (c - Draws / 10.0) / (Draws / 10.0));
        Assert.True(chiSquare < 33.7, $"χ² = {chiSquare:F1}.");
    }

    [Fact]
    public void NextGaussian_has_mean_zero_variance_one_and_normal_tails()
    {
        var random = new RandomGenerator(14);
        var x = new double[Draws];
        for (int i = 0; i < Draws; i++)
        {
            x[i] = random.NextGaussian();
        }

        double mean = x.Average();
        double variance = x.Sum(v => (v - mean) * (v - mean)) / (Draws - 1);
        double kurtosis = x.Sum(v => Math.Pow(v - mean, 4)) / Draws / (variance * variance);
        double withinOneSigma = x.Count(v => Math.Abs(v) < 1) / (double)Draws;

        // Standard errors for N(0, 1): mean 1/√N, variance √(2/N), kurtosis √(24/N), P(|x| < 1) = 0.6827 ± √(p(1−p)/N).
        Assert.InRange(mean, -5 / Math.Sqrt(Draws), 5 / Math.Sqrt(Draws));
        Assert.InRange(variance, 1 - 5 * Math.Sqrt(2.0 / Draws), 1 + 5 * Math.Sqrt(2.0 / Draws));
        Assert.InRange(kurtosis, 3 - 5 * Math.Sqrt(24.0 / Draws), 3 + 5 * Math.Sqrt(24.0 / Draws));
        double p = 0.682689492;
        Assert.InRange(withinOneSigma, p - 5 * Math.Sqrt(p * (1 - p) / Draws), p + 5 * Math.Sqrt(p * (1 - p) / Draws));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(1000)]
    public void Permutation_is_a_permutation(int count)
    {
        var permutation = new RandomGenerator(count + 1).Permutation(count);

        Assert.Equal(Enumerable.Range(0, count), permutation.Order());
    }

    [Fact]
    public void Permutation_depends_on_the_seed_and_shuffles()
    {
        var first = new RandomGenerator(1).Permutation(1000);
        var again = new RandomGenerator(1).Permutation(1000);
        var other = new RandomGenerator(2).Permutation(1000);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        // A shuffle of 1000 leaves about one element in place, not hundreds.
        Assert.True(first.Where((value, index) => value == index).Count() < 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomGenerator(1).Permutation(-1));
    }

    [Fact]
    public void All_orders_of_three_elements_are_equally_likely()
    {
        var random = new RandomGenerator(15);
        var counts = new Dictionary<string, int>();
        const int Trials = 60_000;
        for (int i = 0; i < Trials; i++)
        {
            string key = string.Join(",", random.Permutation(3));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        Assert.Equal(6, counts.Count);
        // Chi-square with 5 degrees of freedom: P(χ² > 25.7) = 1e-4.
        double expected = Trials / 6.0;
        double chiSquare = counts.Values.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.True(chiSquare < 25.7, $"χ² = {chiSquare:F1}.");
    }
}
