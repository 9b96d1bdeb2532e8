using DeepClustering.Refiners.Dec;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Refiners.Dec;

/// <summary>DEC-keras' batch schedule: consecutive slices in order, a shorter last slice, then around again.</summary>
public sealed class InOrderBatchesTests
{
    [Fact]
    public void Slices_run_in_order_with_a_short_last_one_and_wrap_around()
    {
        // DEC-keras with n = 10, b = 4: index 0 → rows 0-3, 1 → 4-7, 2 → 8-9 (then (2+1)·4 > 10: index 0), 0 → 0-3.
        var batches = new InOrderBatches(10, 4);
        Assert.Equal(4, batches.MaxBatchSize);
        Assert.Equal([0, 1, 2, 3], batches.Next().ToArray());
        Assert.Equal([4, 5, 6, 7], batches.Next().ToArray());
        Assert.Equal([8, 9], batches.Next().ToArray());
        Assert.Equal([0, 1, 2, 3], batches.Next().ToArray());
    }

    [Fact]
    public void A_multiple_of_the_batch_size_wraps_without_an_empty_batch()
    {
        // DEC-keras would step to index 2 here and train on the empty slice x[8:8]; the schedule wraps to 0 instead.
        var batches = new InOrderBatches(8, 4);
        Assert.Equal([0, 1, 2, 3], batches.Next().ToArray());
        Assert.Equal([4, 5, 6, 7], batches.Next().ToArray());
        Assert.Equal([0, 1, 2, 3], batches.Next().ToArray());
    }

    [Fact]
    public void A_batch_larger_than_the_data_is_the_whole_data_every_time()
    {
        var batches = new InOrderBatches(3, 256);
        Assert.Equal(3, batches.MaxBatchSize);
        Assert.Equal([0, 1, 2], batches.Next().ToArray());
        Assert.Equal([0, 1, 2], batches.Next().ToArray());
    }

    [Fact]
    public void Shuffling_draws_a_new_permutation_per_pass_from_the_seed()
    {
        static List<int[]> Passes(long seed)
        {
            var batches = new InOrderBatches(10, 4, new RandomGenerator(seed));
            var passes = new List<int[]>();
            for (int pass = 0; pass < 3; pass++)
            {
                passes.Add([.. batches.Next(), .. batches.Next(), .. batches.Next()]);
            }

            return passes;
        }

        var first = Passes(5);
        Assert.All(first, pass => Assert.Equal(Enumerable.Range(0, 10), pass.Order()));
        Assert.NotEqual(first[0], first[1]);
        Assert.Equal(first, Passes(5));
        Assert.NotEqual(first, Passes(6));
    }

    [Fact]
    public void Sizes_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InOrderBatches(0, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InOrderBatches(4, 0));
    }
}
