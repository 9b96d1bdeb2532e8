using System.Buffers.Binary;
using DeepClustering.Data;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Benchmarks.Clustering;

/// <summary>
/// The points the DBSCAN and agglomerative benchmarks share with their scikit-learn twins
/// (benchmarks/reference/sklearn_dbscan.py, sklearn_agglomerative.py): a file of int32 rows, int32 columns, then
/// float32 values row-major, little-endian. Whichever side runs first writes the file and the other reads it,
/// so both cluster the same points; without a file, seeded blobs made the same way (not the same numbers).
/// </summary>
internal static class PointFile
{
    /// <summary>The points of <paramref name="path"/>, or blobs written there first when it does not exist yet.</summary>
    public static DataMatrix LoadOrMake(string path, int rows, int columns, long seed, double spread, double deviation, double noise)
    {
        if (path.Length > 0 && File.Exists(path))
        {
            return Read(path);
        }

        var data = Blobs(rows, columns, seed, spread, deviation, noise);
        if (path.Length > 0)
        {
            Write(path, data);
        }

        return data;
    }

    /// <summary>
    /// Ten Gaussian blobs with centres uniform in [−spread, spread]^columns and standard deviation
    /// <paramref name="deviation"/>, then a fraction <paramref name="noise"/> of points uniform over their bounding box.
    /// </summary>
    public static DataMatrix Blobs(int rows, int columns, long seed, double spread, double deviation, double noise)
    {
        const int centreCount = 10;
        var random = new RandomGenerator(seed);
        int noisy = (int)Math.Round(rows * noise);
        var centres = new double[centreCount * columns];
        for (int i = 0; i < centres.Length; i++)
        {
            centres[i] = random.NextUniform(-spread, spread);
        }

        var values = new float[rows * columns];
        var low = Enumerable.Repeat(double.PositiveInfinity, columns).ToArray();
        var high = Enumerable.Repeat(double.NegativeInfinity, columns).ToArray();
        for (int i = 0; i < rows - noisy; i++)
        {
            int centre = random.NextInt(centreCount);
            for (int k = 0; k < columns; k++)
            {
                double value = centres[centre * columns + k] + deviation * random.NextGaussian();
                values[i * columns + k] = (float)value;
                low[k] = Math.Min(low[k], value);
                high[k] = Math.Max(high[k], value);
            }
        }

        for (int i = rows - noisy; i < rows; i++)
        {
            for (int k = 0; k < columns; k++)
            {
                values[i * columns + k] = (float)random.NextUniform(low[k], high[k]);
            }
        }

        return new DataMatrix(values, rows, columns);
    }

    public static DataMatrix Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int rows = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        int columns = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
        var values = new float[(long)rows * columns];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(8 + 4 * i));
        }

        return new DataMatrix(values, rows, columns);
    }

    private static void Write(string path, DataMatrix data)
    {
        var bytes = new byte[8 + 4L * data.Values.Length];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, data.Rows);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), data.Columns);
        for (int i = 0; i < data.Values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(8 + 4 * i), data.Values[i]);
        }

        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Σ (i + 1)·(label + 2) mod 2³¹ − 1, as the Python twins compute it: equal labels, equal checksums.</summary>
    public static long LabelChecksum(IReadOnlyList<int> labels)
    {
        const long modulus = 2147483647;
        long sum = 0;
        for (int i = 0; i < labels.Count; i++)
        {
            sum = (sum + (i + 1L) * (labels[i] + 2) % modulus) % modulus;
        }

        return sum;
    }
}
