using DeepClustering.Clustering.Hierarchical;

namespace DeepClustering.Tests.Clustering.Hierarchical;

/// <summary>The heap's list layout against CPython's heapq (values printed by Python 3).</summary>
public sealed class PythonHeapTests
{
    [Fact]
    public void Push_and_push_pop_leave_heapqs_layout()
    {
        var heap = new List<int>();
        foreach (int value in new[] { -5, -3, -8, -1, -9, -2, -7, -4, -6, -10 })
        {
            PythonHeap.Push(heap, value);
        }

        // heapq.heappush of the same values in the same order.
        Assert.Equal([-10, -9, -7, -6, -8, -2, -5, -1, -4, -3], heap);

        // heapq.heappushpop: a value below the top comes straight back.
        Assert.Equal(-11, PythonHeap.PushPop(heap, -11));
        Assert.Equal([-10, -9, -7, -6, -8, -2, -5, -1, -4, -3], heap);
        Assert.Equal(-10, PythonHeap.PushPop(heap, 0));
        Assert.Equal([-9, -8, -7, -6, -3, -2, -5, -1, -4, 0], heap);
        Assert.Equal(-12, PythonHeap.PushPop(heap, -12));
        Assert.Equal(-9, PythonHeap.PushPop(heap, -3));
        Assert.Equal([-8, -6, -7, -4, -3, -2, -5, -1, -3, 0], heap);
    }
}
