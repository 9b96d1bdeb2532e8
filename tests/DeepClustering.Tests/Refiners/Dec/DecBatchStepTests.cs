using DeepClustering.Networks;
using DeepClustering.Refiners.Dec;
using DeepClustering.Tensors;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Activations;
using DeepClustering.Tensors.NN.Losses;
using DeepClustering.Tensors.Randomness;

namespace DeepClustering.Tests.Refiners.Dec;

/// <summary>
/// One mini-batch of DEC and IDEC: the gradients it leaves on the encoder, the decoder and the centres are those of
/// KL(P‖Q) (DEC) and of MSE + γ·KL(P‖Q) (IDEC), checked against central finite differences of that total with P fixed.
/// </summary>
public sealed class DecBatchStepTests : IDisposable
{
    // The engine's layer tolerance (tests/DeepClustering.Tensors.Tests/TestSupport/GradientChecker.cs): float32 forward
    // passes with h = 1e-2 give about 5e-5 of noise on a derivative; tanh keeps the truncation term below 1e-4 relative.
    private const double Step = 1e-2;
    private const double Absolute = 3e-4;
    private const double Relative = 3e-3;

    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 1 });

    public void Dispose() => _backend.Dispose();

    [Fact]
    public void Idec_gradients_are_those_of_the_reconstruction_plus_gamma_times_kl()
    {
        const float gamma = 0.5f;
        var (autoencoder, layer, inputs, targets) = Problem();
        var step = new DecBatchStep(autoencoder.Encoder, autoencoder.Decoder, layer, new MeanSquaredErrorLoss(_backend), gamma);
        var mse = new MeanSquaredErrorLoss(_backend);
        double Total()
        {
            var z = autoencoder.Encoder.Forward(inputs);
            double reconstruction = mse.Forward(autoencoder.Decoder.Forward(z), inputs);
            return reconstruction + gamma * Kl(layer, z, targets);
        }

        ZeroGradients(autoencoder, layer);
        var losses = step.Run(inputs, targets);
        Assert.Equal(Total(), losses.Total, 1e-6);
        Assert.Equal(losses.Reconstruction + gamma * losses.Clustering, losses.Total, 1e-12);
        Assert.True(losses.Reconstruction > 0 && losses.Clustering > 0);

        foreach (var (name, parameter) in autoencoder.NamedParameters().Concat(layer.NamedParameters()))
        {
            CheckAgainstDifferences(name, parameter, Total);
        }
    }

    [Fact]
    public void Dec_gradients_are_those_of_kl_alone_and_leave_the_decoder_alone()
    {
        var (autoencoder, layer, inputs, targets) = Problem();
        var step = new DecBatchStep(autoencoder.Encoder, autoencoder.Decoder, layer, reconstructionLoss: null, clusteringLossWeight: 1f);
        double Total() => Kl(layer, autoencoder.Encoder.Forward(inputs), targets);

        ZeroGradients(autoencoder, layer);
        var losses = step.Run(inputs, targets);
        Assert.Equal(Total(), losses.Total, 1e-6);
        Assert.Equal(losses.Clustering, losses.Total);
        Assert.Equal(0.0, losses.Reconstruction);

        foreach (var (name, parameter) in autoencoder.Encoder.NamedParameters().Concat(layer.NamedParameters()))
        {
            CheckAgainstDifferences(name, parameter, Total);
        }

        Assert.All(autoencoder.Decoder.Parameters(), p => Assert.All(p.Gradient.ToArray(), g => Assert.Equal(0f, g)));
    }

    [Fact]
    public void A_reconstruction_loss_needs_a_decoder()
    {
        var (autoencoder, layer, _, _) = Problem();
        Assert.Throws<ArgumentNullException>(() => new DecBatchStep(autoencoder.Encoder, null, layer, new MeanSquaredErrorLoss(_backend), 0.1f));
    }

    /// <summary>A 3-4-2 tanh autoencoder, three centres, six inputs and a random target distribution.</summary>
    private (Autoencoder Autoencoder, ClusteringLayer Layer, Tensor Inputs, Tensor Targets) Problem()
    {
        var random = new RandomGenerator(7);
        var autoencoder = DenseAutoencoder.Create(_backend, 3, [4], 2, random, activation: b => new Tanh(b));
        var layer = new ClusteringLayer(_backend, clusterCount: 3, embeddingDimension: 2);
        layer.SetCenters(Enumerable.Range(0, 6).Select(_ => (float)random.NextGaussian()).ToArray());
        var inputs = new Tensor(_backend, Enumerable.Range(0, 18).Select(_ => (float)random.NextGaussian()).ToArray(), 6, 3);
        var targets = new float[18];
        for (int i = 0; i < 6; i++)
        {
            double a = 0.1 + random.NextDouble(), b = 0.1 + random.NextDouble(), c = 0.1 + random.NextDouble();
            targets[3 * i] = (float)(a / (a + b + c));
            targets[3 * i + 1] = (float)(b / (a + b + c));
            targets[3 * i + 2] = 1f - targets[3 * i] - targets[3 * i + 1];
        }

        return (autoencoder, layer, inputs, new Tensor(_backend, targets, 6, 3));
    }

    /// <summary>KL(P‖Q) of the embeddings, in double from the embeddings and the centres.</summary>
    private static double Kl(ClusteringLayer layer, Tensor embeddings, Tensor targets)
    {
        var embeddingGradient = new float[embeddings.Length];
        var centerGradient = new float[layer.Centers.Value.Length];
        return ClusteringLoss.ValueAndGradients(embeddings.AsSpan(), layer.Centers.Value.AsSpan(), layer.EmbeddingDimension, layer.Alpha,
            targets.AsSpan(), embeddingGradient, centerGradient);
    }

    private static void ZeroGradients(Autoencoder autoencoder, ClusteringLayer layer)
    {
        autoencoder.ZeroGradient();
        layer.ZeroGradient();
    }

    private static void CheckAgainstDifferences(string name, Parameter parameter, Func<double> total)
    {
        var analytic = parameter.Gradient.ToArray();
        var values = parameter.Value.ToArray();
        var numeric = DecAssert.CentralDifferences(values, x =>
        {
            parameter.Value.CopyFrom(x);
            return total();
        }, Step);
        parameter.Value.CopyFrom(values);
        Assert.True(numeric.Max(Math.Abs) > 20 * Absolute, $"{name}: the gradient is too small for the check to see a wrong sign.");
        DecAssert.Close(numeric, analytic, Absolute, Relative, name);
    }
}
