using System.Numerics.Tensors;
using DeepClustering.Numerics.Distances;
using DeepClustering.Numerics.LinearAlgebra;
using DeepClustering.Numerics.Threading;

namespace DeepClustering.Clustering;

/// <summary>
/// The assignment step of k-means: the nearest centre of every row. Rows go in chunks of
/// <see cref="RowParts.ChunkRows"/>; for each chunk one single-threaded <see cref="MatrixProduct.Multiply"/> writes
/// <c>‖c‖² − 2·c·x</c> for every centre c and row x (‖x‖² does not change which centre is nearest), and while the
/// chunk is still in cache its rows are added to their new cluster's sum. Parts of the rows run in parallel,
/// each with its own sums.
/// </summary>
internal sealed class NearestCenterPass
{
    private readonly int _threads;

    public NearestCenterPass(int threads)
    {
        _threads = threads;
    }

    public int Threads => _threads;

    /// <summary>
    /// Labels each row of <paramref name="x"/> (rows × columns) with its nearest centre, the lowest index on
    /// ties, and returns how many labels changed. When <paramref name="sums"/> is given, it is cleared and then
    /// receives each row in its new cluster. <paramref name="centerNorms"/> replaces the centres' ‖c‖² when given
    /// (zeros make the rule "largest dot product", as spherical k-means needs).
    /// </summary>
    public long Assign(float[] x, int rows, int columns, float[] centers, int clusters, int[] labels, ClusterSums? sums,
        float[]? centerNorms = null)
    {
        centerNorms ??= SquaredEuclidean.RowNorms(centers, clusters, columns);
        int parts = sums?.Parts ?? RowParts.Count(rows);
        var changed = new long[parts];
        RowParts.Run(parts, _threads, part =>
        {
            sums?.Clear(part);
            var scores = new float[clusters * RowParts.ChunkRows];
            int end = RowParts.Start(rows, parts, part + 1);
            long partChanged = 0;
            for (int start = RowParts.Start(rows, parts, part); start < end; start += RowParts.ChunkRows)
            {
                int count = Math.Min(RowParts.ChunkRows, end - start);
                Scores(x, start, count, columns, centers, clusters, centerNorms, scores);
                for (int j = 0; j < count; j++)
                {
                    int best = 0;
                    float bestScore = scores[j];
                    for (int c = 1; c < clusters; c++)
                    {
                        float score = scores[c * count + j];
                        if (score < bestScore)
                        {
                            bestScore = score;
                            best = c;
                        }
                    }

                    int row = start + j;
                    if (labels[row] != best)
                    {
                        labels[row] = best;
                        partChanged++;
                    }

                    sums?.Add(part, best, x.AsSpan(row * columns, columns));
                }
            }

            changed[part] = partChanged;
        });
        return changed.Sum();
    }

    /// <summary>The dot product of every row with every centre, rows × clusters.</summary>
    public float[] DotProducts(float[] x, int rows, int columns, float[] centers, int clusters)
    {
        var zeros = new float[clusters];
        var products = new float[(long)rows * clusters];
        int parts = RowParts.Count(rows);
        RowParts.Run(parts, _threads, part =>
        {
            var scores = new float[clusters * RowParts.ChunkRows];
            int end = RowParts.Start(rows, parts, part + 1);
            for (int start = RowParts.Start(rows, parts, part); start < end; start += RowParts.ChunkRows)
            {
                int count = Math.Min(RowParts.ChunkRows, end - start);
                Scores(x, start, count, columns, centers, clusters, zeros, scores);
                for (int j = 0; j < count; j++)
                {
                    for (int c = 0; c < clusters; c++)
                    {
                        products[(long)(start + j) * clusters + c] = -0.5f * scores[c * count + j];
                    }
                }
            }
        });
        return products;
    }

    /// <summary>
    /// scores[c, j] = ‖c‖² − 2·c·x_(start+j) for the <paramref name="count"/> rows from <paramref name="start"/>,
    /// stored clusters × count: one product with the centres as the left operand, whose few rows waste less of
    /// the GEMM's register tile than a few columns would.
    /// </summary>
    private void Scores(float[] x, int start, int count, int columns, float[] centers, int clusters, float[] centerNorms, float[] scores)
    {
        for (int c = 0; c < clusters; c++)
        {
            scores.AsSpan(c * count, count).Fill(centerNorms[c]);
        }

        MatrixProduct.Multiply(null, false, true, clusters, count, columns, -2f, centers, columns,
            x.AsSpan(start * columns, count * columns), columns, 1f, scores, count);
    }
}
