using DeepClustering.Clustering;
using DeepClustering.Data;

namespace DeepClustering.Pipeline;

/// <summary>The centres of an initial clustering, in the embedding, whatever clusterer made it.</summary>
internal static class InitialClusteringCenters
{
    /// <summary>
    /// The fitted centres of a model that has them (<see cref="IHasClusterCenters"/>: k-means, spherical k-means, the
    /// means of a Gaussian mixture), and otherwise the
    /// centroid of each cluster's rows (noise, −1, is left out of the centroids and then joins its nearest centre;
    /// an empty cluster id is refused).
    /// </summary>
    public static (float[] Centers, int[] Labels) From(IClusteringModel model, DataMatrix embeddings)
    {
        var labels = model.Labels.ToArray();
        int k = model.ClusterCount;
        int d = embeddings.Columns;
        if (model is IHasClusterCenters centred)
        {
            var fitted = centred.Centers;
            if (fitted.Rows != k || fitted.Columns != d)
            {
                throw new InvalidOperationException(
                    $"The clusterer reported {fitted.Rows} × {fitted.Columns} centres for {k} clusters of {d}-dimensional embeddings.");
            }

            return (fitted.Values.ToArray(), labels);
        }

        var sums = new double[k * d];
        var counts = new int[k];
        for (int i = 0; i < labels.Length; i++)
        {
            int label = labels[i];
            if (label < 0)
            {
                continue;
            }

            if (label >= k)
            {
                throw new InvalidOperationException($"The clusterer labelled row {i} as {label}, but it reported {k} clusters.");
            }

            counts[label]++;
            var row = embeddings.Row(i);
            for (int j = 0; j < d; j++)
            {
                sums[label * d + j] += row[j];
            }
        }

        var centers = new float[k * d];
        for (int c = 0; c < k; c++)
        {
            if (counts[c] == 0)
            {
                throw new InvalidOperationException($"Cluster {c} of the initial clustering has no rows.");
            }

            for (int j = 0; j < d; j++)
            {
                centers[c * d + j] = (float)(sums[c * d + j] / counts[c]);
            }
        }

        // Rows a density clusterer called noise join their nearest centre: refiners need a cluster for every row.
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0)
            {
                labels[i] = NearestCenter(embeddings.Row(i), centers, k);
            }
        }

        return (centers, labels);
    }

    /// <summary>The index of the centre nearest to <paramref name="row"/> (squared Euclidean distance, ties to the lowest index).</summary>
    public static int NearestCenter(ReadOnlySpan<float> row, ReadOnlySpan<float> centers, int clusterCount)
    {
        int d = row.Length;
        int best = 0;
        double bestDistance = double.PositiveInfinity;
        for (int c = 0; c < clusterCount; c++)
        {
            double distance = 0;
            var center = centers.Slice(c * d, d);
            for (int j = 0; j < d; j++)
            {
                double difference = row[j] - center[j];
                distance += difference * difference;
            }

            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = c;
            }
        }

        return best;
    }
}
