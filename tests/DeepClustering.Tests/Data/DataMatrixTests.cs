using DeepClustering.Data;
using DeepClustering.Tensors;
using DeepClustering.Tensors.Backends.Cpu;

namespace DeepClustering.Tests.Data;

public class DataMatrixTests
{
    [Fact]
    public void FromRows_copies_jagged_rows_row_major()
    {
        var matrix = DataMatrix.FromRows([new[] { 1f, 2f, 3f }, new[] { 4f, 5f, 6f }]);

        Assert.Equal(2, matrix.Rows);
        Assert.Equal(3, matrix.Columns);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], matrix.Values);
        Assert.Equal([4f, 5f, 6f], matrix.Row(1).ToArray());
    }

    [Fact]
    public void FromArray_and_FromRows_of_doubles_give_the_same_matrix()
    {
        var fromArray = DataMatrix.FromArray(new float[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
        var fromDoubles = DataMatrix.FromRows([new[] { 1.0, 2.0 }, new[] { 3.0, 4.0 }, new[] { 5.0, 6.0 }]);

        Assert.Equal(fromArray.Values, fromDoubles.Values);
        Assert.Equal((3, 2), (fromArray.Rows, fromArray.Columns));
    }

    [Fact]
    public void A_ragged_row_is_refused_naming_the_row_and_both_lengths()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            DataMatrix.FromRows([new[] { 1f, 2f }, new[] { 3f, 4f }, new[] { 5f }]));

        Assert.Equal("rows", error.ParamName);
        Assert.Contains("Row 2 has 1 values but row 0 has 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "Infinity")]
    [InlineData(float.NegativeInfinity, "-Infinity")]
    public void A_value_that_is_not_finite_is_refused_naming_its_row_and_column(float bad, string shown)
    {
        var values = new float[3 * 4];
        values[1 * 4 + 3] = bad;

        var error = Assert.Throws<ArgumentException>(() => new DataMatrix(values, 3, 4));

        Assert.Contains("row 1, column 3", error.Message, StringComparison.Ordinal);
        Assert.Contains(shown, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_data_and_a_wrong_value_count_are_refused()
    {
        Assert.Equal("rows", Assert.Throws<ArgumentException>(() => DataMatrix.FromRows(Array.Empty<float[]>())).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentException>(() => new DataMatrix([], 0, 3)).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentException>(() => new DataMatrix([], 2, 0)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => new DataMatrix(new float[5], 2, 3)).ParamName);
    }

    [Fact]
    public void SelectRows_and_tensor_round_trips_keep_the_values()
    {
        var matrix = new DataMatrix([1, 2, 3, 4, 5, 6], 3, 2);
        Assert.Equal([5f, 6f, 1f, 2f], matrix.SelectRows([2, 0]).Values);

        using var backend = new CpuBackend(new CpuBackendOptions { Threads = 1 });
        var tensor = matrix.ToTensor(backend);
        Assert.Equal([3, 2], tensor.Shape.ToArray());
        Assert.Equal(matrix.Values, DataMatrix.FromTensor(new Tensor(backend, matrix.Values, 3, 1, 2)).Values);
    }
}
