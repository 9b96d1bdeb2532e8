using DeepClustering.Refiners.EmbeddedKMeans;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Refiners.EmbeddedKMeans;

public sealed class AssignmentMatchingTests
{
    [Fact]
    public void Renumbered_clusters_count_as_no_change()
    {
        var change = AssignmentMatching.Compare([0, 0, 1, 1, 2, 2], [2, 2, 0, 0, 1, 1], 3);
        Assert.Equal(new[] { 2, 0, 1 }, change.CurrentOfPrevious);
        Assert.Equal(0, change.ChangedCount);
        Assert.Equal(0, change.ChangedFraction);
        Assert.True(change.HasConverged());
    }

    [Fact]
    public void Hand_case_counts_the_one_sample_that_moved()
    {
        // Old clusters {0,1}, {2,3}, {4,5} become 2, 0, 1; sample 3 moved from (old 1 → new 0) to new 1.
        var change = AssignmentMatching.Compare([0, 0, 1, 1, 2, 2], [2, 2, 0, 1, 1, 1], 3);
        Assert.Equal(new[] { 2, 0, 1 }, change.CurrentOfPrevious);
        Assert.Equal(1, change.ChangedCount);
        Assert.Equal(1.0 / 6, change.ChangedFraction, 1e-15);
    }

    [Theory]
    [InlineData(11L, 500, 10)]
    [InlineData(12L, 97, 4)]
    [InlineData(13L, 1, 3)]
    public void Any_permutation_of_the_labels_gives_zero_changes(long seed, int n, int k)
    {
        var random = new RandomGenerator(seed);
        var previous = Enumerable.Range(0, n).Select(_ => random.NextInt(k)).ToArray();
        var permutation = Enumerable.Range(0, k).OrderBy(_ => random.NextDouble()).ToArray();
        var current = previous.Select(l => permutation[l]).ToArray();
        var change = AssignmentMatching.Compare(previous, current, k);
        Assert.Equal(0, change.ChangedCount);
        foreach (int label in previous.Distinct())
        {
            Assert.Equal(permutation[label], change.CurrentOfPrevious[label]);
        }
    }

    [Fact]
    public void Matches_the_DEKM_codes_count_on_the_reference_cases()
    {
        foreach (var c in DekmGolden.MatchingCases)
        {
            var change = AssignmentMatching.Compare(DekmGolden.Integers(c.GetProperty("previous")),
                DekmGolden.Integers(c.GetProperty("current")), c.GetProperty("clusters").GetInt32());
            Assert.Equal(c.GetProperty("changed").GetInt32(), change.ChangedCount);
            Assert.Equal(DekmGolden.Integers(c.GetProperty("current_of_previous")), change.CurrentOfPrevious);
        }
    }

    [Theory]
    [InlineData(1000, 5, true)]
    [InlineData(1000, 6, false)]
    [InlineData(200, 1, true)]
    [InlineData(199, 1, false)]
    public void Stops_at_half_a_percent_of_the_samples_inclusive(int samples, int changed, bool converged)
    {
        Assert.Equal(0.005, AssignmentMatching.DefaultTolerance);
        Assert.Equal(converged, new AssignmentChange([0], changed, samples).HasConverged());
    }

    [Fact]
    public void Bad_arguments_are_refused_with_their_name()
    {
        Assert.Equal("current", Assert.Throws<ArgumentException>(() => AssignmentMatching.Compare([0, 1], [0], 2)).ParamName);
        Assert.Equal("previous", Assert.Throws<ArgumentException>(() => AssignmentMatching.Compare([0, 2], [0, 1], 2)).ParamName);
        Assert.Equal("current", Assert.Throws<ArgumentException>(() => AssignmentMatching.Compare([0, 1], [-1, 1], 2)).ParamName);
        Assert.Equal("previous", Assert.Throws<ArgumentException>(() => AssignmentMatching.Compare([], [], 2)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AssignmentChange([0], 0, 10).HasConverged(1.5));
    }
}
