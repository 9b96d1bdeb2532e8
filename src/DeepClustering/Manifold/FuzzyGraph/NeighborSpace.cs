using DeepClustering.Data;

namespace DeepClustering.Manifold.FuzzyGraph;

/// <summary>
/// The rows in which a metric's nearest neighbours are the Euclidean ones, and the metric from their squared
/// distance: the rows themselves for <see cref="UmapMetric.Euclidean"/> (d = √s); the rows scaled to unit norm for
/// <see cref="UmapMetric.Cosine"/>, where ‖u − v‖² = 2(1 − cos), so d = s / 2.
/// </summary>
internal static class NeighborSpace
{
    /// <summary>The rows to search, for <paramref name="metric"/>.</summary>
    /// <exception cref="ArgumentException">A row has norm 0 under the cosine metric (the message names the row).</exception>
    public static DataMatrix Prepare(DataMatrix data, UmapMetric metric, string argumentName)
    {
        if (metric == UmapMetric.Euclidean)
        {
            return data;
        }

        int d = data.Columns;
        var values = new float[data.Values.Length];
        for (int i = 0; i < data.Rows; i++)
        {
            var row = data.Row(i);
            double norm = 0;
            foreach (float v in row)
            {
                norm += (double)v * v;
            }

            if (!(norm > 0))
            {
                throw new ArgumentException($"Row {i} is all zeros; the cosine distance is undefined for it.", argumentName);
            }

            double inverse = 1 / Math.Sqrt(norm);
            for (int c = 0; c < d; c++)
            {
                values[i * d + c] = (float)(row[c] * inverse);
            }
        }

        return new DataMatrix(values, data.Rows, d);
    }

    /// <summary>The metric's distance from the squared Euclidean distance in the prepared rows.</summary>
    public static double Distance(double squaredDistance, UmapMetric metric) =>
        metric == UmapMetric.Euclidean ? Math.Sqrt(squaredDistance) : squaredDistance / 2;
}
