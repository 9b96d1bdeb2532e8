using DeepClustering.Refiners.Dec;
using DeepClustering.Tensors;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Layers;
using DeepClustering.Tensors.Optimizers;
using DeepClustering.Tensors.Randomness;

namespace DeepClustering.Tests.Refiners.Dec;

/// <summary>The clustering layer: centres as an engine parameter, Q forward and backward, and the fused DEC loss step.</summary>
public sealed class ClusteringLayerTests : IDisposable
{
    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 1 });

    public void Dispose() => _backend.Dispose();

    [Fact]
    public void The_centres_are_one_parameter_named_centers()
    {
        var layer = new ClusteringLayer(_backend, clusterCount: 3, embeddingDimension: 2);
        var parameters = layer.NamedParameters().ToList();
        Assert.Single(parameters);
        Assert.Equal("centers", parameters[0].Name);
        Assert.Same(layer.Centers, parameters[0].Parameter);
        Assert.Equal([3, 2], layer.Centers.Value.Shape.ToArray());
        Assert.Equal(ClusteringLayer.DefaultAlpha, layer.Alpha);

        layer.SetParameterValues(new Dictionary<string, float[]> { ["centers"] = [1, 2, 3, 4, 5, 6] });
        Assert.Equal([1f, 2, 3, 4, 5, 6], layer.Centers.Value.ToArray());
    }

    [Fact]
    public void Centres_come_from_a_tensor_or_a_span_and_must_be_finite()
    {
        var centres = new Tensor(_backend, [1f, 0f, 0f, 2f], 2, 2);
        var layer = new ClusteringLayer(centres, alpha: 2.0);
        Assert.Equal(2, layer.ClusterCount);
        Assert.Equal(2, layer.EmbeddingDimension);
        Assert.Equal(2.0, layer.Alpha);
        centres.AsSpan()[0] = 9f;
        Assert.Equal(1f, layer.Centers.Value.AsSpan()[0]);                     // copied, not shared

        Assert.Throws<ArgumentException>(() => layer.SetCenters([1f, 0f, float.NaN, 2f]));
        Assert.Throws<ArgumentException>(() => layer.SetCenters([1f, 0f, 0f]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClusteringLayer(_backend, 2, 2, alpha: -1));
        Assert.Throws<ArgumentException>(() => new ClusteringLayer(new Tensor(_backend, 4)));
    }

    [Fact]
    public void Forward_gives_the_soft_assignments_by_hand()
    {
        // As StudentTAssignmentTests.Alpha_one_by_hand: q = (5/7, 2/7) for z = (0, 0) and centres (1, 0), (0, 2).
        var layer = new ClusteringLayer(new Tensor(_backend, [1f, 0f, 0f, 2f], 2, 2));
        var q = layer.Forward(new Tensor(_backend, [0f, 0f], 1, 2));
        Assert.Equal([1, 2], q.Shape.ToArray());
        Assert.Equal(5.0 / 7, q.AsSpan()[0], 1e-7);
        Assert.Equal(2.0 / 7, q.AsSpan()[1], 1e-7);

        var all = new Tensor(_backend, 1, 2);
        layer.Assign(new Tensor(_backend, [0f, 0f], 1, 2), all);
        Assert.Equal(q.ToArray(), all.ToArray());
        Assert.Throws<ArgumentException>(() => layer.Forward(new Tensor(_backend, 1, 3)));
        Assert.Throws<ArgumentException>(() => layer.Assign(new Tensor(_backend, 1, 2), new Tensor(_backend, 2, 2)));
    }

    [Fact]
    public void Backward_is_the_pure_backward_and_adds_to_the_centres_gradient()
    {
        var random = new RandomGenerator(2);
        const int n = 6, k = 3, d = 4;
        var z = StudentTAssignmentTests.Normal(random, n * d, 1f);
        var mu = StudentTAssignmentTests.Normal(random, k * d, 1.5f);
        var r = StudentTAssignmentTests.Normal(random, n * k, 1f);
        var expectedZ = new float[n * d];
        var expectedMu = new float[k * d];
        StudentTAssignment.Backward(z, mu, d, 0.5, r, expectedZ, expectedMu);

        var layer = new ClusteringLayer(new Tensor(_backend, mu, k, d), alpha: 0.5);
        layer.ZeroGradient();
        layer.Forward(new Tensor(_backend, z, n, d));
        var dz = layer.Backward(new Tensor(_backend, r, n, k));
        Assert.NotNull(dz);
        Assert.Equal(expectedZ, dz.ToArray());
        Assert.Equal(expectedMu, layer.Centers.Gradient.ToArray());

        layer.Backward(new Tensor(_backend, r, n, k));                            // accumulates, as every layer does
        DecAssert.Close(DecAssert.ToDouble(expectedMu).Select(v => 2 * v).ToArray(), layer.Centers.Gradient.AsSpan(), 1e-7, 1e-6, "2·∂L/∂μ");
        Assert.Throws<InvalidOperationException>(() => new ClusteringLayer(_backend, k, d).Backward(new Tensor(_backend, n, k)));
    }

    [Fact]
    public void The_loss_step_is_the_pure_loss_weighted_and_accumulated()
    {
        var c = DecGoldenCase.Load()[0];
        var layer = new ClusteringLayer(new Tensor(_backend, c.Mu, c.K, c.D), c.Alpha);
        var z = new Tensor(_backend, c.Z, c.N, c.D);
        var target = new Tensor(_backend, c.Target.Select(v => (float)v).ToArray(), c.N, c.K);
        var gradZ = new float[c.N * c.D];
        var gradMu = new float[c.K * c.D];
        double expected = ClusteringLoss.ValueAndGradients(c.Z, c.Mu, c.D, c.Alpha, target.ToArray(), gradZ, gradMu);

        layer.ZeroGradient();
        double loss = layer.LossAndGradients(z, target, lossWeight: 1f, out var dz);
        Assert.Equal(expected, loss);
        Assert.Equal(gradZ, dz.ToArray());
        Assert.Equal(gradMu, layer.Centers.Gradient.ToArray());

        // IDEC's γ = 0.1 scales both gradients and not the returned loss; a second call adds to the centres' gradient.
        double weighted = layer.LossAndGradients(z, target, lossWeight: 0.1f, out dz);
        Assert.Equal(expected, weighted);
        DecAssert.Close(DecAssert.ToDouble(gradZ).Select(v => 0.1 * v).ToArray(), dz.AsSpan(), 1e-9, 1e-6, "0.1·∂L/∂z");
        DecAssert.Close(DecAssert.ToDouble(gradMu).Select(v => 1.1 * v).ToArray(), layer.Centers.Gradient.AsSpan(), 1e-9, 1e-6, "1.1·∂L/∂μ");
    }

    [Fact]
    public void Frozen_centres_get_no_gradient()
    {
        var c = DecGoldenCase.Load()[1];
        var layer = new ClusteringLayer(new Tensor(_backend, c.Mu, c.K, c.D), c.Alpha);
        layer.Centers.RequiresGradient = false;
        layer.ZeroGradient();
        layer.LossAndGradients(new Tensor(_backend, c.Z, c.N, c.D), new Tensor(_backend, c.Target.Select(v => (float)v).ToArray(), c.N, c.K),
            1f, out var dz);
        Assert.All(layer.Centers.Gradient.ToArray(), v => Assert.Equal(0f, v));
        Assert.Contains(dz.ToArray(), v => v != 0f);
    }

    [Fact]
    public void The_loss_step_refuses_mismatched_targets()
    {
        var layer = new ClusteringLayer(_backend, 3, 2);
        var z = new Tensor(_backend, 4, 2);
        Assert.Throws<ArgumentException>(() => layer.LossAndGradients(z, new Tensor(_backend, 4, 2), 1f, out _));
        Assert.Throws<ArgumentException>(() => layer.LossAndGradients(z, new Tensor(_backend, 3, 3), 1f, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => layer.LossAndGradients(z, new Tensor(_backend, 4, 3), float.NaN, out _));
    }

    [Fact]
    public void An_encoder_and_the_centres_trained_together_with_sgd_lower_the_loss()
    {
        // DEC's step on a toy problem: a Linear encoder 2 → 2 on three blobs, centres at the blob means, the target P
        // from the whole data set, SGD(0.01, momentum 0.9) as DEC-keras compiles DEC; the encoder and the centres both move.
        var random = new RandomGenerator(13);
        const int n = 90, k = 3, d = 2;
        float[][] means = [[-2f, 0f], [2f, 0f], [0f, 3f]];
        var x = new float[n * d];
        for (int i = 0; i < n; i++)
        {
            x[i * d] = means[i % k][0] + 0.8f * (float)random.NextGaussian();
            x[i * d + 1] = means[i % k][1] + 0.8f * (float)random.NextGaussian();
        }

        var encoder = new Linear(_backend, d, d, random);
        encoder.InputGradientRequired = false;
        var input = new Tensor(_backend, x, n, d);
        var embedding = encoder.Forward(input);
        var layer = new ClusteringLayer(_backend, k, d);
        var centres = new float[k * d];
        for (int i = 0; i < n; i++)
        {
            centres[i % k * d] += embedding.AsSpan()[i * d] / (n / k);
            centres[i % k * d + 1] += embedding.AsSpan()[i * d + 1] / (n / k);
        }

        layer.SetCenters(centres);
        var q = new Tensor(_backend, n, k);
        layer.Assign(embedding, q);
        var target = new Tensor(_backend, n, k);
        TargetDistribution.Compute(q.AsSpan(), k, target.AsSpan());
        var initialWeights = encoder.Weight.Value.ToArray();

        var optimizer = new Sgd(encoder.Parameters().Concat(layer.Parameters()), new SgdOptions { LearningRate = 0.01f, Momentum = 0.9f });
        double first = double.NaN, last = double.NaN;
        for (int step = 0; step < 100; step++)
        {
            optimizer.ZeroGradient();
            var z = encoder.Forward(input);
            last = layer.LossAndGradients(z, target, 1f, out var dz);
            first = step == 0 ? last : first;
            encoder.Backward(dz);
            optimizer.Step();
        }

        Assert.True(last < 0.8 * first, $"100 SGD steps took the loss only from {first} to {last}.");
        Assert.NotEqual(centres, layer.Centers.Value.ToArray());
        Assert.NotEqual(initialWeights, encoder.Weight.Value.ToArray());
    }
}
