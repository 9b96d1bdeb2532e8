namespace DeepClustering.Decomposition;

/// <summary>Options of <see cref="Pca"/>: exact principal component analysis.</summary>
public sealed class PcaOptions
{
    /// <summary>The default values.</summary>
    public static class Defaults
    {
        /// <summary>
        /// Whether transformed data are scaled to unit variance per component; off, as scikit-learn's
        /// <c>PCA(whiten=False)</c>.
        /// </summary>
        public const bool Whiten = false;

        /// <summary>
        /// Whether the column means are subtracted first; on, as scikit-learn's <c>PCA</c> always does (off gives the
        /// axes of the uncentred second moments, as an SVD of the raw data would).
        /// </summary>
        public const bool Center = true;

        /// <summary>Threads of the matrix products; 0 means one per logical processor.</summary>
        public const int Threads = 0;
    }

    /// <summary>
    /// Principal axes to keep, at most min(rows, columns) of the data; <see langword="null"/> keeps them all, as
    /// scikit-learn's <c>n_components=None</c>.
    /// </summary>
    public int? ComponentCount { get; init; }

    /// <summary>Whether <see cref="PcaModel.Transform"/> divides each component by its standard deviation.</summary>
    public bool Whiten { get; init; } = Defaults.Whiten;

    /// <summary>Whether the column means are subtracted before the axes are found.</summary>
    public bool Center { get; init; } = Defaults.Center;

    /// <summary>Threads of the matrix products; 0 means one per logical processor.</summary>
    public int Threads { get; init; } = Defaults.Threads;

    internal void Validate()
    {
        if (ComponentCount is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ComponentCount), ComponentCount, "At least one component is needed.");
        }

        if (Threads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "The thread count must be 0 (automatic) or positive.");
        }
    }

    internal int ResolveComponentCount(int rows, int columns)
    {
        int most = Math.Min(rows, columns);
        int count = ComponentCount ?? most;
        if (count > most)
        {
            throw new ArgumentOutOfRangeException(nameof(ComponentCount), count,
                $"At most min(rows, columns) = min({rows}, {columns}) = {most} components can be found.");
        }

        return count;
    }
}
