using MathNet.Numerics.LinearAlgebra;

namespace DeepClustering.Numerics.LinearAlgebra;

/// <summary>The eigendecomposition of a real symmetric matrix (MathNet.Numerics), eigenpairs in decreasing order.</summary>
internal static class SymmetricEigen
{
    /// <summary>
    /// The eigenvalues of the symmetric size × size matrix <paramref name="matrix"/> (row-major) from the largest
    /// down, and the matching unit eigenvectors as the rows of a size × size row-major array.
    /// </summary>
    public static (double[] Values, double[] Vectors) Descending(double[] matrix, int size)
    {
        // Symmetric, so the row-major array is also its column-major storage.
        var evd = Matrix<double>.Build.Dense(size, size, (double[])matrix.Clone()).Evd(Symmetricity.Symmetric);
        var values = new double[size];
        for (int i = 0; i < size; i++)
        {
            values[i] = evd.EigenValues[i].Real;
        }

        var order = Enumerable.Range(0, size).OrderByDescending(i => values[i]).ThenBy(i => i).ToArray();
        var sortedValues = new double[size];
        var vectors = new double[size * size];
        var eigenvectors = evd.EigenVectors;
        for (int r = 0; r < size; r++)
        {
            sortedValues[r] = values[order[r]];
            for (int j = 0; j < size; j++)
            {
                vectors[r * size + j] = eigenvectors[j, order[r]];
            }
        }

        return (sortedValues, vectors);
    }
}
