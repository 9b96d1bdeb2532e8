using MathNet.Numerics.LinearAlgebra;

namespace DeepClustering.Refiners.EmbeddedKMeans;

/// <summary>
/// The orthogonal V of embedded k-means: the eigenvectors of the symmetric within-cluster scatter S_w, ordered by
/// ascending eigenvalue, each turned by <see cref="EigenvectorSignConvention"/>.
/// </summary>
/// <remarks>
/// <para>Why eigenvectors: for any orthogonal V the k-means loss is unchanged (Korean paper equation (3):
/// VᵀV = I), so the rotation is chosen to make S_w diagonal: in Y = ZV coordinate c carries exactly λ_c of the
/// within-cluster scatter, and by Rayleigh-Ritz the first m columns span the m-dimensional subspace of least
/// within-cluster scatter (equation (4), the trace minimisation). The smaller the eigenvalue, the more
/// cluster-structure information the direction carries.</para>
/// <para>Why ascending: the DEKM code sorts so (<c>sorted_eig</c>: <c>np.linalg.eig</c>, then
/// <c>np.argsort(e_vals)</c>, ascending), and its targets replace the LAST coordinate, which is therefore the one
/// of the largest eigenvalue. MathNet's symmetric EVD (the EISPACK tred2/tql2 procedures in its managed provider,
/// LAPACK's syev family in the native ones) already returns ascending eigenvalues, but that is an implementation
/// detail, so the order is enforced here with a stable sort (ties keep MathNet's order).</para>
/// <para>With a repeated eigenvalue the eigenvectors of that eigenspace are any orthonormal basis of it; V is then
/// still a valid solution but not unique (neither is the reference code's).</para>
/// </remarks>
internal static class ScatterEigenvectors
{
    /// <summary>
    /// The eigenbasis of the symmetric d × d matrix <paramref name="scatter"/> (row-major), as
    /// <see cref="WithinClusterScatter.Compute"/> returns it.
    /// </summary>
    /// <exception cref="ArgumentException">The array is not d × d, holds a non-finite value, or is not symmetric
    /// (to 1e-12 of its largest magnitude; the two triangles are averaged before the decomposition).</exception>
    public static ScatterEigenbasis Compute(double[] scatter, int dimension)
    {
        ArgumentNullException.ThrowIfNull(scatter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        DekmArguments.RequireLength(scatter.Length, dimension * dimension, "The scatter matrix", nameof(scatter));
        DekmArguments.RequireFinite(scatter, nameof(scatter));
        int d = dimension;
        var symmetric = Symmetrize(scatter, d);

        var evd = Matrix<double>.Build.DenseOfArray(symmetric).Evd(Symmetricity.Symmetric);
        var values = new double[d];
        for (int i = 0; i < d; i++)
        {
            values[i] = evd.EigenValues[i].Real;
        }

        var order = Enumerable.Range(0, d).OrderBy(i => values[i]).ThenBy(i => i).ToArray();
        var sortedValues = new double[d];
        var vectors = new double[d * d];
        var column = new double[d];
        var eigenvectors = evd.EigenVectors;
        for (int c = 0; c < d; c++)
        {
            sortedValues[c] = values[order[c]];
            for (int r = 0; r < d; r++)
            {
                column[r] = eigenvectors[r, order[c]];
            }

            int sign = EigenvectorSignConvention.Sign(column);
            for (int r = 0; r < d; r++)
            {
                vectors[r * d + c] = sign * column[r];
            }
        }

        return new ScatterEigenbasis(sortedValues, vectors);
    }

    /// <summary>The matrix as a 2-D array with its triangles averaged, after checking they agree.</summary>
    private static double[,] Symmetrize(double[] matrix, int d)
    {
        double largest = 0;
        foreach (double v in matrix)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }

        var result = new double[d, d];
        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                double upper = matrix[b * d + a], lower = matrix[a * d + b];
                if (Math.Abs(upper - lower) > 1e-12 * largest)
                {
                    throw new ArgumentException(
                        $"The scatter matrix is not symmetric: entry ({a}, {b}) is {lower:R} and ({b}, {a}) is {upper:R}.", "scatter");
                }

                double mean = 0.5 * (upper + lower);
                result[a, b] = mean;
                result[b, a] = mean;
            }
        }

        return result;
    }
}
