using DeepClustering.Tensors;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Layers;

namespace DeepClustering.Networks.Managed;

/// <summary>
/// An encoder and a decoder trained together to reconstruct their input; the encoder's output is the
/// embedding that clustering works on.
/// </summary>
public class Autoencoder : Module
{
    /// <summary>
    /// Creates an autoencoder from an encoder and a decoder on the same backend. <paramref name="inputShape"/> is
    /// one sample's shape; the embedding width is read from the encoder's last Linear layer unless given.
    /// </summary>
    /// <param name="encoder">Inputs to embeddings.</param>
    /// <param name="decoder">Embeddings to reconstructions.</param>
    /// <param name="inputShape">One sample's shape, without the batch dimension.</param>
    /// <param name="name">A short name for logs and files.</param>
    /// <param name="embeddingDimension">The embedding width, when the encoder does not end in a Linear layer.</param>
    public Autoencoder(Sequential encoder, Sequential decoder, IReadOnlyList<int> inputShape, string name = "custom", int? embeddingDimension = null)
        : base(encoder?.Backend ?? throw new ArgumentNullException(nameof(encoder)))
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(inputShape);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (inputShape.Count == 0 || inputShape.Any(d => d <= 0))
        {
            throw new ArgumentException($"The input shape [{string.Join(", ", inputShape)}] must have positive dimensions.", nameof(inputShape));
        }

        InputShape = inputShape.ToArray();
        Name = name;
        EmbeddingDimension = embeddingDimension
            ?? (encoder.Count > 0 && encoder.Modules[^1] is Linear last
                ? last.OutputFeatures
                : throw new ArgumentException("The encoder does not end in a Linear layer; give the embedding dimension.", nameof(embeddingDimension)));
        if (!ReferenceEquals(encoder.Backend, decoder.Backend))
        {
            throw new ArgumentException("The encoder and the decoder run on different backends.", nameof(decoder));
        }

        Encoder = encoder;
        Decoder = decoder;
        _children = [("encoder", encoder), ("decoder", decoder)];
    }

    private readonly (string Name, Module Module)[] _children;

    /// <summary>A short name, for example <c>conv</c>.</summary>
    public string Name { get; }

    /// <summary>The shape of one input sample, without the batch dimension.</summary>
    public IReadOnlyList<int> InputShape { get; }

    /// <summary>The width of the embedding.</summary>
    public int EmbeddingDimension { get; }

    /// <summary>How to build this autoencoder again (set by the built-in builders; null for a custom composition).</summary>
    public AutoencoderArchitecture? Architecture { get; internal init; }

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
