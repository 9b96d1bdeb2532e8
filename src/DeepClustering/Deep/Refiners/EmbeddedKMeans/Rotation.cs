using DeepClustering.Data;

namespace DeepClustering.Refiners.EmbeddedKMeans;

/// <summary>
/// The rotation of embedded k-means, <c>Y = Z V</c>: each row z_i (a sample or a centre) becomes
/// <c>y_i = Vᵀ z_i</c>, its coordinates along the eigenvectors of S_w. The DEKM code rotates the embeddings and
/// the k-means centres alike (<c>H_vt = np.matmul(H, V)</c>, <c>U_vt = np.matmul(U, V)</c>). The Korean paper
/// writes <c>Y = VZ</c> and <c>y_i = V z_i</c>; its V is the transpose of the one here (eigenvectors as rows).
/// An orthogonal V keeps every distance, so k-means on Y finds what it finds on Z.
/// </summary>
internal static class Rotation
{
    /// <summary>The rows of <paramref name="rows"/> (n × d, samples or centres) in the eigenbasis: n × d, row-major, double.</summary>
    /// <exception cref="ArgumentException">The rows have another dimension than the basis.</exception>
    public static double[] Apply(DataMatrix rows, ScatterEigenbasis basis)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(basis);
        if (rows.Columns != basis.Dimension)
        {
            throw new ArgumentException($"The rows have {rows.Columns} columns and the basis {basis.Dimension}; they must match.", nameof(rows));
        }

        var asDouble = new double[rows.Values.Length];
        for (int i = 0; i < asDouble.Length; i++)
        {
            asDouble[i] = rows.Values[i];
        }

        return Apply(asDouble, basis.Dimension, basis.Vectors);
    }

    /// <summary>
    /// <c>Z V</c> for row-major <paramref name="rows"/> (n × <paramref name="dimension"/>) and a row-major
    /// d × d <paramref name="vectors"/>: n × d, row-major.
    /// </summary>
    public static double[] Apply(ReadOnlySpan<double> rows, int dimension, ReadOnlySpan<double> vectors)
    {
        int n = DekmArguments.RequireRows(rows.Length, dimension, nameof(rows));
        int d = dimension;
        DekmArguments.RequireLength(vectors.Length, d * d, "The rotation", nameof(vectors));
        var rotated = new double[rows.Length];
        for (int i = 0; i < n; i++)
        {
            var z = rows.Slice(i * d, d);
            var y = rotated.AsSpan(i * d, d);
            for (int r = 0; r < d; r++)
            {
                double zr = z[r];
                var vRow = vectors.Slice(r * d, d);
                for (int c = 0; c < d; c++)
                {
                    y[c] += zr * vRow[c];
                }
            }
        }

        return rotated;
    }
}
