using DeepClustering.Data;

namespace DeepClustering.Tests.Data;

/// <summary>The caller's limit on what one read may return, for IDX, CSV and label files.</summary>
public class DataReadLimitsTests
{
    private static readonly DataReadLimits s_sixValues = new() { MaxValueCount = 6 };

    [Fact]
    public void The_default_is_as_much_as_one_array_can_hold()
    {
        Assert.Equal(Array.MaxLength, DataReadLimits.Default.MaxValueCount);
        Assert.Equal(DataReadLimits.Defaults.MaxValueCount, Array.MaxLength);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void A_limit_outside_one_to_the_largest_array_is_refused(int limit)
    {
        var refusal = Assert.Throws<ArgumentOutOfRangeException>(() => new DataReadLimits { MaxValueCount = limit });
        Assert.Equal("value", refusal.ParamName);
    }

    [Theory]
    [InlineData(IdxCompression.None)]
    [InlineData(IdxCompression.Gzip)]
    public void An_idx_file_within_the_limit_is_read_and_one_beyond_it_is_refused_naming_the_file_and_shape(IdxCompression compression)
    {
        using var folder = new TemporaryFolder();
        string within = folder.File("six.idx"), beyond = folder.File("seven.idx");
        IdxFile.Write(within, IdxArray.Create(new byte[6], 2, 3), compression);
        IdxFile.Write(beyond, IdxArray.Create(new byte[7], 7), compression);

        Assert.Equal(6, IdxFile.Read(within, s_sixValues).Length);
        var refusal = Assert.Throws<InvalidDataException>(() => IdxFile.Read(beyond, s_sixValues));

        Assert.Contains($"'{beyond}'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("declares shape [7], 7 elements, more than the limit of 6 (DataReadLimits.MaxValueCount)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_declaring_more_than_the_limit_is_refused_before_its_data_is_read()
    {
        // The header alone: the limit is checked before the reader looks for data.
        byte[] header = IdxDeclaredShapeTests.HeaderOnly(0x0E, 1_000_000);

        var refusal = Assert.Throws<InvalidDataException>(
            () => IdxFile.Read(new NonSeekableStream(new MemoryStream(header)), "upload", s_sixValues));

        Assert.Contains("'upload' declares shape [1000000], 1000000 elements, more than the limit of 6", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_file_beyond_the_limit_is_refused_naming_the_row_and_column_of_the_first_value_beyond_it()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("x.csv");
        File.WriteAllText(path, "1,2,3\n4,5,6\n7,8,9\n");

        Assert.Equal(3, CsvMatrix.Read(path, new DataReadLimits { MaxValueCount = 9 }).Rows);
        var refusal = Assert.Throws<InvalidDataException>(() => CsvMatrix.Read(path, s_sixValues));

        Assert.Equal($"{path}, row 3, column 1: the file holds more than 6 values, the limit (DataReadLimits.MaxValueCount).", refusal.Message);
    }

    [Fact]
    public void A_label_file_beyond_the_limit_is_refused_naming_the_line_of_the_first_label_beyond_it()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("labels.txt");
        File.WriteAllText(path, "0\n1\n2\n3\n4\n5\n6\n");

        Assert.Equal(7, LabelFile.Read(path, new DataReadLimits { MaxValueCount = 7 }).Length);
        var refusal = Assert.Throws<InvalidDataException>(() => LabelFile.Read(path, s_sixValues));

        Assert.Equal($"{path}, line 7: the file holds more than 6 labels, the limit (DataReadLimits.MaxValueCount).", refusal.Message);
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_refused_naming_it_after_reading_no_more_than_the_limit()
    {
        using var folder = new TemporaryFolder();
        string csv = folder.File("long.csv");
        File.WriteAllText(csv, "1,2\r\n" + string.Join(",", Enumerable.Repeat("0.5", 400_000)) + "\n");   // 1.6 million characters
        string labels = folder.File("long.txt");
        File.WriteAllText(labels, "0\n1\n" + new string('7', 300_000) + "\n");
        var limits = new DataReadLimits { MaxLineLength = 100_000 };

        long before = GC.GetAllocatedBytesForCurrentThread();
        var refusal = Assert.Throws<InvalidDataException>(() => CsvMatrix.Read(csv, limits));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal($"{csv}, row 2: the line is longer than 100000 characters (DataReadLimits.MaxLineLength).", refusal.Message);
        Assert.True(allocated < 2_000_000, $"allocated {allocated:N0} bytes");      // the whole line would be 3.2 MB as a string
        Assert.Equal($"{labels}, line 3: the line is longer than 100000 characters (DataReadLimits.MaxLineLength).",
            Assert.Throws<InvalidDataException>(() => LabelFile.Read(labels, limits)).Message);
        File.WriteAllText(csv, string.Join(",", Enumerable.Repeat("0.5", 400_000)));
        Assert.Equal(400_000, CsvMatrix.Read(csv).Columns);                                  // the default limit reads such a line
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataReadLimits { MaxLineLength = 0 });
    }

    [Theory]
    [InlineData("1,2\n3,4\n")]
    [InlineData("1,2\r\n3,4")]
    [InlineData("1,2\r3,4\r\n")]
    public void Lines_end_at_newline_carriage_return_or_both_as_before(string text)
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("ends.csv");
        File.WriteAllText(path, text);

        var matrix = CsvMatrix.Read(path);

        Assert.Equal([1f, 2f, 3f, 4f], matrix.Values);
        Assert.Equal(2, matrix.Rows);
    }

    [Fact]
    public void Null_limits_are_refused_naming_the_argument()
    {
        Assert.Equal("limits", Assert.Throws<ArgumentNullException>(() => IdxFile.Read("x.idx", null!)).ParamName);
        Assert.Equal("limits", Assert.Throws<ArgumentNullException>(() => IdxFile.Read(new MemoryStream(), "x", null!)).ParamName);
        Assert.Equal("limits", Assert.Throws<ArgumentNullException>(() => CsvMatrix.Read("x.csv", null!)).ParamName);
        Assert.Equal("limits", Assert.Throws<ArgumentNullException>(() => LabelFile.Read("x.txt", null!)).ParamName);
    }
}
