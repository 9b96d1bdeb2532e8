using DeepClustering.Data;

namespace DeepClustering.Metrics;

/// <summary>Per-cluster means of the rows of a data matrix, in double.</summary>
internal static class ClusterCentroids
{
    /// <summary>The mean of each cluster's rows, row-major k × columns.</summary>
    public static double[] Compute(DataMatrix data, EncodedLabels labels)
    {
        int d = data.Columns;
        var centroids = new double[labels.Count * d];
        for (int i = 0; i < data.Rows; i++)
        {
            var row = data.Row(i);
            var sum = centroids.AsSpan(labels.Codes[i] * d, d);
            for (int j = 0; j < d; j++)
            {
                sum[j] += row[j];
            }
        }

        for (int c = 0; c < labels.Count; c++)
        {
            var centroid = centroids.AsSpan(c * d, d);
            for (int j = 0; j < d; j++)
            {
                centroid[j] /= labels.Counts[c];
            }
        }

        return centroids;
    }

    /// <summary>The mean of all rows.</summary>
    public static double[] Mean(DataMatrix data)
    {
        var mean = new double[data.Columns];
        for (int i = 0; i < data.Rows; i++)
        {
            var row = data.Row(i);
            for (int j = 0; j < mean.Length; j++)
            {
                mean[j] += row[j];
            }
        }

        for (int j = 0; j < mean.Length; j++)
        {
            mean[j] /= data.Rows;
        }

        return mean;
    }

    /// <summary>‖x − y‖² in double.</summary>
    public static double SquaredDistance(ReadOnlySpan<float> x, ReadOnlySpan<double> y)
    {
        double sum = 0;
        for (int j = 0; j < x.Length; j++)
        {
            double difference = x[j] - y[j];
            sum += difference * difference;
        }

        return sum;
    }

    /// <summary>‖x − y‖² in double.</summary>
    public static double SquaredDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double sum = 0;
        for (int j = 0; j < x.Length; j++)
        {
            double difference = x[j] - y[j];
            sum += difference * difference;
        }

        return sum;
    }
}
