using System.Globalization;
using System.Text;

namespace DeepClustering.Data;

/// <summary>
/// Numeric CSV files as data matrices: one sample per line, values separated by commas, no header, as written by
/// <c>numpy.savetxt(path, x, delimiter=",")</c>. Values are parsed with the invariant culture (a dot for the
/// decimal point; exponents allowed) and stored as float32. Spaces around a value are ignored, blank lines may
/// follow the last row, and Windows line endings are accepted.
/// </summary>
public static class CsvMatrix
{
    /// <summary>Reads <paramref name="path"/> into a rows × columns matrix.</summary>
    /// <exception cref="InvalidDataException">
    /// A cell is not a finite number (named by 1-based row and column), a row has a different number of values
    /// than the first (named by row), a blank line comes before the last row, or the file holds no rows.
    /// </exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static DataMatrix Read(string path) => Read(path, DataReadLimits.Default);

    /// <summary>
    /// Reads <paramref name="path"/> into a rows × columns matrix of at most <see cref="DataReadLimits.MaxValueCount"/>
    /// values. Memory grows with the lines read: about 4 bytes a value, twice while the last rows are added, plus the
    /// longest line (at most <see cref="DataReadLimits.MaxLineLength"/> characters).
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <param name="limits">The most values the file may hold.</param>
    /// <exception cref="InvalidDataException">
    /// A cell is not a finite number (named by 1-based row and column), a row has a different number of values
    /// than the first (named by row), a blank line comes before the last row, the file holds no rows, or it holds
    /// more values than the limit (named by the row and column of the first value beyond it).
    /// </exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static DataMatrix Read(string path, DataReadLimits limits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(limits);
        var values = new List<float>();
        int columns = 0, row = 0, firstBlank = 0;
        foreach (string line in BoundedLines.Read(path, limits.MaxLineLength, "row"))
        {
            if (line.AsSpan().Trim().IsEmpty)
            {
                firstBlank = firstBlank == 0 ? row + 1 : firstBlank;
                continue;
            }

            row++;
            if (firstBlank != 0)
            {
                throw new InvalidDataException($"{path}, row {firstBlank}: blank line before row {row}; one sample per line is expected.");
            }

            int count = 0;
            foreach (var range in line.AsSpan().Split(','))
            {
                count++;
                var cell = line.AsSpan(range).Trim();
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    throw new InvalidDataException($"{path}, row {row}, column {count}: '{cell}' is not a number.");
                }

                float single = (float)value;
                if (!float.IsFinite(single))
                {
                    throw new InvalidDataException(
                        $"{path}, row {row}, column {count}: '{cell}' is not a finite float32 value (NaN, infinity or beyond ±3.4e38).");
                }

                if (values.Count == limits.MaxValueCount)
                {
                    throw new InvalidDataException(
                        $"{path}, row {row}, column {count}: the file holds more than {limits.MaxValueCount} values, " +
                        $"the limit ({nameof(DataReadLimits)}.{nameof(DataReadLimits.MaxValueCount)}).");
                }

                values.Add(single);
            }

            if (row == 1)
            {
                columns = count;
            }
            else if (count != columns)
            {
                throw new InvalidDataException($"{path}, row {row} has {count} values but row 1 has {columns}; all rows must have the same length.");
            }
        }

        if (row == 0)
        {
            throw new InvalidDataException($"{path} holds no rows.");
        }

        return new DataMatrix(values.ToArray(), row, columns);
    }

    /// <summary>
    /// Writes the matrix as CSV, one row per line, each value in its shortest round-trip form (replacing the file
    /// in one step, so readers never see half of it).
    /// </summary>
    public static void Write(string path, DataMatrix data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(data);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            for (int i = 0; i < data.Rows; i++)
            {
                var row = data.Row(i);
                for (int j = 0; j < row.Length; j++)
                {
                    if (j > 0)
                    {
                        writer.Write(',');
                    }

                    writer.Write(row[j].ToString("R", CultureInfo.InvariantCulture));
                }

                writer.WriteLine();
            }
        });
    }
}
