using DeepClustering.Tensors.Backends.Cpu;

namespace DeepClustering.Tensors.Tests;

public class SmokeTests
{
    [Fact]
    public void MatrixMultiply_of_a_small_product_matches_hand_values()
    {
        using var backend = new CpuBackend(new CpuBackendOptions { Threads = 2 });
        var a = new Tensor(backend, [1, 2, 3, 4, 5, 6], 2, 3);
        var b = new Tensor(backend, [7, 8, 9, 10, 11, 12], 3, 2);
        var c = new Tensor(backend, 2, 2);
        backend.MatrixMultiply(a, false, b, false, c);
        Assert.Equal([58f, 64f, 139f, 154f], c.ToArray());
    }
}
