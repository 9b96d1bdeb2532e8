namespace DeepClustering.Refiners.EmbeddedKMeans;

/// <summary>
/// The eigenvalues of a within-cluster scatter matrix S_w in ascending order and the matching unit eigenvectors
/// as the columns of the orthogonal d × d matrix V, so that the rotated embedding is <c>Y = Z V</c> (rows are
/// samples). Column d − 1, of the largest eigenvalue, is the direction DEKM optimises (see
/// <see cref="DekmTargets"/>).
/// </summary>
internal sealed class ScatterEigenbasis
{
    private readonly double[] _eigenValues;
    private readonly double[] _vectors;

    /// <summary>Wraps (does not copy) the ascending eigenvalues and the row-major d × d eigenvector matrix.</summary>
    public ScatterEigenbasis(double[] eigenValues, double[] vectors)
    {
        ArgumentNullException.ThrowIfNull(eigenValues);
        ArgumentNullException.ThrowIfNull(vectors);
        DekmArguments.RequireLength(vectors.Length, eigenValues.Length * eigenValues.Length, "The eigenvector matrix", nameof(vectors));
        _eigenValues = eigenValues;
        _vectors = vectors;
    }

    /// <summary>d, the embedding dimension.</summary>
    public int Dimension => _eigenValues.Length;

    /// <summary>The eigenvalues, smallest first.</summary>
    public ReadOnlySpan<double> EigenValues => _eigenValues;

    /// <summary>V, row-major d × d: <c>Vectors[r·d + c]</c> is component r of eigenvector c.</summary>
    public ReadOnlySpan<double> Vectors => _vectors;

    /// <summary>Component <paramref name="row"/> of eigenvector <paramref name="column"/>, V[row, column].</summary>
    public double this[int row, int column] => _vectors[row * Dimension + column];

    /// <summary>A copy of eigenvector <paramref name="index"/> (column <paramref name="index"/> of V).</summary>
    public double[] Eigenvector(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Dimension);
        var vector = new double[Dimension];
        for (int r = 0; r < Dimension; r++)
        {
            vector[r] = _vectors[r * Dimension + index];
        }

        return vector;
    }
}
