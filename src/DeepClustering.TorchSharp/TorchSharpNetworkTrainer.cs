using System.Runtime.InteropServices;
using DeepClustering.Networks;
using DeepClustering.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepClustering.TorchSharp;

/// <summary>
/// Training steps of a <see cref="TorchSharpAutoencoderNetwork"/>: autograd on the device, the head's ∂L/∂z from the host.
/// </summary>
/// <remarks>
/// One step, in one dispose scope: x = the batch's rows of the inputs (moved to the device once, at creation); z = f(x);
/// the head receives z on the host and returns ∂L_h/∂z, which enters the objective as w_h·Σ z ⊙ (∂L_h/∂z) with
/// ∂L_h/∂z held constant, so that autograd's ∂/∂z of that term is exactly w_h·∂L_h/∂z; then w_r·L_r(g(z), x) and the
/// sparsity probes' penalties; one backward pass and one optimizer step (Adam or SGD with momentum, by PyTorch's rules: <see cref="TorchSharpOptimizer"/>).
/// </remarks>
internal sealed class TorchSharpNetworkTrainer : INetworkTrainer
{
    private readonly TorchSharpAutoencoderNetwork _network;
    private readonly Tensor _inputs;
    private readonly NetworkTrainerOptions _options;
    private readonly nn.Module<Tensor, Tensor> _encoder;
    private readonly nn.Module<Tensor, Tensor>? _decoder;
    private readonly TorchSharpOptimizer _optimizer;
    private readonly Scalar _headWeight;
    private readonly Scalar _reconstructionWeight;
    private readonly SparsityPenaltyProbe[] _probes;
    private readonly bool _encoderWasTraining;
    private Tensor? _indexHost;
    private Tensor? _gradientHost;
    private readonly bool _decoderWasTraining;
    private bool _disposed;

    public TorchSharpNetworkTrainer(TorchSharpAutoencoderNetwork network, Tensor inputs, NetworkTrainerOptions options)
    {
        _network = network;
        _inputs = inputs;
        _options = options;
        _encoder = network.Module.Encoder;
        _decoder = options.TrainsDecoder ? network.Module.Decoder : null;
        var parameters = _encoder.parameters().ToList();
        if (_decoder is not null)
        {
            parameters.AddRange(_decoder.parameters());
        }

        _optimizer = new TorchSharpOptimizer(parameters, options.Optimizer, options.LearningRate, options.Momentum, options.AdamEpsilon);
        _headWeight = ((double)options.HeadWeight).ToScalar();
        _reconstructionWeight = ((double)options.ReconstructionWeight).ToScalar();
        _probes = _encoder.modules().OfType<SparsityPenaltyProbe>().ToArray();
        _encoderWasTraining = _encoder.training;
        _decoderWasTraining = network.Module.Decoder.training;
        _encoder.train();
        _decoder?.train();
    }

    public int Rows => checked((int)_inputs.shape[0]);

    public NetworkStepLosses Step(ReadOnlySpan<int> rows, IEmbeddingHead? head = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        NetworkInputs.RequireBatch(rows, Rows);
        if (head is null && _decoder is null)
        {
            throw new InvalidOperationException("Nothing to train on: give a head, or a positive reconstruction weight.");
        }

        EnsureCapacity(rows.Length);
        var indices = MemoryMarshal.Cast<byte, long>(_indexHost!.bytes);
        for (int i = 0; i < rows.Length; i++)
        {
            indices[i] = rows[i];
        }

        using var scope = NewDisposeScope();
        var x = _inputs.index_select(0, OnDevice(_indexHost.narrow(0, 0, rows.Length)));
        _optimizer.ZeroGradients();
        var z = _encoder.forward(x);
        Tensor? objective = null;
        double headLoss = 0;
        if (head is not null)
        {
            // The head reads z and writes ∂L/∂z in host memory that the trainer keeps from step to step: on the CPU z is
            // read in place, and nothing per step is left to the garbage collector.
            var hostEmbeddings = z.detach().cpu().contiguous();
            var embeddings = MemoryMarshal.Cast<byte, float>(hostEmbeddings.bytes);
            var gradient = MemoryMarshal.Cast<byte, float>(_gradientHost!.bytes)[..embeddings.Length];
            gradient.Clear();
            headLoss = head.LossAndGradient(rows, embeddings, gradient);
            var constant = OnDevice(_gradientHost.narrow(0, 0, rows.Length));
            objective = (z * constant).sum() * _headWeight;
        }

        double reconstruction = 0;
        if (_decoder is not null)
        {
            var output = _decoder.forward(z);
            var loss = _options.ReconstructionLoss == ReconstructionLossKind.MeanSquaredError
                ? nn.functional.mse_loss(output, x)
                : nn.functional.binary_cross_entropy_with_logits(output, x);
            reconstruction = loss.item<float>();
            var weighted = loss * _reconstructionWeight;
            objective = objective is null ? weighted : objective + weighted;
        }

        double regularization = 0;
        foreach (var probe in _probes)
        {
            if (probe.TakePenalty() is { } penalty)
            {
                regularization += penalty.item<float>();
                objective = objective! + penalty;
            }
        }

        double total = (_decoder is null ? 0.0 : (double)_options.ReconstructionWeight * reconstruction) + regularization
            + (head is null ? 0.0 : (double)_options.HeadWeight * headLoss);
        var losses = new NetworkStepLosses(reconstruction, regularization, headLoss, total);
        if (double.IsFinite(total))
        {
            objective!.backward();
            _optimizer.Step();
        }

        return losses;
    }

    /// <summary>Makes the host buffers of row indices and of the head's gradient hold at least <paramref name="rows"/> rows.</summary>
    private void EnsureCapacity(int rows)
    {
        if (_indexHost is not null && _indexHost.shape[0] >= rows)
        {
            return;
        }

        _indexHost?.Dispose();
        _gradientHost?.Dispose();
        _indexHost = zeros(rows, dtype: ScalarType.Int64).DetachFromDisposeScope();
        _gradientHost = zeros(rows, _network.EmbeddingDimension).DetachFromDisposeScope();
    }

    /// <summary>A host tensor as the device needs it: itself on the CPU, a copy in the step's scope on a GPU.</summary>
    private Tensor OnDevice(Tensor host) => _network.TorchDevice.type == DeviceType.CPU ? host : host.to(_network.TorchDevice);

    public float[] EmbedAll()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _network.Embed(_inputs);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _encoder.train(_encoderWasTraining);
        _network.Module.Decoder.train(_decoderWasTraining);
        _optimizer.Dispose();
        _headWeight.Dispose();
        _reconstructionWeight.Dispose();
        _inputs.Dispose();
        _indexHost?.Dispose();
        _gradientHost?.Dispose();
    }
}
