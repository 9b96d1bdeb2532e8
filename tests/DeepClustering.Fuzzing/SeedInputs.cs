using System.Globalization;
using System.IO.Compression;
using System.Text;
using DeepClustering.Data;

namespace DeepClustering.Fuzzing;

/// <summary>The valid inputs the targets start from: small IDX arrays of every element type and slices of the shipped MNIST files.</summary>
public static class SeedInputs
{
    /// <summary>Small IDX files (plain) of every element type and of one to three dimensions, and MNIST slices.</summary>
    public static IReadOnlyList<byte[]> PlainIdxFiles(string repositoryRoot)
    {
        var random = new Random(20_161);
        var arrays = new List<IdxArray>
        {
            IdxArray.Create(Bytes(random, 6), 6),
            IdxArray.Create(Array.ConvertAll(Bytes(random, 12), b => unchecked((sbyte)b)), 3, 4),
            IdxArray.Create(Array.ConvertAll(Bytes(random, 8), b => (short)(b * 257 - 30_000)), 2, 2, 2),
            IdxArray.Create(new[] { int.MinValue, -1, 0, 1, 7, int.MaxValue }, 2, 3),
            IdxArray.Create(new[] { 0f, -1.5f, float.NaN, float.Epsilon, 3e38f, 1f }, 6),
            IdxArray.Create(new[] { 0d, -0.25, double.MaxValue, double.NegativeInfinity }, 2, 2),
            IdxArray.Create(new byte[] { 42 }, 1),
        };

        foreach (string dataSet in new[] { "mnist", "fashion-mnist" })
        {
            string folder = Path.Combine(repositoryRoot, "samples", "data", dataSet);
            IdxArray images = IdxFile.Read(Path.Combine(folder, "t10k-images-idx3-ubyte.gz"));
            IdxArray labels = IdxFile.Read(Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"));
            arrays.Add(IdxArray.Create(images.GetValues<byte>()[..(3 * 28 * 28)], 3, 28, 28));
            arrays.Add(IdxArray.Create(labels.GetValues<byte>()[..20], 20));
        }

        return arrays.ConvertAll(ToBytes);
    }

    /// <summary>The same files gzip-compressed, as MNIST is distributed.</summary>
    public static IReadOnlyList<byte[]> GzipIdxFiles(string repositoryRoot) =>
        [.. PlainIdxFiles(repositoryRoot).Select(bytes => Gzip(bytes, CompressionLevel.SmallestSize))];

    /// <summary>Numeric CSV files: hand-written ones with the accepted variations, numpy's style, and MNIST pixels.</summary>
    public static IReadOnlyList<byte[]> CsvFiles(string repositoryRoot)
    {
        var texts = new List<string>
        {
            "1,2.5,-3e2\n0.125,4,5\n",
            "1, 2\r\n3 ,4\r\n\r\n",
            "1.000000000000000000e+00,-2.500000000000000000e-01\n3.402823466385288598e+38,1.175494350822287508e-38\n",
            "7\n",
            "0.1,0.2,0.3,0.4\n-0,1E5,+2,.5\n6.,7,8,9\n\n\n",
        };

        string mnist = Path.Combine(repositoryRoot, "samples", "data", "mnist", "t10k-images-idx3-ubyte.gz");
        byte[] pixels = IdxFile.Read(mnist).GetValues<byte>();
        var rows = new StringBuilder();
        for (int image = 0; image < 2; image++)
        {
            rows.AppendJoin(',', pixels.Skip(image * 784).Take(784).Select(p => (p / 255f).ToString("R", CultureInfo.InvariantCulture)));
            rows.Append('\n');
        }

        texts.Add(rows.ToString());
        return texts.ConvertAll(Encoding.UTF8.GetBytes);
    }

    /// <summary>Label files: one integer a line, with the accepted variations, and MNIST's first labels.</summary>
    public static IReadOnlyList<byte[]> LabelFiles(string repositoryRoot)
    {
        string mnist = Path.Combine(repositoryRoot, "samples", "data", "mnist", "t10k-labels-idx1-ubyte.gz");
        byte[] labels = IdxFile.Read(mnist).GetValues<byte>();
        string[] texts =
        [
            "0\n1\n2\n",
            "3\r\n-1\r\n  42 \r\n0\r\n\r\n\n",
            "2147483647\n-2147483648\n+5\n",
            string.Join('\n', labels.Take(50)) + "\n",
        ];
        return Array.ConvertAll(texts, Encoding.UTF8.GetBytes);
    }

    /// <summary><paramref name="bytes"/> gzip-compressed at <paramref name="level"/>.</summary>
    public static byte[] Gzip(byte[] bytes, CompressionLevel level)
    {
        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, level, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The decompressed bytes of <paramref name="compressed"/> (at most <see cref="Mutator.MaxInputBytes"/>), or null
    /// when they are not one complete gzip stream.
    /// </summary>
    public static byte[]? TryGunzip(byte[] compressed)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            var plain = new MemoryStream();
            var buffer = new byte[8192];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                plain.Write(buffer, 0, read);
                if (plain.Length > Mutator.MaxInputBytes)
                {
                    return null;
                }
            }

            return plain.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static byte[] ToBytes(IdxArray array)
    {
        var buffer = new MemoryStream();
        IdxFile.Write(buffer, array);
        return buffer.ToArray();
    }

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
