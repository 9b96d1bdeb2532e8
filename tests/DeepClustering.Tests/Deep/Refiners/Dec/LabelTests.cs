using DeepClustering.Refiners.Dec;

namespace DeepClustering.Tests.Refiners.Dec;

/// <summary>Hard labels from Q and DEC's stopping rule on the fraction of changed labels.</summary>
public sealed class LabelTests
{
    [Fact]
    public void Hard_labels_are_the_argmax_with_ties_to_the_lowest_index()
    {
        float[] q =
        [
            0.2f, 0.5f, 0.3f,   // → 1
            0.4f, 0.4f, 0.2f,   // tie → 0
            0.1f, 0.45f, 0.45f, // tie → 1
            0f, 0f, 1f,         // → 2
        ];
        Assert.Equal([1, 0, 1, 2], HardLabels.FromAssignments(q, 3));
    }

    [Fact]
    public void Hard_labels_refuse_nan_and_bad_shapes()
    {
        Assert.Throws<ArgumentException>(() => HardLabels.FromAssignments([0.5f, float.NaN], 2));
        Assert.Throws<ArgumentException>(() => HardLabels.FromAssignments([0.5f, 0.5f, 1f], 2));
        Assert.Throws<ArgumentException>(() => HardLabels.FromAssignments([0.5f, 0.5f], 2, new int[2]));
    }

    [Fact]
    public void The_changed_fraction_by_hand()
    {
        // One of four labels changed: 1/4. Labels are compared as they are, not matched: a renaming counts as a change.
        Assert.Equal(0.25, LabelChange.Fraction([0, 1, 2, 3], [0, 1, 3, 3]));
        Assert.Equal(0.0, LabelChange.Fraction([2, 2, 1], [2, 2, 1]));
        Assert.Equal(1.0, LabelChange.Fraction([0, 0, 1, 1], [1, 1, 0, 0]));
    }

    [Fact]
    public void Training_stops_strictly_below_the_tolerance_of_one_in_a_thousand()
    {
        Assert.Equal(0.001, LabelChange.DefaultTolerance);
        var previous = new int[2000];
        var current = new int[2000];
        current[0] = 1;                                                     // 1/2000 = 0.0005 < 0.001
        Assert.True(LabelChange.IsBelowTolerance(LabelChange.Fraction(previous, current), LabelChange.DefaultTolerance));
        current[1] = 1;                                                     // 2/2000 = 0.001, not below
        Assert.False(LabelChange.IsBelowTolerance(LabelChange.Fraction(previous, current), LabelChange.DefaultTolerance));
    }

    [Fact]
    public void The_changed_fraction_refuses_mismatched_or_empty_labels()
    {
        Assert.Throws<ArgumentException>(() => LabelChange.Fraction([0, 1], [0, 1, 2]));
        Assert.Throws<ArgumentException>(() => LabelChange.Fraction([], []));
    }
}
