namespace DeepClustering.Data;

/// <summary>
/// Limits on what one read of a data file may return, for callers that read files they do not trust (uploads,
/// downloads): the readers of <see cref="IdxFile"/>, <see cref="CsvMatrix"/> and <see cref="LabelFile"/> refuse a
/// file beyond them with an <see cref="InvalidDataException"/> before allocating for it.
/// </summary>
/// <remarks>
/// Whatever the limits, the readers never allocate for a size a file only declares: memory grows with the bytes
/// actually read, so a short file that declares a huge shape is refused after allocating about as much as it holds.
/// The limits bound what a file that really holds that much data may cost.
/// </remarks>
public sealed record DataReadLimits
{
    private readonly int _maxValueCount = Defaults.MaxValueCount;
    private readonly int _maxLineLength = Defaults.MaxLineLength;

    /// <summary>The default values.</summary>
    public static class Defaults
    {
        /// <summary>The most values one .NET array can hold, <see cref="Array.MaxLength"/> (2,147,483,591).</summary>
        public const int MaxValueCount = 0x7FFFFFC7;

        /// <summary>2²⁸ characters (512 MiB as a .NET string): a CSV row of ten million numbers fits easily.</summary>
        public const int MaxLineLength = 1 << 28;
    }

    /// <summary>The default limits: as much as one .NET array can hold.</summary>
    public static DataReadLimits Default { get; } = new();

    /// <summary>
    /// The most values one read may return: the elements of an IDX array (the product of its declared shape,
    /// checked before any data is read), the cells of a CSV matrix, or the labels of a label file. Between 1 and
    /// <see cref="Defaults.MaxValueCount"/>; the default is <see cref="Defaults.MaxValueCount"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1 or above <see cref="Defaults.MaxValueCount"/>.</exception>
    public int MaxValueCount
    {
        get => _maxValueCount;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Defaults.MaxValueCount);
            _maxValueCount = value;
        }
    }

    /// <summary>
    /// The longest line, in characters, that the text readers (<see cref="CsvMatrix"/>, <see cref="LabelFile"/>) hold at
    /// once; a longer line is refused naming its row, after reading no more than this much of it. Between 1 and
    /// <see cref="Array.MaxLength"/>; the default is <see cref="Defaults.MaxLineLength"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1 or above <see cref="Array.MaxLength"/>.</exception>
    public int MaxLineLength
    {
        get => _maxLineLength;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Array.MaxLength);
            _maxLineLength = value;
        }
    }
}
