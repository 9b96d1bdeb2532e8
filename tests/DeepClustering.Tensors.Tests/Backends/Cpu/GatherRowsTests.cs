using DeepClustering.Tensors.Backends.Cpu;

namespace DeepClustering.Tensors.Tests.Backends.Cpu;

public sealed class GatherRowsTests : IDisposable
{
    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 1 });

    public void Dispose() => _backend.Dispose();

    [Fact]
    public void GatherRows_copies_the_chosen_rows_in_order()
    {
        var source = new Tensor(_backend, [0, 1, 10, 11, 20, 21, 30, 31], 4, 2);
        var destination = new Tensor(_backend, 3, 2);

        _backend.GatherRows(source, [3, 0, 3], destination);

        Assert.Equal([30f, 31f, 0f, 1f, 30f, 31f], destination.ToArray());
    }

    [Fact]
    public void GatherRows_refuses_an_index_out_of_range_naming_its_position()
    {
        var source = new Tensor(_backend, 4, 2);
        var destination = new Tensor(_backend, 2, 2);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _backend.GatherRows(source, [1, 4], destination));

        Assert.Equal("rows", error.ParamName);
        Assert.Contains("Row index 1 is 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GatherRows_refuses_rows_of_another_width()
    {
        var error = Assert.Throws<ArgumentException>(() => _backend.GatherRows(new Tensor(_backend, 4, 2), [0], new Tensor(_backend, 1, 3)));
        Assert.Equal("destination", error.ParamName);
    }

    [Fact]
    public void CopyFrom_overwrites_the_values_and_refuses_a_wrong_count()
    {
        var tensor = new Tensor(_backend, 2, 2);
        tensor.CopyFrom([1f, 2f, 3f, 4f]);
        Assert.Equal([1f, 2f, 3f, 4f], tensor.ToArray());
        Assert.Throws<ArgumentException>(() => tensor.CopyFrom([1f, 2f, 3f]));
    }
}
