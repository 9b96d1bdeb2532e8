using System.IO.Compression;

namespace DeepClustering.Data;

/// <summary>
/// Reads and writes IDX files, the format of MNIST and Fashion-MNIST: a magic number (0x00 0x00, the element type,
/// the number of dimensions), each dimension's size as a big-endian 32-bit integer, then the elements in row-major
/// order, big-endian. Files may be gzip-compressed; reading recognises gzip by its magic bytes (1F 8B), not by name.
/// </summary>
/// <remarks>
/// A file is accepted only when it holds exactly one well-formed array: a wrong magic number, an unsupported
/// element type, a size that is not positive, missing data or trailing bytes are each refused with an
/// <see cref="InvalidDataException"/> that names the file and the problem. Reading allocates with the bytes
/// actually read, never for a shape the header only declares; <see cref="DataReadLimits"/> caps what a file that
/// really holds that much may cost.
/// </remarks>
public static class IdxFile
{
    /// <summary>Reads the IDX file at <paramref name="path"/>, plain or gzip-compressed.</summary>
    /// <param name="path">The file to read.</param>
    /// <returns>The array, with its element type and shape as the file declares them.</returns>
    /// <exception cref="InvalidDataException">The file is not a well-formed IDX file; the message says why.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static IdxArray Read(string path) => Read(path, DataReadLimits.Default);

    /// <summary>Reads the IDX file at <paramref name="path"/>, plain or gzip-compressed, within <paramref name="limits"/>.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="limits">
    /// The most the file may hold; a file declaring more elements than <see cref="DataReadLimits.MaxValueCount"/> is
    /// refused before its data is read.
    /// </param>
    /// <returns>The array, with its element type and shape as the file declares them.</returns>
    /// <exception cref="InvalidDataException">
    /// The file is not a well-formed IDX file, or declares more than the limits allow; the message names the file and says why.
    /// </exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static IdxArray Read(string path, DataReadLimits limits)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(limits);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return IdxReader.Read(stream, path, limits);
    }

    /// <summary>Reads one IDX array, plain or gzip-compressed, from the current position of a stream to its end.</summary>
    /// <param name="stream">The bytes to read; left open.</param>
    /// <param name="sourceName">What to call the source in error messages, such as a file or resource name.</param>
    /// <returns>The array, with its element type and shape as the data declares them.</returns>
    /// <exception cref="InvalidDataException">The data is not one well-formed IDX array; the message says why.</exception>
    public static IdxArray Read(Stream stream, string sourceName) => Read(stream, sourceName, DataReadLimits.Default);

    /// <summary>
    /// Reads one IDX array, plain or gzip-compressed, from the current position of a stream to its end, within
    /// <paramref name="limits"/>.
    /// </summary>
    /// <param name="stream">The bytes to read; left open.</param>
    /// <param name="sourceName">What to call the source in error messages, such as a file or resource name.</param>
    /// <param name="limits">
    /// The most the data may hold; data declaring more elements than <see cref="DataReadLimits.MaxValueCount"/> is
    /// refused before it is read.
    /// </param>
    /// <returns>The array, with its element type and shape as the data declares them.</returns>
    /// <exception cref="InvalidDataException">
    /// The data is not one well-formed IDX array, or declares more than the limits allow; the message says why.
    /// </exception>
    public static IdxArray Read(Stream stream, string sourceName, DataReadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(limits);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(stream));
        }

        return IdxReader.Read(stream, sourceName, limits);
    }

    /// <summary>
    /// Writes <paramref name="array"/> to <paramref name="path"/> atomically: the file is either replaced by the complete
    /// new content or left as it was.
    /// </summary>
    /// <param name="path">The file to create or replace; its folder must exist.</param>
    /// <param name="array">The array to write.</param>
    /// <param name="compression">Whether to gzip the bytes; the file name is not consulted.</param>
    public static void Write(string path, IdxArray array, IdxCompression compression = IdxCompression.None)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(array);
        RequireKnown(compression);
        AtomicFile.Write(path, stream => Write(stream, array, compression));
    }

    /// <summary>Writes <paramref name="array"/> as IDX to <paramref name="stream"/>, which is left open.</summary>
    /// <param name="stream">Where to write.</param>
    /// <param name="array">The array to write.</param>
    /// <param name="compression">Whether to gzip the bytes.</param>
    public static void Write(Stream stream, IdxArray array, IdxCompression compression = IdxCompression.None)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(array);
        RequireKnown(compression);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream cannot be written.", nameof(stream));
        }

        if (compression == IdxCompression.None)
        {
            IdxWriter.Write(stream, array);
            return;
        }

        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        IdxWriter.Write(gzip, array);
    }

    private static void RequireKnown(IdxCompression compression)
    {
        if (!Enum.IsDefined(compression))
        {
            throw new ArgumentOutOfRangeException(nameof(compression), compression, "Not an IDX compression.");
        }
    }
}
