using DeepClustering.Tensors.Backends.Cpu;

namespace DeepClustering.Tensors.Tests.Backends.Cpu;

public sealed class DisposedBackendTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_operation_after_dispose_throws_object_disposed_small_or_large(int threads)
    {
        var backend = new CpuBackend(new CpuBackendOptions { Threads = threads });
        var small = new Tensor(backend, 2, 2);
        var large = new Tensor(backend, 512, 512);
        backend.Dispose();

        Assert.Throws<ObjectDisposedException>(() => backend.Relu(small, small));
        Assert.Throws<ObjectDisposedException>(() => backend.Fill(small, 1f));
        Assert.Throws<ObjectDisposedException>(() => backend.Copy(small, small));
        Assert.Throws<ObjectDisposedException>(() => backend.MatrixMultiply(small, false, small, false, small));
        Assert.Throws<ObjectDisposedException>(() => backend.MatrixMultiply(large, false, large, false, large));
        Assert.Throws<ObjectDisposedException>(() => backend.Sgemm(false, false, 2, 2, 2, 1f, new float[4], 2, new float[4], 2, 0f, new float[4], 2));
        Assert.Throws<ObjectDisposedException>(() => backend.MeanSquaredError(small, small, null));
        backend.Dispose();  // a second Dispose is harmless
    }
}
