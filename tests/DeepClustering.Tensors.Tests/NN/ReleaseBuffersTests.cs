using DeepClustering.Numerics.Randomness;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Activations;
using DeepClustering.Tensors.NN.Convolution;
using DeepClustering.Tensors.NN.Layers;
using DeepClustering.Tensors.NN.Losses;
using DeepClustering.Tensors.Tests.TestSupport;

namespace DeepClustering.Tensors.Tests.NN;

/// <summary>A trained network drops the buffers it kept for the training batch, and works the same afterwards.</summary>
public sealed class ReleaseBuffersTests
{
    [Fact]
    public void Release_empties_every_kept_output_and_gradient_and_the_next_call_gives_the_same_result()
    {
        using var backend = new CpuBackend(new CpuBackendOptions { Threads = 2 });
        var random = new RandomGenerator(4);
        var model = new Sequential(backend,
            new Conv2d(backend, 1, 4, 3, random, stride: 2, padding: 1),
            new ReLU(backend),
            new Flatten(backend),
            new Linear(backend, 4 * 4 * 4, 3, random));
        var x = TestData.Uniform(backend, random.Fork(), -1, 1, 64, 1, 8, 8);
        var target = TestData.Uniform(backend, random.Fork(), -1, 1, 64, 3);
        var loss = new MeanSquaredErrorLoss(backend);

        var output = model.Forward(x);
        var expected = output.ToArray();
        loss.Forward(output, target);
        var inputGradient = model.Backward(loss.Backward())!;
        Assert.Equal(64 * 3, output.Length);
        Assert.Equal(64 * 64, inputGradient.Length);

        model.ReleaseBuffers();

        // The layers' own output and gradient buffers hold nothing now (the big part of a batch's workspace).
        Assert.Equal(0, output.Length);
        Assert.Equal(0, inputGradient.Length);
        Assert.Empty(output.Data);
        Assert.Empty(inputGradient.Data);
        Assert.Equal(expected, model.Forward(x).ToArray());
    }
}
