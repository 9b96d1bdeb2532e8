using System.Globalization;

namespace DeepClustering.Pipeline;

/// <summary>
/// How far each point lies from every cluster: its distance to the nearest centre in the embedding, and the confidence
/// of its soft assignment (the largest Student-t probability). Points far from every centre are the anomalies the
/// overview (seed document 004) names: flag them with a threshold taken from the training data's own distances.
/// </summary>
/// <example>
/// <code>
/// var training = model.ScoreAnomalies(trainingData);
/// double[] limits = training.ClusterThresholds(0.99);            // each cluster's 99th percentile of distance
/// bool[] outliers = model.ScoreAnomalies(newData).Flag(limits);  // beyond its own cluster's limit
/// </code>
/// </example>
public sealed class AnomalyScores
{
    internal AnomalyScores(int[] labels, double[] distances, double[] confidences, int clusterCount)
    {
        Labels = labels;
        Distances = distances;
        Confidences = confidences;
        ClusterCount = clusterCount;
    }

    /// <summary>The nearest centre of each point (as <see cref="DeepClusteringModel.Predict(Data.DataMatrix)"/>).</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>The Euclidean distance of each point's embedding to its nearest centre: larger is more anomalous.</summary>
    public IReadOnlyList<double> Distances { get; }

    /// <summary>The largest soft-assignment probability of each point, in (0, 1]: smaller is less certain.</summary>
    public IReadOnlyList<double> Confidences { get; }

    /// <summary>Number of clusters of the model that scored the points.</summary>
    public int ClusterCount { get; }

    /// <summary>The indices of the <paramref name="count"/> points farthest from their centres, farthest first (ties by index).</summary>
    public int[] MostAnomalous(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Enumerable.Range(0, Distances.Count).OrderByDescending(i => Distances[i]).ThenBy(i => i).Take(count).ToArray();
    }

    /// <summary>The <paramref name="quantile"/> of all distances (linear interpolation, numpy's default): one limit for every cluster.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantile"/> is outside [0, 1].</exception>
    public double Threshold(double quantile) => Quantile.Linear(Distances.ToArray(), quantile, nameof(quantile));

    /// <summary>
    /// Each cluster's <paramref name="quantile"/> of its points' distances (linear interpolation): a limit per cluster, for
    /// clusters of different spread. A cluster with no point gets +∞ (nothing assigned to it is flagged).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantile"/> is outside [0, 1].</exception>
    public double[] ClusterThresholds(double quantile)
    {
        Quantile.Require(quantile, nameof(quantile));
        var limits = new double[ClusterCount];
        for (int c = 0; c < ClusterCount; c++)
        {
            var members = Enumerable.Range(0, Labels.Count).Where(i => Labels[i] == c).Select(i => Distances[i]).ToArray();
            limits[c] = members.Length == 0 ? double.PositiveInfinity : Quantile.Linear(members, quantile, nameof(quantile));
        }

        return limits;
    }

    /// <summary>Whether each point lies farther than <paramref name="threshold"/> from its nearest centre.</summary>
    public bool[] Flag(double threshold)
    {
        if (double.IsNaN(threshold))
        {
            throw new ArgumentException("The threshold is NaN.", nameof(threshold));
        }

        return Distances.Select(d => d > threshold).ToArray();
    }

    /// <summary>Whether each point lies farther from its nearest centre than that cluster's limit (<see cref="ClusterThresholds"/>).</summary>
    /// <exception cref="ArgumentException">There is not one limit per cluster, or a limit is NaN.</exception>
    public bool[] Flag(IReadOnlyList<double> clusterThresholds)
    {
        ArgumentNullException.ThrowIfNull(clusterThresholds);
        if (clusterThresholds.Count != ClusterCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"There are {clusterThresholds.Count} limits for {ClusterCount} clusters."), nameof(clusterThresholds));
        }

        if (clusterThresholds.Any(double.IsNaN))
        {
            throw new ArgumentException("A cluster's limit is NaN.", nameof(clusterThresholds));
        }

        return Enumerable.Range(0, Distances.Count).Select(i => Distances[i] > clusterThresholds[Labels[i]]).ToArray();
    }
}
