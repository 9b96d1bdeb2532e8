using DeepClustering.Numerics.Distances;
using DeepClustering.Data;
using DeepClustering.Pipeline;

namespace DeepClustering.Plotting;

/// <summary>
/// Picks the samples that show each cluster best, for a <see cref="ClusterImageGrid"/>: those nearest its centre,
/// nearest its mean, or most confidently assigned to it. Ties go to the lower index, so the choice is repeatable.
/// </summary>
public static class ClusterExamples
{
    /// <summary>
    /// The samples nearest each centre of a deep model, in its embedding: each sample belongs to its nearest centre,
    /// and each cluster shows up to <paramref name="perCluster"/> of its own, nearest first.
    /// </summary>
    /// <param name="model">A fitted or loaded model.</param>
    /// <param name="data">The rows to choose from, as the model takes them (flattened images).</param>
    /// <param name="perCluster">Samples per cluster, at least 1.</param>
    public static IReadOnlyList<ClusterSamples> NearestToCenters(DeepClusteringModel model, DataMatrix data, int perCluster)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        return NearestToCenters(model.Transform(data), model.Centers, perCluster);
    }

    /// <summary>
    /// The points nearest each centre (Euclidean): each point belongs to its nearest centre (cluster = centre row),
    /// and each cluster shows up to <paramref name="perCluster"/> of its own, nearest first.
    /// </summary>
    /// <param name="points">One row per sample.</param>
    /// <param name="centers">One row per cluster, as wide as <paramref name="points"/>.</param>
    /// <param name="perCluster">Samples per cluster, at least 1.</param>
    /// <exception cref="ArgumentException">The widths differ.</exception>
    public static IReadOnlyList<ClusterSamples> NearestToCenters(DataMatrix points, DataMatrix centers, int perCluster)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(centers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perCluster);
        if (points.Columns != centers.Columns)
        {
            throw new ArgumentException($"The points have {points.Columns} columns and the centres {centers.Columns}; they must match.", nameof(centers));
        }

        var labels = new int[points.Rows];
        var distances = new double[points.Rows];
        for (int i = 0; i < points.Rows; i++)
        {
            double best = double.PositiveInfinity;
            for (int c = 0; c < centers.Rows; c++)
            {
                double d = SquaredEuclidean.Double(points.Row(i), centers.Row(c));
                if (d < best)
                {
                    best = d;
                    labels[i] = c;
                }
            }

            distances[i] = best;
        }

        return Choose(labels, Enumerable.Range(0, centers.Rows), i => distances[i], perCluster);
    }

    /// <summary>
    /// The rows nearest the mean of their cluster (Euclidean, in the space of <paramref name="data"/>), for models
    /// without centres; noise (−1) is left out.
    /// </summary>
    /// <param name="data">One row per sample.</param>
    /// <param name="labels">The cluster of each row.</param>
    /// <param name="perCluster">Samples per cluster, at least 1.</param>
    /// <exception cref="ArgumentException">The labels are not one per row.</exception>
    public static IReadOnlyList<ClusterSamples> NearestToMeans(DataMatrix data, IReadOnlyList<int> labels, int perCluster)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perCluster);
        if (labels.Count != data.Rows)
        {
            throw new ArgumentException($"There are {labels.Count} labels for {data.Rows} rows; one per row is needed.", nameof(labels));
        }

        var clusters = labels.Where(l => l != -1).Distinct().Order().ToArray();
        var means = clusters.ToDictionary(c => c, _ => new double[data.Columns]);
        var sizes = labels.CountBy(l => l).ToDictionary();
        for (int i = 0; i < data.Rows; i++)
        {
            if (labels[i] == -1)
            {
                continue;
            }

            var mean = means[labels[i]];
            var row = data.Row(i);
            for (int j = 0; j < row.Length; j++)
            {
                mean[j] += row[j];
            }
        }

        foreach (var (cluster, mean) in means)
        {
            for (int j = 0; j < mean.Length; j++)
            {
                mean[j] /= sizes[cluster];
            }
        }

        return Choose(labels, clusters, i =>
        {
            var mean = means[labels[i]];
            var row = data.Row(i);
            double d = 0;
            for (int j = 0; j < row.Length; j++)
            {
                d += (row[j] - mean[j]) * (row[j] - mean[j]);
            }

            return d;
        }, perCluster);
    }

    /// <summary>
    /// The samples most confidently assigned to each cluster by soft assignments (e.g. <c>PredictProba</c>): each
    /// sample belongs to its most probable cluster (cluster = column), highest probability first.
    /// </summary>
    /// <param name="probabilities">Samples × clusters.</param>
    /// <param name="perCluster">Samples per cluster, at least 1.</param>
    public static IReadOnlyList<ClusterSamples> MostConfident(double[,] probabilities, int perCluster)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perCluster);
        int n = probabilities.GetLength(0), k = probabilities.GetLength(1);
        var labels = new int[n];
        var confidence = new double[n];
        for (int i = 0; i < n; i++)
        {
            confidence[i] = double.NegativeInfinity;
            for (int c = 0; c < k; c++)
            {
                if (probabilities[i, c] > confidence[i])
                {
                    confidence[i] = probabilities[i, c];
                    labels[i] = c;
                }
            }
        }

        return Choose(labels, Enumerable.Range(0, k), i => -confidence[i], perCluster);
    }

    /// <summary>
    /// The most anomalous samples of each cluster: those farthest from their nearest centre in the model's embedding
    /// (<c>DeepClusteringModel.ScoreAnomalies</c>), farthest first. Drawn with <see cref="ClusterImageGrid"/>, the
    /// first column shows what each cluster's outliers look like.
    /// </summary>
    /// <param name="scores">The anomaly scores of the rows to choose from.</param>
    /// <param name="perCluster">Samples per cluster, at least 1.</param>
    public static IReadOnlyList<ClusterSamples> MostAnomalous(AnomalyScores scores, int perCluster)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perCluster);
        var distances = scores.Distances;
        return Choose(scores.Labels, Enumerable.Range(0, scores.ClusterCount), i => -distances[i], perCluster);
    }

    private static ClusterSamples[] Choose(IReadOnlyList<int> labels, IEnumerable<int> clusters, Func<int, double> cost, int perCluster)
    {
        var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] != -1).ToLookup(i => labels[i]);
        return clusters.Select(c => new ClusterSamples(c, members[c].Count(),
            members[c].Select(i => (Index: i, Cost: cost(i))).OrderBy(x => x.Cost).ThenBy(x => x.Index).Take(perCluster).Select(x => x.Index).ToArray())).ToArray();
    }
}
