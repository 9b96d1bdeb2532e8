using DeepClustering.Data;

namespace DeepClustering.Tests.Data;

public sealed class LabelFileTests
{
    [Fact]
    public void Reads_one_integer_per_line_with_trailing_blank_lines_and_windows_endings()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("labels.txt");
        File.WriteAllText(path, "3\r\n-1\r\n  42 \r\n0\r\n\r\n\n");
        Assert.Equal(new[] { 3, -1, 42, 0 }, LabelFile.Read(path));
    }

    [Fact]
    public void Round_trips_through_write()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("labels.txt");
        int[] labels = [5, -1, int.MaxValue, int.MinValue, 0];
        LabelFile.Write(path, labels);
        Assert.Equal(labels, LabelFile.Read(path));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Theory]
    [InlineData("1\n2\nthree\n4\n", "line 3", "'three'")]
    [InlineData("1\n2.5\n", "line 2", "'2.5'")]
    [InlineData("1\n99999999999\n", "line 2", "'99999999999'")]
    [InlineData("1\n\n2\n", "line 2", "blank")]
    public void Bad_lines_are_refused_naming_the_file_and_line(string content, string where, string what)
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("bad.txt");
        File.WriteAllText(path, content);
        var ex = Assert.Throws<InvalidDataException>(() => LabelFile.Read(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains(where, ex.Message);
        Assert.Contains(what, ex.Message);
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("empty.txt");
        File.WriteAllText(path, "\n\n");
        Assert.Contains("no labels", Assert.Throws<InvalidDataException>(() => LabelFile.Read(path)).Message);
        Assert.Throws<FileNotFoundException>(() => LabelFile.Read(folder.File("missing.txt")));
    }
}
