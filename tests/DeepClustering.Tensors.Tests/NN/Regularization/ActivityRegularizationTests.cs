using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN.Activations;
using DeepClustering.Tensors.NN.Layers;
using DeepClustering.Tensors.NN.Regularization;

namespace DeepClustering.Tensors.Tests.NN.Regularization;

public sealed class ActivityRegularizationTests : IDisposable
{
    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 1 });

    public void Dispose() => _backend.Dispose();

    [Fact]
    public void Finds_nested_regularizers_in_order_and_a_shared_one_once()
    {
        var first = new KlSparsityRegularizer(_backend);
        var second = new KlSparsityRegularizer(_backend);
        var inner = new Sequential(_backend, new Sigmoid(_backend), second);
        var network = new Sequential(_backend, new Sigmoid(_backend), first, inner, new Sequential(_backend, first));

        var found = ActivityRegularization.FindAll(network);

        Assert.Equal(2, found.Count);
        Assert.Same(first, found[0]);
        Assert.Same(second, found[1]);
        Assert.Empty(ActivityRegularization.FindAll(new Sequential(_backend, new ReLU(_backend))));
    }

    [Fact]
    public void Total_penalty_sums_the_last_penalties()
    {
        var first = new KlSparsityRegularizer(_backend);
        var second = new KlSparsityRegularizer(_backend, new KlSparsityOptions { Weight = 1 });
        first.Forward(new Tensor(_backend, [0.5f, 0.5f], 2, 1));
        second.Forward(new Tensor(_backend, [0.25f, 0.25f], 2, 1));
        double expected = 3 * KlSparsity.Divergence(0.05, 0.5) + KlSparsity.Divergence(0.05, 0.25);
        Assert.Equal(expected, ActivityRegularization.TotalPenalty([first, second]), 1e-12);
        Assert.Equal(0, ActivityRegularization.TotalPenalty([]));
    }
}
