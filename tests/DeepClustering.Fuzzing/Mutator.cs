using System.Buffers.Binary;

namespace DeepClustering.Fuzzing;

/// <summary>
/// Seeded byte-level mutations, as AFL's havoc stage makes them: bit flips, random and interesting bytes and
/// integers (both byte orders), integer fields near the start nudged or replaced (IDX sizes are 32-bit big-endian
/// at offsets 4, 8, …), bytes inserted, deleted or duplicated, dictionary tokens, truncation and splicing. The same
/// seed gives the same sequence of inputs.
/// </summary>
public sealed class Mutator
{
    /// <summary>Inputs never grow beyond this, so that every input stays quick to read.</summary>
    public const int MaxInputBytes = 1 << 20;

    private static readonly int[] s_interesting32 =
    [
        0, 1, -1, 2, 3, 7, 8, 16, 28, 127, 128, 255, 256, 784, 1000, 1024, 4096, 10_000, 32_767, 32_768, 65_535,
        65_536, 1 << 20, 1 << 24, 0x3FFFFFFF, 0x40000000, int.MaxValue, int.MinValue, 0x7FFFFFC7, 0x7FFFFFC8,
        0x1FFFFFFF, 0x0FFFFFFF, 46_341, 1_000_000, -2, -128, -129, -32_769,
    ];

    private readonly Random _random;
    private readonly IReadOnlyList<byte[]> _dictionary;
    private readonly IReadOnlyList<byte[]> _splicePool;

    /// <summary>
    /// A mutator drawing from <paramref name="seed"/>, inserting tokens of <paramref name="dictionary"/> and splicing
    /// with inputs of <paramref name="splicePool"/> (read at each splice, so it may grow meanwhile).
    /// </summary>
    public Mutator(int seed, IReadOnlyList<byte[]> dictionary, IReadOnlyList<byte[]> splicePool)
    {
        _random = new Random(seed);
        _dictionary = dictionary;
        _splicePool = splicePool;
    }

    /// <summary>The random source, for targets that make choices of their own.</summary>
    public Random Random => _random;

    /// <summary>
    /// A copy of <paramref name="parent"/> with 1, 2, 4 or 8 mutations stacked.
    /// </summary>
    public byte[] Mutate(byte[] parent)
    {
        byte[]? splicePartner = _splicePool.Count > 0 ? _splicePool[_random.Next(_splicePool.Count)] : null;
        var bytes = new List<byte>(parent);
        int stacked = 1 << _random.Next(4);
        for (int i = 0; i < stacked; i++)
        {
            MutateOnce(bytes, splicePartner);
        }

        if (bytes.Count > MaxInputBytes)
        {
            bytes.RemoveRange(MaxInputBytes, bytes.Count - MaxInputBytes);
        }

        return [.. bytes];
    }

    private void MutateOnce(List<byte> bytes, byte[]? splicePartner)
    {
        switch (_random.Next(14))
        {
            case 0 when bytes.Count > 0:
                int bit = _random.Next(bytes.Count * 8);
                bytes[bit / 8] ^= (byte)(1 << (bit % 8));
                break;
            case 1 when bytes.Count > 0:
                bytes[_random.Next(bytes.Count)] = (byte)_random.Next(256);
                break;
            case 2 when bytes.Count > 0:
                bytes[_random.Next(bytes.Count)] = (byte)s_interesting32[_random.Next(s_interesting32.Length)];
                break;
            case 3 when bytes.Count >= 4:
                WriteInt32(bytes, _random.Next(bytes.Count - 3), Interesting32(), bigEndian: _random.Next(4) != 0);
                break;
            case 4 when bytes.Count >= 4:
                // A field near the start: the IDX magic number and sizes, gzip's header.
                int field = 4 * _random.Next(Math.Min(5, bytes.Count / 4));
                WriteInt32(bytes, field, Interesting32(), bigEndian: true);
                break;
            case 5 when bytes.Count >= 4:
                int nudged = 4 * _random.Next(Math.Min(5, bytes.Count / 4));
                int value = BinaryPrimitives.ReadInt32BigEndian(Slice(bytes, nudged, 4));
                WriteInt32(bytes, nudged, unchecked(value + _random.Next(-35, 36)), bigEndian: true);
                break;
            case 6:
                var inserted = new byte[1 + _random.Next(_random.Next(2) == 0 ? 4 : 64)];
                _random.NextBytes(inserted);
                bytes.InsertRange(_random.Next(bytes.Count + 1), inserted);
                break;
            case 7 when _dictionary.Count > 0:
                byte[] token = _dictionary[_random.Next(_dictionary.Count)];
                int at = _random.Next(bytes.Count + 1);
                if (_random.Next(2) == 0 || at + token.Length > bytes.Count)
                {
                    bytes.InsertRange(at, token);
                }
                else
                {
                    for (int i = 0; i < token.Length; i++) bytes[at + i] = token[i];
                }

                break;
            case 8 when bytes.Count > 1:
                int start = _random.Next(bytes.Count);
                bytes.RemoveRange(start, 1 + _random.Next(Math.Min(bytes.Count - start, _random.Next(2) == 0 ? 4 : 256)));
                break;
            case 9 when bytes.Count > 1:
                int from = _random.Next(bytes.Count);
                int length = 1 + _random.Next(Math.Min(bytes.Count - from, 512));
                bytes.InsertRange(_random.Next(bytes.Count + 1), bytes.GetRange(from, length));
                break;
            case 10 when bytes.Count > 0:
                int truncateAt = _random.Next(bytes.Count);
                bytes.RemoveRange(truncateAt, bytes.Count - truncateAt);
                break;
            case 11 when splicePartner is { Length: > 0 } && bytes.Count > 0:
                int cut = _random.Next(bytes.Count);
                int partnerCut = _random.Next(splicePartner.Length);
                bytes.RemoveRange(cut, bytes.Count - cut);
                bytes.AddRange(splicePartner.AsSpan(partnerCut).ToArray());
                break;
            case 12 when bytes.Count >= 4:
                // The IDX type and rank bytes.
                bytes[2 + _random.Next(2)] = (byte)(_random.Next(2) == 0 ? _random.Next(16) : _random.Next(256));
                break;
            case 13 when bytes.Count > 0:
                int position = _random.Next(bytes.Count);
                bytes[position] = unchecked((byte)(bytes[position] + _random.Next(-35, 36)));
                break;
            default:
                var extra = new byte[1];
                _random.NextBytes(extra);
                bytes.Insert(_random.Next(bytes.Count + 1), extra[0]);
                break;
        }
    }

    private int Interesting32() =>
        _random.Next(4) == 0 ? _random.Next(int.MinValue, int.MaxValue) : s_interesting32[_random.Next(s_interesting32.Length)];

    private static byte[] Slice(List<byte> bytes, int offset, int count) => bytes.GetRange(offset, count).ToArray();

    private static void WriteInt32(List<byte> bytes, int offset, int value, bool bigEndian)
    {
        Span<byte> encoded = stackalloc byte[4];
        if (bigEndian)
        {
            BinaryPrimitives.WriteInt32BigEndian(encoded, value);
        }
        else
        {
            BinaryPrimitives.WriteInt32LittleEndian(encoded, value);
        }

        for (int i = 0; i < 4; i++)
        {
            bytes[offset + i] = encoded[i];
        }
    }
}
