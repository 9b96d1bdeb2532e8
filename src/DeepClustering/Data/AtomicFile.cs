namespace DeepClustering.Data;

/// <summary>
/// Writes a file so that readers see either the old file or the complete new one: the content goes to a temporary
/// file in the same folder, which then replaces the target with one rename.
/// </summary>
/// <remarks>
/// The temporary file of a write to <c>folder/name</c> is <c>folder/.name.&lt;32 lowercase hexadecimal digits&gt;.tmp</c>,
/// held open without sharing (on Linux and macOS with an advisory lock) until it is complete. A write that is killed
/// leaves it behind; the next write to the same target removes every such file of that target that is older than
/// the write's start and that no one holds open, and touches nothing else.
/// </remarks>
internal static class AtomicFile
{
    /// <summary>The end of every temporary file's name.</summary>
    public const string TemporarySuffix = ".tmp";

    /// <summary>The hexadecimal digits between the target's name and <see cref="TemporarySuffix"/>.</summary>
    private const int RandomDigits = 32;

    /// <summary>Creates or replaces <paramref name="path"/> with what <paramref name="write"/> puts in the stream.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        var started = DateTime.UtcNow;
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' names no file.", nameof(path));
        string name = Path.GetFileName(fullPath);
        RemoveAbandonedTemporaries(folder, name, started);
        string temporary = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}{TemporarySuffix}");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Whether <paramref name="fileName"/> is the name of a temporary file of a write to <paramref name="targetName"/>.</summary>
    public static bool IsTemporaryOf(string fileName, string targetName)
    {
        int prefix = 1 + targetName.Length + 1;
        if (fileName.Length != prefix + RandomDigits + TemporarySuffix.Length
            || fileName[0] != '.'
            || !fileName.AsSpan(1).StartsWith(targetName, StringComparison.Ordinal)
            || fileName[prefix - 1] != '.'
            || !fileName.EndsWith(TemporarySuffix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (char c in fileName.AsSpan(prefix, RandomDigits))
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Deletes the temporary files of earlier writes to <paramref name="name"/> that were last written before
    /// <paramref name="started"/> and that no writer holds open; one that cannot be removed is left for a later write.
    /// </summary>
    private static void RemoveAbandonedTemporaries(string folder, string name, DateTime started)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, $".{name}.*{TemporarySuffix}", SearchOption.TopDirectoryOnly)
                .Where(p => IsTemporaryOf(Path.GetFileName(p), name)).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // The write itself will report a folder that cannot be used.
        }

        foreach (string candidate in candidates)
        {
            try
            {
                if (File.GetLastWriteTimeUtc(candidate) >= started)
                {
                    continue;
                }

                // Opening without sharing fails while a writer still holds the file; closing deletes it.
                using var abandoned = new FileStream(candidate, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // In use, or not ours to remove: leave it.
            }
        }
    }
}
