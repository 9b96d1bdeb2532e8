using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN.Activations;
using DeepClustering.Tensors.NN.Layers;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Networks;

public sealed class DenseAutoencoderActivationTests : IDisposable
{
    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 1 });

    public void Dispose() => _backend.Dispose();

    [Fact]
    public void The_chosen_activation_sits_between_hidden_layers_and_the_ends_stay_linear()
    {
        var model = DenseAutoencoder.Create(_backend, 12, [8, 6], 3, new RandomGenerator(1), HiddenActivation.Sigmoid);
        Assert.Equal([typeof(Linear), typeof(Sigmoid), typeof(Linear), typeof(Sigmoid), typeof(Linear)],
            model.Encoder.Modules.Select(m => m.GetType()));
        Assert.Equal([typeof(Linear), typeof(Sigmoid), typeof(Linear), typeof(Sigmoid), typeof(Linear)],
            model.Decoder.Modules.Select(m => m.GetType()));
    }

    [Fact]
    public void The_enum_overload_draws_the_same_weights_as_the_factory_overload()
    {
        var byEnum = DenseAutoencoder.Create(_backend, 12, [8], 3, new RandomGenerator(2), HiddenActivation.ReLU);
        var byFactory = DenseAutoencoder.Create(_backend, 12, [8], 3, new RandomGenerator(2));
        Assert.Equal(byFactory.Parameters().SelectMany(p => p.Value.ToArray()), byEnum.Parameters().SelectMany(p => p.Value.ToArray()));
    }
}
