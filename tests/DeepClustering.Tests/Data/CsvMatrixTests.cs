using DeepClustering.Data;

namespace DeepClustering.Tests.Data;

public sealed class CsvMatrixTests
{
    [Fact]
    public void Reads_rows_of_numbers()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("x.csv");
        File.WriteAllText(path, "1, 2.5,-3e2\r\n0.125,4,5\n\n");
        var data = CsvMatrix.Read(path);
        Assert.Equal(2, data.Rows);
        Assert.Equal(3, data.Columns);
        Assert.Equal(new[] { 1f, 2.5f, -300f, 0.125f, 4f, 5f }, data.Values);
    }

    [Fact]
    public void Round_trips_float32_values_exactly()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("x.csv");
        var data = new DataMatrix([0.1f, -1e-30f, 3.4e38f, 1f / 3, 7f, float.Epsilon], 3, 2);
        CsvMatrix.Write(path, data);
        Assert.Equal(data.Values, CsvMatrix.Read(path).Values);
    }

    [Theory]
    [InlineData("1,2\n3,x\n", "row 2, column 2", "'x'")]
    [InlineData("1,2\n3,\n", "row 2, column 2", "''")]
    [InlineData("1,nan\n", "row 1, column 2", "finite")]
    [InlineData("1,2\n3,1e39\n", "row 2, column 2", "finite")]
    [InlineData("a,b\n1,2\n", "row 1, column 1", "'a'")]
    [InlineData("1,2\n3,4,5\n", "row 2 has 3 values but row 1 has 2", "")]
    [InlineData("1,2\n3\n", "row 2 has 1 values but row 1 has 2", "")]
    [InlineData("1,2\n\n3,4\n", "row 2", "blank")]
    public void Bad_cells_and_ragged_rows_are_refused_naming_where(string content, string where, string what)
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("bad.csv");
        File.WriteAllText(path, content);
        var ex = Assert.Throws<InvalidDataException>(() => CsvMatrix.Read(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains(where, ex.Message);
        Assert.Contains(what, ex.Message);
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("empty.csv");
        File.WriteAllText(path, "");
        Assert.Contains("no rows", Assert.Throws<InvalidDataException>(() => CsvMatrix.Read(path)).Message);
    }
}
