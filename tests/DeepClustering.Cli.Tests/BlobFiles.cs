using System.Globalization;

namespace DeepClustering.Cli.Tests;

/// <summary>Small, well separated data as the tool reads it: a CSV of rows and a file of their labels.</summary>
internal static class BlobFiles
{
    /// <summary>Three blobs of 40 rows, 6 apart in 8 dimensions, with labels 0, 1, 2, written into <paramref name="folder"/>.</summary>
    public static (string Data, string Labels) Write(TemporaryFolder folder)
    {
        var random = new Random(11);
        var lines = new List<string>();
        var labels = new List<string>();
        for (int i = 0; i < 120; i++)
        {
            int label = i % 3;
            var row = Enumerable.Range(0, 8).Select(j => (j % 3 == label ? 6.0 : 0.0) + random.NextDouble());
            lines.Add(string.Join(",", row.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
            labels.Add(label.ToString(CultureInfo.InvariantCulture));
        }

        string data = folder.File("blobs.csv");
        string truth = folder.File("labels.txt");
        File.WriteAllLines(data, lines);
        File.WriteAllLines(truth, labels);
        return (data, truth);
    }
}
