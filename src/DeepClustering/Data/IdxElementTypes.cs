namespace DeepClustering.Data;

/// <summary>Facts about each <see cref="IdxElementType"/>: its size, its CLR type and its description.</summary>
internal static class IdxElementTypes
{
    /// <summary>The supported codes with their descriptions, for error messages.</summary>
    public const string SupportedList =
        "0x08 (unsigned byte), 0x09 (signed byte), 0x0B (16-bit integer), 0x0C (32-bit integer), " +
        "0x0D (32-bit float) and 0x0E (64-bit float)";

    /// <summary>Whether <paramref name="code"/> is one of the element types this library reads and writes.</summary>
    public static bool IsSupported(byte code) => code is 0x08 or 0x09 or 0x0B or 0x0C or 0x0D or 0x0E;

    /// <summary>The number of bytes one element takes in the file.</summary>
    public static int SizeInBytes(IdxElementType type) => type switch
    {
        IdxElementType.UnsignedByte or IdxElementType.SignedByte => 1,
        IdxElementType.Int16 => 2,
        IdxElementType.Int32 or IdxElementType.Single => 4,
        IdxElementType.Double => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an IDX element type."),
    };

    /// <summary>A short description such as <c>unsigned bytes (0x08)</c>.</summary>
    public static string Describe(IdxElementType type) => type switch
    {
        IdxElementType.UnsignedByte => "unsigned bytes (0x08)",
        IdxElementType.SignedByte => "signed bytes (0x09)",
        IdxElementType.Int16 => "16-bit integers (0x0B)",
        IdxElementType.Int32 => "32-bit integers (0x0C)",
        IdxElementType.Single => "32-bit floats (0x0D)",
        IdxElementType.Double => "64-bit floats (0x0E)",
        _ => $"unknown type 0x{(byte)type:X2}",
    };

    /// <summary>The element type stored as <typeparamref name="T"/>, or null when IDX has none for it.</summary>
    public static IdxElementType? Of<T>()
    {
        if (typeof(T) == typeof(byte)) return IdxElementType.UnsignedByte;
        if (typeof(T) == typeof(sbyte)) return IdxElementType.SignedByte;
        if (typeof(T) == typeof(short)) return IdxElementType.Int16;
        if (typeof(T) == typeof(int)) return IdxElementType.Int32;
        if (typeof(T) == typeof(float)) return IdxElementType.Single;
        if (typeof(T) == typeof(double)) return IdxElementType.Double;
        return null;
    }

    /// <summary>Allocates the array that holds <paramref name="length"/> elements of <paramref name="type"/>.</summary>
    public static Array Allocate(IdxElementType type, int length) => type switch
    {
        IdxElementType.UnsignedByte => new byte[length],
        IdxElementType.SignedByte => new sbyte[length],
        IdxElementType.Int16 => new short[length],
        IdxElementType.Int32 => new int[length],
        IdxElementType.Single => new float[length],
        IdxElementType.Double => new double[length],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an IDX element type."),
    };
}
