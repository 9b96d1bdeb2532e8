using DeepClustering.Data;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests;

/// <summary>Small, well separated clusters for the deep pipeline tests: rows in 12 dimensions, and 8 × 8 images.</summary>
internal static class SeparatedBlobs
{
    /// <summary>Four blobs of 40 rows in 12 dimensions (cluster c is high on the columns j with j mod 4 = c).</summary>
    public static (DataMatrix Data, int[] Truth) Create(long seed)
    {
        var random = new RandomGenerator(seed);
        var rows = new float[160][];
        var truth = new int[160];
        for (int i = 0; i < rows.Length; i++)
        {
            truth[i] = i % 4;
            rows[i] = Enumerable.Range(0, 12).Select(j => (float)((j % 4 == truth[i] ? 3.0 : 0.0) + 0.3 * random.NextGaussian())).ToArray();
        }

        return (DataMatrix.FromRows(rows), truth);
    }

    /// <summary>Four kinds of 8 × 8 one-channel images of 40 each: a bright quadrant (which one is the class) on noise.</summary>
    public static (ImageSet Images, int[] Truth) Images(long seed)
    {
        const int count = 160, side = 8;
        var random = new RandomGenerator(seed);
        var pixels = new float[count * side * side];
        var truth = new int[count];
        for (int i = 0; i < count; i++)
        {
            truth[i] = i % 4;
            for (int y = 0; y < side; y++)
            {
                for (int x = 0; x < side; x++)
                {
                    int quadrant = (y / 4) * 2 + x / 4;
                    double value = (quadrant == truth[i] ? 0.9 : 0.1) + 0.05 * random.NextGaussian();
                    pixels[(i * side + y) * side + x] = (float)Math.Clamp(value, 0, 1);
                }
            }
        }

        return (new ImageSet(pixels, count, 1, side, side), truth);
    }
}
