using System.Globalization;
using System.Text;

namespace DeepClustering.Data;

/// <summary>
/// The lines of a UTF-8 text file, as <see cref="File.ReadLines(string, Encoding)"/> splits them (at \n, \r\n or \r),
/// but never holding more than a given number of characters of one line: a longer line is refused with an
/// <see cref="InvalidDataException"/> naming the file and the line, instead of growing until memory runs out.
/// </summary>
internal static class BoundedLines
{
    private const int ChunkChars = 1 << 16;

    /// <param name="path">The file.</param>
    /// <param name="maxLength">The most characters of one line.</param>
    /// <param name="lineWord">How the refusal names a line: <c>row</c> for a CSV, <c>line</c> for a label file.</param>
    public static IEnumerable<string> Read(string path, int maxLength, string lineWord)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: ChunkChars);
        var line = new StringBuilder();
        var chunk = new char[ChunkChars];
        int lineNumber = 1;
        bool pendingCarriageReturn = false;
        bool any = false;
        int read;
        while ((read = reader.Read(chunk, 0, chunk.Length)) > 0)
        {
            int start = 0;
            for (int i = 0; i < read; i++)
            {
                char c = chunk[i];
                if (pendingCarriageReturn)
                {
                    pendingCarriageReturn = false;
                    if (c == '\n')
                    {
                        start = i + 1;
                        continue;
                    }
                }

                if (c is '\n' or '\r')
                {
                    Append(line, chunk.AsSpan(start, i - start), maxLength, path, lineWord, lineNumber);
                    yield return line.ToString();
                    line.Clear();
                    lineNumber++;
                    any = false;
                    pendingCarriageReturn = c == '\r';
                    start = i + 1;
                }
            }

            Append(line, chunk.AsSpan(start, read - start), maxLength, path, lineWord, lineNumber);
            any |= read > start;
        }

        if (any || line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private static void Append(StringBuilder line, ReadOnlySpan<char> text, int maxLength, string path, string lineWord, int lineNumber)
    {
        if ((long)line.Length + text.Length > maxLength)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{path}, {lineWord} {lineNumber}: the line is longer than {maxLength} characters (DataReadLimits.MaxLineLength)."));
        }

        line.Append(text);
    }
}
