using DeepClustering.Data;
using DeepClustering.Numerics.Distances;
using DeepClustering.Numerics.LinearAlgebra;
using DeepClustering.Numerics.Threading;

namespace DeepClustering.Manifold.Affinities;

/// <summary>
/// Exact k nearest neighbours of every row among the other rows (or of query rows among reference rows), by brute force: blocks of squared distances
/// ‖x‖² − 2x·y + ‖y‖² from the engine's float32 GEMM pick a few more candidates than needed, whose distances are
/// then summed again in double from the differences to choose and order the k.
/// </summary>
internal static class NearestNeighbors
{
    /// <summary>Rows of distances computed per GEMM at most.</summary>
    private const int BlockRows = 1024;

    /// <summary>Distances held at once at most (64 MiB of float32): fewer rows per block for very many points.</summary>
    private const int BlockValues = 1 << 24;

    /// <summary>Extra candidates kept from the float32 distances, to absorb their rounding before the exact check.</summary>
    private const int ExtraCandidates = 8;

    /// <summary>
    /// The indices of each row's k nearest other rows and their squared distances, both row-major n × k, nearest
    /// first (ties by index).
    /// </summary>
    public static (int[] Indices, double[] SquaredDistances) Find(DataMatrix data, int k, int threads, CancellationToken cancellationToken)
    {
        int n = data.Rows;
        if (k < 1 || k > n - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"Between 1 and {n - 1} neighbours can be found among {n} rows.");
        }

        return Search(data, data, k, excludeSelf: true, threads, cancellationToken);
    }

    /// <summary>
    /// The indices of each query row's k nearest rows of <paramref name="references"/> and their squared distances,
    /// both row-major queries × k, nearest first (ties by index). A reference row equal to the query is a neighbour
    /// at distance 0.
    /// </summary>
    public static (int[] Indices, double[] SquaredDistances) FindAmong(DataMatrix queries, DataMatrix references, int k, int threads, CancellationToken cancellationToken)
    {
        int n = references.Rows;
        if (k < 1 || k > n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"Between 1 and {n} neighbours can be found among {n} rows.");
        }

        if (queries.Columns != references.Columns)
        {
            throw new ArgumentException($"The queries have {queries.Columns} columns, the reference rows {references.Columns}.", nameof(queries));
        }

        return Search(queries, references, k, excludeSelf: false, threads, cancellationToken);
    }

    private static (int[] Indices, double[] SquaredDistances) Search(DataMatrix queries, DataMatrix references, int k, bool excludeSelf, int threads,
        CancellationToken cancellationToken)
    {
        int m = queries.Rows, n = references.Rows, d = references.Columns;
        int candidates = Math.Min(excludeSelf ? n - 1 : n, k + ExtraCandidates);
        var referenceNorms = SquaredNorms(references);
        var queryNorms = excludeSelf ? referenceNorms : SquaredNorms(queries);
        var indices = new int[(long)m * k];
        var distances = new double[(long)m * k];
        int blockRows = Math.Clamp(BlockValues / n, 1, Math.Min(BlockRows, m));
        var products = new float[(long)blockRows * n];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ThreadCount.Resolve(threads), CancellationToken = cancellationToken };
        using var pool = MatrixProduct.Pool(threads);
        for (int start = 0; start < m; start += blockRows)
        {
            int rows = Math.Min(blockRows, m - start);
            MatrixProduct.Multiply(pool, false, true, rows, n, d, 1f, queries.Values.AsSpan(start * d, rows * d), d, references.Values, d, 0f, products, n);
            Parallel.For(0, rows, parallel,
                () => (Heap: new CandidateHeap(candidates), Exact: new (double, int)[candidates]),
                (r, _, buffers) =>
                {
                    int i = start + r;
                    int self = excludeSelf ? i : -1;
                    var heap = buffers.Heap;
                    heap.Clear();
                    var row = products.AsSpan(r * n, n);
                    float own = queryNorms[i];
                    for (int j = 0; j < n; j++)
                    {
                        float key = own - 2f * row[j] + referenceNorms[j];
                        if (key <= heap.Bound && j != self)
                        {
                            heap.Offer(key, j);
                        }
                    }

                    var exact = buffers.Exact;
                    for (int c = 0; c < candidates; c++)
                    {
                        int j = heap.IndexAt(c);
                        exact[c] = (SquaredEuclidean.Double(queries.Row(i), references.Row(j)), j);
                    }

                    Array.Sort(exact, 0, candidates);
                    for (int q = 0; q < k; q++)
                    {
                        distances[(long)i * k + q] = exact[q].Item1;
                        indices[(long)i * k + q] = exact[q].Item2;
                    }

                    return buffers;
                },
                _ => { });
        }

        return (indices, distances);
    }

    private static float[] SquaredNorms(DataMatrix data)
    {
        var norms = new float[data.Rows];
        for (int i = 0; i < data.Rows; i++)
        {
            double sum = 0;
            foreach (float v in data.Row(i))
            {
                sum += (double)v * v;
            }

            norms[i] = (float)sum;
        }

        return norms;
    }

    /// <summary>A bounded max-heap keeping the smallest (distance, index) pairs offered to it.</summary>
    private sealed class CandidateHeap(int capacity)
    {
        private readonly float[] _keys = new float[capacity];
        private readonly int[] _indices = new int[capacity];
        private int _count;

        public void Clear() => _count = 0;

        public int IndexAt(int position) => _indices[position];

        /// <summary>Keys above this cannot enter: the largest kept key once the heap is full, else +∞.</summary>
        public float Bound => _count < capacity ? float.PositiveInfinity : _keys[0];

        public void Offer(float key, int index)
        {
            if (_count < capacity)
            {
                int child = _count++;
                while (child > 0)
                {
                    int parent = (child - 1) >> 1;
                    if (!Greater(key, index, _keys[parent], _indices[parent]))
                    {
                        break;
                    }

                    _keys[child] = _keys[parent];
                    _indices[child] = _indices[parent];
                    child = parent;
                }

                _keys[child] = key;
                _indices[child] = index;
                return;
            }

            if (!Greater(_keys[0], _indices[0], key, index))
            {
                return;
            }

            int position = 0;
            while (true)
            {
                int left = 2 * position + 1;
                if (left >= capacity)
                {
                    break;
                }

                int largest = left + 1 < capacity && Greater(_keys[left + 1], _indices[left + 1], _keys[left], _indices[left]) ? left + 1 : left;
                if (!Greater(_keys[largest], _indices[largest], key, index))
                {
                    break;
                }

                _keys[position] = _keys[largest];
                _indices[position] = _indices[largest];
                position = largest;
            }

            _keys[position] = key;
            _indices[position] = index;
        }

        private static bool Greater(float keyA, int indexA, float keyB, int indexB) => keyA > keyB || (keyA == keyB && indexA > indexB);
    }
}
