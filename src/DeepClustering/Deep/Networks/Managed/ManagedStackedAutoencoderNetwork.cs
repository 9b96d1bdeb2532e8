using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.NN.Layers;

namespace DeepClustering.Networks.Managed;

/// <summary>A <see cref="StackedSparseAutoencoder"/> behind the seam, with its rungs for greedy layer-wise pretraining.</summary>
internal sealed class ManagedStackedAutoencoderNetwork : ManagedAutoencoderNetwork, IStackedAutoencoderNetwork
{
    private readonly StackedSparseAutoencoder _stacked;

    public ManagedStackedAutoencoderNetwork(StackedSparseAutoencoder stacked, IComputeBackend? ownedEngine)
        : base(stacked, ownedEngine)
    {
        _stacked = stacked;
    }

    public int RungCount => _stacked.Layers.Count;

    /// <summary>
    /// The one-hidden-layer autoencoder of rung <paramref name="index"/>, built from the stacked network's own modules,
    /// so training it trains the stack.
    /// </summary>
    public IAutoencoderNetwork Rung(int index, bool logitOutput)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, RungCount);
        var layer = _stacked.Layers[index];
        var backend = _stacked.Backend;
        var encoder = new Sequential(backend, layer.EncoderLinear);
        if (layer.EncoderActivation is not null)
        {
            encoder.Add(layer.EncoderActivation);
        }

        if (layer.Regularizer is not null)
        {
            encoder.Add(layer.Regularizer);
        }

        var decoder = new Sequential(backend, layer.DecoderLinear);
        if (layer.DecoderActivation is not null && !(logitOutput && index > 0))
        {
            decoder.Add(layer.DecoderActivation);
        }

        var rung = new Autoencoder(encoder, decoder, [layer.EncoderLinear.InputFeatures], "sparse-layer", layer.EncoderLinear.OutputFeatures);
        return new RungNetwork(rung, _stacked);
    }

    /// <summary>A rung: training it resets the first layer's input-gradient flag, which the stack gets back on dispose.</summary>
    private sealed class RungNetwork : ManagedAutoencoderNetwork
    {
        public RungNetwork(Autoencoder rung, StackedSparseAutoencoder stack)
            : base(rung, ownedEngine: null)
        {
            _stack = stack;
            _inputGradient = stack.InputGradientRequired;
        }

        private readonly StackedSparseAutoencoder _stack;
        private readonly bool _inputGradient;

        protected override void Dispose(bool disposing)
        {
            _stack.InputGradientRequired = _inputGradient;
            base.Dispose(disposing);
        }
    }
}
