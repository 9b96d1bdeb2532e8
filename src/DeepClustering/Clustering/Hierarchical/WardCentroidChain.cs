using System.Numerics;
using DeepClustering.Data;

namespace DeepClustering.Clustering.Hierarchical;

/// <summary>
/// Ward linkage by the nearest-neighbour chain without a distance matrix: each cluster keeps its centre and size,
/// and Ward's distance to every live cluster is computed from them (<see cref="WardDistance"/>), in SIMD lanes of
/// doubles over the centres stored column by column. The chain makes the same choices as scipy's
/// <c>nn_chain</c> (the previous chain element preferred on ties, then the lowest slot; the merged cluster kept in
/// the higher slot), so without ties the merges are scipy's. O(n·d) memory, O(n²·d) time: the method of choice
/// for the low-dimensional data (embeddings) that clustering usually sees; the matrix method
/// (<see cref="NearestNeighbourChain"/>) wins when d is large.
/// </summary>
internal static class WardCentroidChain
{
    /// <summary>The n − 1 merges in the order found, each naming one row of each merged cluster.</summary>
    public static PointMerge[] Run(DataMatrix data, CancellationToken cancellationToken)
    {
        int n = data.Rows, columns = data.Columns;
        int width = Vector<double>.Count;
        int capacity = RoundUp(n, width);
        // Centre coordinate k of the cluster in slot s at k·capacity + s; slots without a cluster hold NaN, so
        // their distance is NaN and never the smallest.
        var centres = new double[(long)columns * capacity];
        var sizes = new double[capacity];
        var rowOfSlot = new int[capacity];
        for (int s = 0; s < capacity; s++)
        {
            bool used = s < n;
            sizes[s] = used ? 1 : 0;
            rowOfSlot[s] = used ? s : -1;
            for (int k = 0; k < columns; k++)
            {
                centres[k * capacity + s] = used ? data.Values[s * columns + k] : double.NaN;
            }
        }

        var merges = new PointMerge[n - 1];
        var distances = new double[capacity];
        var centre = new Vector<double>[columns];
        var chain = new int[n];
        var slotMap = new int[capacity];
        int chainLength = 0, slots = n, live = n;
        for (int merge = 0; merge < n - 1; merge++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (chainLength == 0)
            {
                int firstLive = 0;
                while (sizes[firstLive] == 0)
                {
                    firstLive++;
                }

                chain[0] = firstLive;
                chainLength = 1;
            }

            int x, y;
            double nearest;
            while (true)
            {
                x = chain[chainLength - 1];
                SquaredDistancesFrom(x, centres, sizes, capacity, RoundUp(slots, width), columns, centre, distances);
                distances[x] = double.NaN;
                if (chainLength > 1)
                {
                    y = chain[chainLength - 2];
                    nearest = distances[y];
                }
                else
                {
                    y = -1;
                    nearest = double.PositiveInfinity;
                }

                for (int i = 0; i < slots; i++)
                {
                    if (distances[i] < nearest)
                    {
                        nearest = distances[i];
                        y = i;
                    }
                }

                if (chainLength > 1 && y == chain[chainLength - 2])
                {
                    break;
                }

                chain[chainLength++] = y;
            }

            chainLength -= 2;
            if (x > y)
            {
                (x, y) = (y, x);
            }

            merges[merge] = new PointMerge(rowOfSlot[x], rowOfSlot[y], Math.Sqrt(nearest));
            double sizeX = sizes[x], sizeY = sizes[y], sizeXy = sizeX + sizeY;
            for (int k = 0; k < columns; k++)
            {
                long offset = (long)k * capacity;
                centres[offset + y] = (sizeX * centres[offset + x] + sizeY * centres[offset + y]) / sizeXy;
                centres[offset + x] = double.NaN;
            }

            sizes[y] = sizeXy;
            sizes[x] = 0;
            rowOfSlot[x] = -1;
            live--;
            if (2 * live <= slots && slots > 4 * width)
            {
                slots = Compact(centres, sizes, rowOfSlot, capacity, slots, columns, slotMap);
                for (int c = 0; c < chainLength; c++)
                {
                    chain[c] = slotMap[chain[c]];
                }
            }
        }

        return merges;
    }

    /// <summary>
    /// Ward's squared distance from the cluster in slot <paramref name="x"/> to the clusters in slots
    /// 0 … <paramref name="end"/> − 1 (NaN for empty slots).
    /// </summary>
    internal static void SquaredDistancesFrom(int x, double[] centres, double[] sizes, int capacity, int end, int columns,
        Vector<double>[] centre, double[] distances)
    {
        int width = Vector<double>.Count;
        for (int k = 0; k < columns; k++)
        {
            centre[k] = new Vector<double>(centres[(long)k * capacity + x]);
        }

        var sizeX = new Vector<double>(sizes[x]);
        var two = new Vector<double>(2.0);
        for (int i = 0; i < end; i += width)
        {
            var sum = Vector<double>.Zero;
            for (int k = 0; k < columns; k++)
            {
                var difference = new Vector<double>(centres, (int)((long)k * capacity + i)) - centre[k];
                sum += difference * difference;
            }

            var size = new Vector<double>(sizes, i);
            // WardDistance.Squared, lane by lane: 2·(|i|·|x| / (|i| + |x|)) · ‖c_i − c_x‖².
            (two * (size * sizeX / (size + sizeX)) * sum).CopyTo(distances, i);
        }
    }

    /// <summary>Moves the live clusters to the first slots, in order; returns their count and maps old slots to new.</summary>
    private static int Compact(double[] centres, double[] sizes, int[] rowOfSlot, int capacity, int slots, int columns, int[] slotMap)
    {
        int live = 0;
        for (int s = 0; s < slots; s++)
        {
            if (sizes[s] == 0)
            {
                slotMap[s] = -1;
                continue;
            }

            slotMap[s] = live;
            if (live != s)
            {
                for (int k = 0; k < columns; k++)
                {
                    centres[(long)k * capacity + live] = centres[(long)k * capacity + s];
                }

                sizes[live] = sizes[s];
                rowOfSlot[live] = rowOfSlot[s];
            }

            live++;
        }

        for (int s = live; s < slots; s++)
        {
            for (int k = 0; k < columns; k++)
            {
                centres[(long)k * capacity + s] = double.NaN;
            }

            sizes[s] = 0;
            rowOfSlot[s] = -1;
        }

        return live;
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
