using DeepClustering.Tensors;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Layers;

namespace DeepClustering.Networks;

/// <summary>
/// An encoder and a decoder trained together to reconstruct their input; the encoder's output is the
/// embedding that clustering works on.
/// </summary>
public class Autoencoder : Module
{
    /// <summary>Creates an autoencoder from an encoder and a decoder on the same backend.</summary>
    public Autoencoder(Sequential encoder, Sequential decoder)
        : base(encoder?.Backend ?? throw new ArgumentNullException(nameof(encoder)))
    {
        ArgumentNullException.ThrowIfNull(decoder);
        if (!ReferenceEquals(encoder.Backend, decoder.Backend))
        {
            throw new ArgumentException("The encoder and the decoder run on different backends.", nameof(decoder));
        }

        Encoder = encoder;
        Decoder = decoder;
        _children = [("encoder", encoder), ("decoder", decoder)];
    }

    private readonly (string Name, Module Module)[] _children;

    /// <summary>Maps inputs to embeddings.</summary>
    public Sequential Encoder { get; }

    /// <summary>Maps embeddings back to reconstructions of the inputs.</summary>
    public Sequential Decoder { get; }

    /// <summary>The last embedding computed by <see cref="Forward"/> (owned by the encoder).</summary>
    public Tensor? Embedding { get; private set; }

    /// <inheritdoc />
    public override bool InputGradientRequired
    {
        get => Encoder.InputGradientRequired;
        set => Encoder.InputGradientRequired = value;
    }

    /// <summary>Encodes then decodes; returns the reconstruction and keeps the embedding in <see cref="Embedding"/>.</summary>
    public override Tensor Forward(Tensor input)
    {
        Embedding = Encoder.Forward(input);
        return Decoder.Forward(Embedding);
    }

    /// <summary>Back-propagates a reconstruction gradient through the decoder and the encoder.</summary>
    public override Tensor? Backward(Tensor outputGradient)
    {
        var embeddingGradient = Decoder.Backward(outputGradient)
            ?? throw new InvalidOperationException("The decoder returned no input gradient.");
        return Encoder.Backward(embeddingGradient);
    }

    /// <inheritdoc />
    public override IEnumerable<(string Name, Module Module)> NamedChildren() => _children;
}
