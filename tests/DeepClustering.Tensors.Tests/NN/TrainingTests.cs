using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Activations;
using DeepClustering.Tensors.NN.Convolution;
using DeepClustering.Tensors.NN.Layers;
using DeepClustering.Tensors.NN.Losses;
using DeepClustering.Tensors.Optimizers;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Tensors.Tests.TestSupport;

namespace DeepClustering.Tensors.Tests.NN;

/// <summary>Whole training steps: reproducible from a seed, and free of per-batch allocations.</summary>
[Collection(nameof(AllocationMeasurements))]
public sealed class TrainingTests
{
    [Fact]
    public void The_same_seed_gives_bit_identical_parameters_and_another_seed_does_not()
    {
        var first = TrainSmallConvolutionalNetwork(seed: 17);
        var again = TrainSmallConvolutionalNetwork(seed: 17);
        var other = TrainSmallConvolutionalNetwork(seed: 18);

        Assert.Equal(first.Keys.Order(), again.Keys.Order());
        foreach (var (name, values) in first)
        {
            Assert.Equal(values.Select(BitConverter.SingleToInt32Bits), again[name].Select(BitConverter.SingleToInt32Bits));
            Assert.NotEqual(values, other[name]);
        }
    }

    [Fact]
    public void Steady_state_training_of_a_dense_network_allocates_nothing_per_batch()
    {
        using var backend = new CpuBackend(new CpuBackendOptions { Threads = 2 });
        var random = new RandomGenerator(1);
        var model = new Sequential(backend,
            new Linear(backend, 20, 16, random),
            new ReLU(backend),
            new Dropout(backend, 0.2f, random.Fork()),
            new Linear(backend, 16, 8, random),
            new Tanh(backend),
            new Linear(backend, 8, 20, random));
        var x = TestData.Uniform(backend, random, -1, 1, 8, 20);
        var loss = new MeanSquaredErrorLoss(backend);

        double perStep = MeasureAllocationPerStep(model, new Adam(model.Parameters()), loss, x, x, zeroThroughOptimizer: true);

        Assert.True(perStep <= AllowedBytesPerStep, $"A training step allocated {perStep:F0} bytes.");
    }

    [Fact]
    public void Steady_state_training_of_a_convolutional_network_allocates_nothing_per_batch()
    {
        using var backend = new CpuBackend(new CpuBackendOptions { Threads = 2 });
        var random = new RandomGenerator(2);
        // An autoencoder in miniature: 8×8 → 4×4×4 → 64 → 4×4×4 → 8×8, with every layer type on the way.
        var model = new Sequential(backend,
            new Conv2d(backend, 1, 4, 3, random, stride: 2, padding: 1),
            new LeakyReLU(backend),
            new Flatten(backend),
            new Linear(backend, 64, 64, random),
            new Sigmoid(backend),
            new Reshape(backend, 4, 4, 4),
            new ConvTranspose2d(backend, 4, 1, 3, random, stride: 2, padding: 1, outputPadding: 1));
        var x = TestData.Uniform(backend, random, 0, 1, 8, 1, 8, 8);
        var loss = new BinaryCrossEntropyWithLogitsLoss(backend);

        double perStep = MeasureAllocationPerStep(model, new Adam(model.Parameters()), loss, x, x, zeroThroughOptimizer: false);

        Assert.True(perStep <= AllowedBytesPerStep, $"A training step allocated {perStep:F0} bytes.");
    }

    /// <summary>
    /// Measured: 0 bytes per step for both networks. The smallest object on a 64-bit runtime is 24 bytes, so
    /// this bound fails as soon as a single object is allocated per step, yet tolerates a stray allocation of
    /// another thread during a measurement.
    /// </summary>
    private const double AllowedBytesPerStep = 16;

    /// <summary>
    /// Bytes allocated per training step (zero the gradients, forward, loss, backward, Adam step) after warm-up,
    /// with the gradients cleared through the model or through the optimizer.
    /// </summary>
    private static double MeasureAllocationPerStep(Module model, Optimizer optimizer, Loss loss, Tensor input, Tensor target, bool zeroThroughOptimizer)
    {
        void Step()
        {
            if (zeroThroughOptimizer)
            {
                optimizer.ZeroGradient();
            }
            else
            {
                model.ZeroGradient();
            }

            var output = model.Forward(input);
            loss.Forward(output, target);
            model.Backward(loss.Backward());
            optimizer.Step();
        }

        for (int i = 0; i < 10; i++)
        {
            Step();
        }

        // The allocation counter is process-wide; the smallest of three rounds keeps a stray allocation of
        // another thread (the test runner's) out of the figure.
        const int Steps = 20;
        double best = double.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            for (int i = 0; i < Steps; i++)
            {
                Step();
            }

            long after = GC.GetTotalAllocatedBytes(precise: true);
            best = Math.Min(best, (after - before) / (double)Steps);
        }

        return best;
    }

    private static IReadOnlyDictionary<string, float[]> TrainSmallConvolutionalNetwork(long seed)
    {
        using var backend = new CpuBackend(new CpuBackendOptions { Threads = 2 });
        var random = new RandomGenerator(seed);
        var model = new Sequential(backend,
            new Conv2d(backend, 1, 4, 3, random, padding: 1),
            new ReLU(backend),
            new Flatten(backend),
            new Linear(backend, 4 * 6 * 6, 3, random));
        var data = random.Fork();
        var x = TestData.Uniform(backend, data, -1, 1, 5, 1, 6, 6);
        var y = TestData.Uniform(backend, data, -1, 1, 5, 3);
        var loss = new MeanSquaredErrorLoss(backend);
        var adam = new Adam(model.Parameters(), new AdamOptions { LearningRate = 0.01f });
        for (int step = 0; step < 5; step++)
        {
            model.ZeroGradient();
            loss.Forward(model.Forward(x), y);
            model.Backward(loss.Backward());
            adam.Step();
        }

        return model.GetParameterValues();
    }
}

/// <summary>Tests that read the process-wide allocation counter run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(AllocationMeasurements), DisableParallelization = true)]
public sealed class AllocationMeasurements;
