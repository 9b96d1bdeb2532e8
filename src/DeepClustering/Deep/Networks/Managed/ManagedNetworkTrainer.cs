using DeepClustering.Networks;
using DeepClustering.Tensors.NN.Losses;
using DeepClustering.Tensors.NN.Regularization;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.Optimizers;
using DeepClustering.Tensors;

namespace DeepClustering.Networks.Managed;

/// <summary>
/// Training steps of a <see cref="ManagedAutoencoderNetwork"/> with the engine's explicit gradients.
/// </summary>
/// <remarks>
/// One step: z = f(x); the head gives ∂L_h/∂z, scaled by the head weight w_h; with a reconstruction weight w_r &gt; 0,
/// x̂ = g(z), L_r(x̂, x), and g.Backward(w_r·∂L_r/∂x̂) adds the decoder's gradients and returns w_r·∂L_r/∂z, which joins
/// the head's; f.Backward takes the sum, and the sparsity modules inside f add their penalties' gradients on the way.
/// The optimizer holds f's parameters, and g's when the reconstruction is trained.
/// </remarks>
internal sealed class ManagedNetworkTrainer : INetworkTrainer
{
    private readonly ManagedAutoencoderNetwork _network;
    private readonly Tensor _inputs;
    private readonly NetworkTrainerOptions _options;
    private readonly Module _encoder;
    private readonly Module? _decoder;
    private readonly Loss? _reconstructionLoss;
    private readonly Optimizer _optimizer;
    private readonly IReadOnlyList<IActivityRegularizer> _regularizers;
    private readonly int[] _batchShape;
    private readonly Tensor _batch;
    private readonly Tensor _headGradient;
    private readonly bool[] _trainingModes;
    private readonly bool _inputGradient;
    private bool _disposed;

    public ManagedNetworkTrainer(ManagedAutoencoderNetwork network, Tensor inputs, NetworkTrainerOptions options)
    {
        _network = network;
        _inputs = inputs;
        _options = options;
        var autoencoder = network.Autoencoder;
        var backend = autoencoder.Backend;
        _encoder = autoencoder.Encoder;
        _decoder = options.TrainsDecoder ? autoencoder.Decoder : null;
        _reconstructionLoss = _decoder is null ? null
            : options.ReconstructionLoss == ReconstructionLossKind.MeanSquaredError ? new MeanSquaredErrorLoss(backend)
            : new BinaryCrossEntropyWithLogitsLoss(backend);
        var parameters = new List<Parameter>(_encoder.Parameters());
        if (_decoder is not null)
        {
            parameters.AddRange(_decoder.Parameters());
        }

        _optimizer = CreateOptimizer(parameters.Distinct().ToList(), options);
        _regularizers = ActivityRegularization.FindAll(_encoder);
        _batchShape = inputs.Shape.ToArray();
        _batch = new Tensor(backend, _batchShape);
        _headGradient = new Tensor(backend, 1, network.EmbeddingDimension);

        // Training mode (dropout on) while training; EmbedAll switches to evaluation and back. No gradient is needed
        // with respect to the inputs themselves.
        var modules = _decoder is null ? new[] { _encoder } : [_encoder, _decoder];
        _trainingModes = modules.Select(m => m.IsTraining).ToArray();
        foreach (var module in modules)
        {
            module.Train();
        }

        _inputGradient = _encoder.InputGradientRequired;
        _encoder.InputGradientRequired = false;
    }

    public int Rows => _inputs.Size(0);

    public NetworkStepLosses Step(ReadOnlySpan<int> rows, IEmbeddingHead? head = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        NetworkInputs.RequireBatch(rows, Rows);
        if (head is null && _decoder is null)
        {
            throw new InvalidOperationException("Nothing to train on: give a head, or a positive reconstruction weight.");
        }

        var backend = _network.Autoencoder.Backend;
        int count = rows.Length;
        _batchShape[0] = count;
        _batch.Resize(_batchShape);
        backend.GatherRows(_inputs, rows, _batch);

        _optimizer.ZeroGradient();
        var embeddings = _encoder.Forward(_batch);
        double headLoss = 0;
        Tensor? embeddingGradient = null;
        if (head is not null)
        {
            _headGradient.Resize([count, _network.EmbeddingDimension]);
            headLoss = head.LossAndGradient(rows, embeddings.AsSpan(), _headGradient.AsSpan());
            if (_options.HeadWeight != 1f)
            {
                Scale(_headGradient.AsSpan(), _options.HeadWeight);
            }

            embeddingGradient = _headGradient;
        }

        double reconstruction = 0;
        if (_decoder is not null)
        {
            var reconstructions = _decoder.Forward(embeddings);
            reconstruction = _reconstructionLoss!.Forward(reconstructions, _batch);
            var outputGradient = _reconstructionLoss.Backward();
            if (_options.ReconstructionWeight != 1f)
            {
                Scale(outputGradient.AsSpan(), _options.ReconstructionWeight);
            }

            var decoderGradient = _decoder.Backward(outputGradient)
                ?? throw new InvalidOperationException("The decoder returned no input gradient.");
            if (embeddingGradient is null)
            {
                embeddingGradient = decoderGradient;
            }
            else
            {
                backend.AddScaled(1f, decoderGradient, embeddingGradient);
            }
        }

        double regularization = ActivityRegularization.TotalPenalty(_regularizers);
        double total = (_decoder is null ? 0.0 : (double)_options.ReconstructionWeight * reconstruction) + regularization
            + (head is null ? 0.0 : (double)_options.HeadWeight * headLoss);
        var losses = new NetworkStepLosses(reconstruction, regularization, headLoss, total);
        if (!double.IsFinite(total))
        {
            return losses;                                   // the caller names the step; nothing is stepped with a non-finite loss
        }

        _encoder.Backward(embeddingGradient!);
        _optimizer.Step();
        return losses;
    }

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
        _encoder.InputGradientRequired = _inputGradient;
        _encoder.Train(_trainingModes[0]);
        _decoder?.Train(_trainingModes[1]);

        // The training batch's outputs and gradients (about 100 MB for the convolutional autoencoder at batch 256) are
        // not kept by a network whose training is over; embedding allocates the little it needs again.
        _encoder.ReleaseBuffers();
        _decoder?.ReleaseBuffers();
    }

    private static void Scale(Span<float> values, float factor)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] *= factor;
        }
    }

    private static Optimizer CreateOptimizer(IReadOnlyList<Parameter> parameters, NetworkTrainerOptions options) => options.Optimizer switch
    {
        // torch.optim.SGD's momentum (b ← μb + g, θ ← θ − lr·b) takes the same steps as Keras' (v ← μv − lr·g, θ ← θ + v) at a constant lr.
        OptimizerKind.Sgd => new Sgd(parameters, new SgdOptions { LearningRate = options.LearningRate, Momentum = options.Momentum }),
        _ => new Adam(parameters, new AdamOptions { LearningRate = options.LearningRate, Epsilon = options.AdamEpsilon }),
    };
}
