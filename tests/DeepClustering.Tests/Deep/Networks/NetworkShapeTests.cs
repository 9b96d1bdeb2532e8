using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Tensors;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Networks;

public class NetworkShapeTests
{
    [Fact]
    public void Convolutional_autoencoder_maps_28x28_images_to_10_dimensions_and_back()
    {
        using var backend = new CpuBackend(new CpuBackendOptions { Threads = 2 });
        var model = ConvolutionalAutoencoder.Create(backend, 1, 10, new RandomGenerator(1));
        var x = new Tensor(backend, 3, 1, 28, 28);
        var y = model.Forward(x);
        Assert.Equal([3, 1, 28, 28], y.Shape.ToArray());
        Assert.Equal([3, 10], model.Embedding!.Shape.ToArray());
    }

    [Fact]
    public void Dense_autoencoder_has_the_dec_layer_widths()
    {
        using var backend = new CpuBackend(new CpuBackendOptions { Threads = 1 });
        var model = DenseAutoencoder.CreateDec(backend, 784, new RandomGenerator(1));
        var shapes = model.NamedParameters().Where(p => p.Name.EndsWith(".weight", StringComparison.Ordinal))
            .Select(p => $"{p.Parameter.Value.Size(1)}->{p.Parameter.Value.Size(0)}").ToArray();
        Assert.Equal(["784->500", "500->500", "500->2000", "2000->10", "10->2000", "2000->500", "500->500", "500->784"], shapes);
    }
}
