using DeepClustering.Data;
using DeepClustering.Decomposition;

namespace DeepClustering.Plotting;

/// <summary>Maps data of any width to the two dimensions a scatter draws.</summary>
public static class Projection
{
    /// <summary>
    /// The first two principal components of <paramref name="data"/> (exact PCA, <see cref="Pca"/>); data that is
    /// already two columns wide is returned as it is. For a map that keeps neighbourhoods rather than variance use
    /// <c>DeepClustering.Manifold.Tsne</c>.
    /// </summary>
    /// <param name="data">At least two rows and two columns.</param>
    /// <param name="threads">CPU threads for the PCA; 0 uses every core.</param>
    /// <exception cref="ArgumentException"><paramref name="data"/> has fewer than two rows or columns, or a non-finite value.</exception>
    public static DataMatrix Pca2D(DataMatrix data, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Columns < 2)
        {
            throw new ArgumentException($"The data has {data.Columns} column; a 2-D projection needs at least 2.", nameof(data));
        }

        if (data.Columns == 2)
        {
            return data;
        }

        return new Pca(new PcaOptions { ComponentCount = 2, Threads = threads }).FitTransform(data);
    }
}
