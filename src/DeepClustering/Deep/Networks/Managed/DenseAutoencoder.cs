using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Activations;
using DeepClustering.Tensors.NN.Initialization;
using DeepClustering.Tensors.NN.Layers;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Networks.Managed;

/// <summary>
/// The fully connected autoencoder of DEC and IDEC (Xie et al. 2016; Guo et al. 2017): d-500-500-2000-10 with
/// a mirrored decoder, ReLU between layers, and a linear embedding and output.
/// </summary>
public static class DenseAutoencoder
{
    /// <summary>The hidden widths of DEC's encoder, 500-500-2000.</summary>
    public static IReadOnlyList<int> DecHiddenWidths { get; } = [500, 500, 2000];

    /// <summary>DEC's embedding dimension, 10.</summary>
    public const int DecEmbeddingDimension = 10;

    /// <summary>
    /// Builds an autoencoder with encoder widths <paramref name="inputDimension"/> → hidden… → embedding and the
    /// mirrored decoder. Layers are named <c>encoder.0</c>, <c>encoder.2</c>, … as in a PyTorch Sequential.
    /// </summary>
    /// <param name="backend">Where the tensors live.</param>
    /// <param name="inputDimension">Features per sample (784 for 28×28 images).</param>
    /// <param name="hiddenWidths">Widths of the encoder's hidden layers, outermost first.</param>
    /// <param name="embeddingDimension">Width of the embedding.</param>
    /// <param name="random">The generator that draws the initial weights.</param>
    /// <param name="activation">Creates the activation between layers; ReLU when null.</param>
    /// <param name="initializer">Weight initializer; PyTorch's default when null.</param>
    public static Autoencoder Create(IComputeBackend backend, int inputDimension, IReadOnlyList<int> hiddenWidths,
        int embeddingDimension, RandomGenerator random, Func<IComputeBackend, Module>? activation = null, IInitializer? initializer = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(hiddenWidths);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputDimension);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(embeddingDimension);
        for (int i = 0; i < hiddenWidths.Count; i++)
        {
            if (hiddenWidths[i] <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(hiddenWidths), hiddenWidths[i], $"Hidden width {i} must be positive.");
            }
        }

        activation ??= static b => new ReLU(b);
        var widths = new List<int> { inputDimension };
        widths.AddRange(hiddenWidths);
        widths.Add(embeddingDimension);

        var encoder = new Sequential(backend);
        for (int i = 0; i + 1 < widths.Count; i++)
        {
            encoder.Add(new Linear(backend, widths[i], widths[i + 1], random, weightInitializer: initializer));
            if (i + 2 < widths.Count)
            {
                encoder.Add(activation(backend));
            }
        }

        var decoder = new Sequential(backend);
        for (int i = widths.Count - 1; i > 0; i--)
        {
            decoder.Add(new Linear(backend, widths[i], widths[i - 1], random, weightInitializer: initializer));
            if (i > 1)
            {
                decoder.Add(activation(backend));
            }
        }

        return new Autoencoder(encoder, decoder, [inputDimension], "dense");
    }

    /// <summary>
    /// Builds an autoencoder with encoder widths <paramref name="inputDimension"/> → hidden… → embedding, the mirrored
    /// decoder, and <paramref name="activation"/> between layers (the embedding and the output stay linear).
    /// </summary>
    /// <param name="backend">Where the tensors live.</param>
    /// <param name="inputDimension">Features per sample (784 for 28×28 images).</param>
    /// <param name="hiddenWidths">Widths of the encoder's hidden layers, outermost first.</param>
    /// <param name="embeddingDimension">Width of the embedding.</param>
    /// <param name="random">The generator that draws the initial weights.</param>
    /// <param name="activation">The activation between layers; DEC and IDEC use ReLU.</param>
    /// <param name="initializer">Weight initializer; PyTorch's default when null.</param>
    public static Autoencoder Create(IComputeBackend backend, int inputDimension, IReadOnlyList<int> hiddenWidths,
        int embeddingDimension, RandomGenerator random, HiddenActivation activation, IInitializer? initializer = null)
    {
        var autoencoder = Create(backend, inputDimension, hiddenWidths, embeddingDimension, random, HiddenActivations.Factory(activation, nameof(activation)), initializer);
        return new Autoencoder(autoencoder.Encoder, autoencoder.Decoder, [inputDimension], "dense")
        {
            Architecture = new AutoencoderArchitecture(AutoencoderKind.Dense, [inputDimension], embeddingDimension, [.. hiddenWidths], activation),
        };
    }

    /// <summary>The DEC autoencoder: <paramref name="inputDimension"/>-500-500-2000-10 and back, ReLU.</summary>
    public static Autoencoder CreateDec(IComputeBackend backend, int inputDimension, RandomGenerator random) =>
        Create(backend, inputDimension, DecHiddenWidths, DecEmbeddingDimension, random, HiddenActivation.ReLU);
}
