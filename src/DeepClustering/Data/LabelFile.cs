using System.Globalization;
using System.Text;

namespace DeepClustering.Data;

/// <summary>
/// Label files: one integer label per line (any int; −1 is noise by convention), as written by
/// <c>numpy.savetxt(path, labels, fmt="%d")</c>. Blank lines may follow the last label; spaces around a label are
/// ignored; Windows line endings are accepted.
/// </summary>
public static class LabelFile
{
    /// <summary>Reads the labels of <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">
    /// A line is not an integer, or is blank before the last label (the message names the file and the 1-based
    /// line number), or the file holds no label.
    /// </exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static int[] Read(string path) => Read(path, DataReadLimits.Default);

    /// <summary>
    /// Reads the labels of <paramref name="path"/>, at most <see cref="DataReadLimits.MaxValueCount"/> of them. Memory
    /// grows with the lines read: about 4 bytes a label, twice while the last are added, plus the longest line (at most <see cref="DataReadLimits.MaxLineLength"/> characters).
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <param name="limits">The most labels the file may hold.</param>
    /// <exception cref="InvalidDataException">
    /// A line is not an integer, or is blank before the last label (the message names the file and the 1-based
    /// line number), the file holds no label, or it holds more labels than the limit (named by the line of the
    /// first label beyond it).
    /// </exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static int[] Read(string path, DataReadLimits limits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(limits);
        var labels = new List<int>();
        int lineNumber = 0, firstBlank = 0;
        foreach (string line in BoundedLines.Read(path, limits.MaxLineLength, "line"))
        {
            lineNumber++;
            var text = line.AsSpan().Trim();
            if (text.IsEmpty)
            {
                firstBlank = firstBlank == 0 ? lineNumber : firstBlank;
                continue;
            }

            if (firstBlank != 0)
            {
                throw new InvalidDataException($"{path}, line {firstBlank}: blank line before the label on line {lineNumber}; one label per line is expected.");
            }

            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int label))
            {
                throw new InvalidDataException($"{path}, line {lineNumber}: '{text}' is not an integer label.");
            }

            if (labels.Count == limits.MaxValueCount)
            {
                throw new InvalidDataException(
                    $"{path}, line {lineNumber}: the file holds more than {limits.MaxValueCount} labels, the limit " +
                    $"({nameof(DataReadLimits)}.{nameof(DataReadLimits.MaxValueCount)}).");
            }

            labels.Add(label);
        }

        if (labels.Count == 0)
        {
            throw new InvalidDataException($"{path} holds no labels.");
        }

        return labels.ToArray();
    }

    /// <summary>Writes one label per line (replacing the file in one step, so readers never see half of it).</summary>
    public static void Write(string path, IReadOnlyList<int> labels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(labels);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            foreach (int label in labels)
            {
                writer.WriteLine(label.ToString(CultureInfo.InvariantCulture));
            }
        });
    }
}
