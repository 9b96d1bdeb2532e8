namespace DeepClustering.Clustering.Hierarchical;

/// <summary>
/// A binary min-heap of integers in a list, with exactly the element moves of CPython's <c>heapq</c>
/// (<c>heappush</c>, <c>heappushpop</c> and their <c>_siftdown</c> / <c>_siftup</c>): scikit-learn numbers the
/// clusters of a tree cut by their position in such a heap, so matching its labels means matching its layout.
/// </summary>
internal static class PythonHeap
{
    /// <summary><c>heapq.heappush</c>: appends <paramref name="item"/> and moves it up.</summary>
    public static void Push(List<int> heap, int item)
    {
        heap.Add(item);
        SiftDown(heap, 0, heap.Count - 1);
    }

    /// <summary><c>heapq.heappushpop</c>: pushes <paramref name="item"/>, then pops and returns the smallest element.</summary>
    public static int PushPop(List<int> heap, int item)
    {
        if (heap.Count > 0 && heap[0] < item)
        {
            (item, heap[0]) = (heap[0], item);
            SiftUp(heap, 0);
        }

        return item;
    }

    /// <summary><c>heapq._siftdown</c>: moves the item at <paramref name="position"/> towards the root.</summary>
    private static void SiftDown(List<int> heap, int start, int position)
    {
        int item = heap[position];
        while (position > start)
        {
            int parent = (position - 1) >> 1;
            if (item < heap[parent])
            {
                heap[position] = heap[parent];
                position = parent;
                continue;
            }

            break;
        }

        heap[position] = item;
    }

    /// <summary>
    /// <c>heapq._siftup</c>: moves the smaller child up until a leaf is reached, puts the item there and sifts it
    /// back towards <paramref name="position"/>.
    /// </summary>
    private static void SiftUp(List<int> heap, int position)
    {
        int end = heap.Count, start = position, item = heap[position];
        int child = 2 * position + 1;
        while (child < end)
        {
            int right = child + 1;
            if (right < end && !(heap[child] < heap[right]))
            {
                child = right;
            }

            heap[position] = heap[child];
            position = child;
            child = 2 * position + 1;
        }

        heap[position] = item;
        SiftDown(heap, start, position);
    }
}
