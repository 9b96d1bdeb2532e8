using DeepClustering.Networks;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Refiners.Dec;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.Optimizers;
using DeepClustering.Training;

namespace DeepClustering.Tests.Refiners.Dec;

/// <summary>DEC's head on the host: its refresh, its batch loss against its rows of P, and its own optimizer of the centres.</summary>
public sealed class DecClusteringHeadTests
{
    [Fact]
    public void A_refresh_computes_q_p_and_the_labels_and_the_batch_loss_takes_the_batch_rows_of_p()
    {
        var random = new RandomGenerator(5);
        int n = 12, d = 3, k = 4;
        var centres = Gaussian(random, k * d);
        var all = Gaussian(random, n * d);
        var head = new DecClusteringHead(centres, d, alpha: 1.0, weight: 1f, new CentreOptimizer(OptimizerKind.Sgd, 1f, 0f, k * d));
        var labels = new int[n];
        head.Refresh(all, labels);

        var q = new float[n * k];
        StudentTAssignment.Compute(all, centres, d, 1.0, q);
        var p = new float[n * k];
        TargetDistribution.Compute(q, k, p);
        Assert.Equal(p, head.Target.ToArray());
        var expectedLabels = new int[n];
        HardLabels.FromAssignments(q, k, expectedLabels);
        Assert.Equal(expectedLabels, labels);

        int[] rows = [7, 2, 11];
        var batch = rows.SelectMany(r => all.AsSpan(r * d, d).ToArray()).ToArray();
        var batchTarget = rows.SelectMany(r => p.AsSpan(r * k, k).ToArray()).ToArray();
        var expectedGradient = new float[batch.Length];
        double expected = ClusteringLoss.ValueAndGradients(batch, centres, d, 1.0, batchTarget, expectedGradient, new float[k * d]);
        var gradient = new float[batch.Length];
        Assert.Equal(expected, head.LossAndGradient(rows, batch, gradient));
        Assert.Equal(expectedGradient, gradient);
    }

    [Fact]
    public void The_centres_step_along_the_weighted_gradient_of_the_loss()
    {
        var random = new RandomGenerator(6);
        int n = 8, d = 2, k = 3;
        const float gamma = 0.25f;
        var centres = Gaussian(random, k * d);
        var all = Gaussian(random, n * d);
        var head = new DecClusteringHead(centres, d, 1.0, gamma, new CentreOptimizer(OptimizerKind.Sgd, learningRate: 1f, momentum: 0f, k * d));
        head.Refresh(all, new int[n]);
        int[] rows = [0, 1, 2, 3, 4, 5, 6, 7];
        var centreGradient = new float[k * d];
        ClusteringLoss.ValueAndGradients(all, centres, d, 1.0, head.Target, new float[n * d], centreGradient);

        head.LossAndGradient(rows, all, new float[n * d]);
        head.StepCentres();
        for (int e = 0; e < centres.Length; e++)
        {
            Assert.Equal(centres[e] - gamma * centreGradient[e], head.Centres[e], 6);
        }
    }

    [Fact]
    public void Before_a_refresh_there_is_no_target_and_centres_must_be_finite()
    {
        var head = new DecClusteringHead(new float[4], 2, 1.0, 1f, new CentreOptimizer(OptimizerKind.Adam, 1e-3f, 0f, 4));
        Assert.Throws<InvalidOperationException>(() => head.LossAndGradient([0], new float[2], new float[2]));
        Assert.Equal("centres", Assert.Throws<ArgumentException>(() =>
            new DecClusteringHead([0f, float.NaN], 2, 1.0, 1f, new CentreOptimizer(OptimizerKind.Adam, 1e-3f, 0f, 2))).ParamName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_centre_optimizer_takes_the_engines_steps_bit_for_bit(bool adam)
    {
        // The centres used to train in the engine's optimizer beside the encoder; their own optimizer must take the same steps.
        using var backend = new CpuBackend(new CpuBackendOptions { Threads = 1 });
        var random = new RandomGenerator(8);
        const int length = 37;                                              // a vector part and a scalar tail
        var start = Gaussian(random, length);
        var parameter = new Parameter(new DeepClustering.Tensors.Tensor(backend, start.ToArray(), length));
        Optimizer engine = adam
            ? new Adam([parameter], new AdamOptions { LearningRate = 1e-2f })
            : new Sgd([parameter], new SgdOptions { LearningRate = 0.1f, Momentum = 0.9f });
        var own = new CentreOptimizer(adam ? OptimizerKind.Adam : OptimizerKind.Sgd, adam ? 1e-2f : 0.1f, adam ? 0f : 0.9f, length);
        var values = start.ToArray();
        for (int step = 0; step < 5; step++)
        {
            var gradient = Gaussian(random, length);
            engine.ZeroGradient();
            parameter.Gradient.CopyFrom(gradient);
            engine.Step();
            own.Step(values, gradient);
            Assert.Equal(parameter.Value.ToArray(), values);
        }
    }

    private static float[] Gaussian(RandomGenerator random, int count) =>
        Enumerable.Range(0, count).Select(_ => (float)random.NextGaussian()).ToArray();
}
