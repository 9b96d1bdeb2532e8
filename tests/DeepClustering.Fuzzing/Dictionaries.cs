using System.Text;

namespace DeepClustering.Fuzzing;

/// <summary>Tokens the mutator inserts: pieces of the formats that random bytes rarely make.</summary>
public static class Dictionaries
{
    /// <summary>IDX magic numbers, large and edge sizes (big-endian), and the gzip magic.</summary>
    public static IReadOnlyList<byte[]> Idx { get; } =
    [
        [0x00, 0x00, 0x08, 0x01], [0x00, 0x00, 0x08, 0x03], [0x00, 0x00, 0x0C, 0x01], [0x00, 0x00, 0x0E, 0x02],
        [0x00, 0x00, 0x0D, 0xFF], [0x00, 0x00, 0x09, 0x04], [0x00, 0x00, 0x0B, 0x02],
        [0x7F, 0xFF, 0xFF, 0xC7], [0x7F, 0xFF, 0xFF, 0xFF], [0x80, 0x00, 0x00, 0x00], [0xFF, 0xFF, 0xFF, 0xFF],
        [0x00, 0x00, 0x00, 0x00], [0x00, 0x00, 0x00, 0x01], [0x00, 0x00, 0x27, 0x10], [0x00, 0x00, 0x00, 0x1C],
        [0x1F, 0x8B, 0x08, 0x00], [0x1F, 0x8B],
    ];

    /// <summary>Separators, line endings, numbers at and beyond float32's range, and text that is not a number.</summary>
    public static IReadOnlyList<byte[]> Csv { get; } = Encode(
        ",", ",,", "\n", "\r\n", "\r", " ", "\t", "\0", "nan", "NaN", "inf", "-Infinity", "∞", "1e39", "-1e39",
        "3.4028235e38", "3.4028236e38", "1e-50", "-0", "0x10", "+", "-", ".", "e", "E+", "1,2", "1_000", "١٢",
        "79228162514264337593543950335", "0.000000000000000000000000000000000000000000001", "1e2147483648",
        "\uFEFF", "\u00A0", "\u2028", "1,2\n3,4\n", "1.5", "−1");

    /// <summary>Line endings, signs, numbers at and beyond int's range, and text that is not an integer.</summary>
    public static IReadOnlyList<byte[]> Labels { get; } = Encode(
        "\n", "\r\n", "\r", " ", "\t", "\0", "-", "+", "--1", "2147483647", "2147483648", "-2147483648",
        "-2147483649", "1.0", "1e3", "0x1", "١", "\uFEFF", "\u00A0", "\u2028", "00000000000000000000001", "−1");

    /// <summary>Text tokens plus bytes that are not UTF-8.</summary>
    private static IReadOnlyList<byte[]> Encode(params string[] tokens) =>
        [.. tokens.Select(Encoding.UTF8.GetBytes), [0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF]];
}
