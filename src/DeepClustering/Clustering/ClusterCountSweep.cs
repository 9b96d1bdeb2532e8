using DeepClustering.Data;
using DeepClustering.Metrics;

namespace DeepClustering.Clustering;

/// <summary>
/// Chooses the number of clusters without labels: fits a clusterer for every k from
/// <see cref="ClusterCountSweepOptions.MinClusters"/> to <see cref="ClusterCountSweepOptions.MaxClusters"/> and
/// scores each model with the silhouette, Calinski-Harabasz and Davies-Bouldin indices (and BIC/AIC when the model
/// implements <see cref="IHasInformationCriteria"/>), reporting the best k by each.
/// </summary>
/// <example>
/// <code>
/// // createKMeans(k): any IClusterer configured for k clusters, for example k-means with a fixed seed.
/// var sweep = ClusterCountSweep.Run(data, k => createKMeans(k), new ClusterCountSweepOptions { MinClusters = 2, MaxClusters = 15 });
/// foreach (var s in sweep.Scores) logger.LogInformation("k={K}: silhouette {S:F3}, CH {C:F1}, DB {D:F3}", s.ClusterCount, s.Silhouette, s.CalinskiHarabasz, s.DaviesBouldin);
/// int k = sweep.BestBySilhouette ?? 2;
/// </code>
/// </example>
public static class ClusterCountSweep
{
    /// <summary>Fits and scores one model per k.</summary>
    /// <param name="data">The samples, one per row.</param>
    /// <param name="createClusterer">Makes the clusterer for a given k (its options hold k and a seed).</param>
    /// <param name="options">The range of k and the silhouette's settings; null for the defaults.</param>
    /// <param name="progress">Told each k's scores as they are ready.</param>
    /// <param name="cancellationToken">Stops the sweep between and inside fits.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range, or MaxClusters ≥ the rows of the data.</exception>
    /// <exception cref="InvalidOperationException">The factory returned null, or a model labelled a different number of rows.</exception>
    public static ClusterCountSweepResult Run(DataMatrix data, Func<int, IClusterer> createClusterer, ClusterCountSweepOptions? options = null,
        IProgress<ClusterCountScore>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireFinite(nameof(data));
        ArgumentNullException.ThrowIfNull(createClusterer);
        options ??= new ClusterCountSweepOptions();
        options.Validate();
        if (options.MaxClusters >= data.Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxClusters,
                $"MaxClusters ({options.MaxClusters}) must be below the {data.Rows} rows of the data: the scores need fewer clusters than samples.");
        }

        var silhouetteOptions = new SilhouetteOptions
        {
            Threads = options.Threads,
            SampleSize = options.SilhouetteSampleSize,
            Seed = options.Seed,
        };
        var scores = new List<ClusterCountScore>();
        for (int k = options.MinClusters; k <= options.MaxClusters; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clusterer = createClusterer(k)
                ?? throw new InvalidOperationException($"The clusterer factory returned null for k = {k}.");
            var model = clusterer.Fit(data, cancellationToken);
            var score = Score(data, k, model, silhouetteOptions, cancellationToken);
            scores.Add(score);
            progress?.Report(score);
        }

        return new ClusterCountSweepResult(scores);
    }

    private static ClusterCountScore Score(DataMatrix data, int k, IClusteringModel model, SilhouetteOptions silhouetteOptions,
        CancellationToken cancellationToken)
    {
        var labels = model.Labels;
        if (labels is null || labels.Count != data.Rows)
        {
            throw new InvalidOperationException(
                $"The model fitted for k = {k} labelled {labels?.Count ?? 0} rows, but the data have {data.Rows}.");
        }

        int found = labels.Distinct().Count();
        double silhouette = double.NaN, calinskiHarabasz = double.NaN, daviesBouldin = double.NaN;
        if (found >= 2 && found <= data.Rows - 1)
        {
            silhouette = Silhouette.Compute(data, labels, silhouetteOptions, cancellationToken);
            calinskiHarabasz = CalinskiHarabasz.Compute(data, labels);
            daviesBouldin = DaviesBouldin.Compute(data, labels);
        }

        var criteria = model as IHasInformationCriteria;
        return new ClusterCountScore(k, model, found, silhouette, calinskiHarabasz, daviesBouldin, criteria?.Bic, criteria?.Aic);
    }
}
