using DeepClustering.Data;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests;

/// <summary>The correlated Gaussian test matrices of the PCA, t-SNE and neighbour-search tests.</summary>
internal static class CorrelatedData
{
    /// <summary>Correlated Gaussian data: column j is a mix of the previous columns plus noise of decreasing scale.</summary>
    public static DataMatrix Random(int rows, int columns, long seed, float offset = 0f)
    {
        var random = new RandomGenerator(seed);
        var values = new float[rows * columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                double value = random.NextGaussian() * (columns - j) + offset;
                if (j > 0)
                {
                    value += 0.5 * values[i * columns + j - 1];
                }

                values[i * columns + j] = (float)value;
            }
        }

        return new DataMatrix(values, rows, columns);
    }
}
