namespace DeepClustering.Plotting.Tests;

/// <summary>Writing figures to files: the format by extension, whole files, clear refusals.</summary>
public sealed class SaveTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "deepclustering-plotting-" + Guid.NewGuid().ToString("N"));

    public SaveTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Figure Bars() => ComparisonBarChart.Create(SampleFigures.Scores(), new FigureOptions { Width = 300, Height = 200 });

    [Fact]
    public void The_extension_picks_the_format_and_no_temporary_file_is_left()
    {
        var figure = Bars();
        figure.Save(Path.Combine(_folder, "a.PNG"));
        figure.Save(Path.Combine(_folder, "a.svg"));
        Assert.Equal(figure.ToBytes(FigureFormat.Png), File.ReadAllBytes(Path.Combine(_folder, "a.PNG")));
        Assert.Equal(figure.ToBytes(FigureFormat.Svg), File.ReadAllBytes(Path.Combine(_folder, "a.svg")));
        Assert.Equal(["a.PNG", "a.svg"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Saving_again_replaces_the_file()
    {
        string path = Path.Combine(_folder, "bars.png");
        File.WriteAllText(path, "old");
        Bars().Save(path);
        FigureFiles.PngSize(File.ReadAllBytes(path));
    }

    [Fact]
    public void An_unknown_extension_or_a_missing_folder_is_refused_and_nothing_is_written()
    {
        var error = Assert.Throws<ArgumentException>(() => Bars().Save(Path.Combine(_folder, "bars.jpg")));
        Assert.Equal("path", error.ParamName);
        Assert.Contains(".jpg", error.Message, StringComparison.Ordinal);
        Assert.Throws<DirectoryNotFoundException>(() => Bars().Save(Path.Combine(_folder, "missing", "bars.png")));
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void A_stream_stays_open_after_writing()
    {
        using var stream = new MemoryStream();
        Bars().Write(stream, FigureFormat.Svg);
        Assert.True(stream.CanWrite);
        Assert.True(stream.Length > 0);
    }
}
