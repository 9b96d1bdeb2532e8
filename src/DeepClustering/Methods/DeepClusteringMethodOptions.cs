using DeepClustering.Networks;
using Microsoft.Extensions.Logging;

namespace DeepClustering.Methods;

/// <summary>
/// What every deep clustering method is configured by: the number of clusters, the autoencoder, its reconstruction
/// pretraining, the initial k-means, the seed and where to run. Each method's options class derives from this one
/// and sets the defaults of its reference recipe in its constructor, citing where each comes from.
/// </summary>
public abstract record DeepClusteringMethodOptions
{
    private protected DeepClusteringMethodOptions()
    {
    }

    /// <summary>The number of clusters k (scikit-learn's and ClustPy's <c>n_clusters</c>).</summary>
    public required int ClusterCount { get; init; }

    /// <summary>The width of the embedding: 10, as DEC, IDEC, DCEC, DEKM and DSSEC use for 10 clusters.</summary>
    public int EmbeddingDimension { get; init; } = 10;

    /// <summary>The autoencoder's family; each method defaults to the one of its paper.</summary>
    public AutoencoderKind Autoencoder { get; init; }

    /// <summary>
    /// The hidden widths of the dense and stacked sparse autoencoders, outermost first; null takes the papers'
    /// d-500-500-2000-(embedding) of DEC, IDEC and DSSEC. Not used by the convolutional kinds.
    /// </summary>
    public IReadOnlyList<int>? HiddenWidths { get; init; }

    /// <summary>The stacked sparse autoencoder: the target mean activation ρ of its KL sparsity penalty; null takes 0.05.</summary>
    public double? SparsityTarget { get; init; }

    /// <summary>The stacked sparse autoencoder: the weight β of its sparsity penalty; null takes DSSEC's 1e-5 (see docs/deep-clustering.md).</summary>
    public double? SparsityWeight { get; init; }

    /// <summary>
    /// The stacked sparse autoencoder: epochs of greedy layer-wise pretraining of each rung before the end-to-end
    /// <see cref="PretrainingEpochs"/>; null takes <see cref="PretrainingEpochs"/>, 0 trains end to end only.
    /// </summary>
    public int? LayerwiseEpochs { get; init; }

    /// <summary>The activation between the autoencoder's layers (the stacked sparse autoencoder always uses sigmoids).</summary>
    public HiddenActivation Activation { get; init; } = HiddenActivation.ReLU;

    /// <summary>
    /// One sample's shape, [channels, height, width], when a convolutional autoencoder is fitted on flat rows (a
    /// <see cref="Data.DataMatrix"/>, <c>float[][]</c> or <c>float[,]</c>); an <see cref="Data.ImageSet"/> brings its own.
    /// </summary>
    public IReadOnlyList<int>? InputShape { get; init; }

    /// <summary>Epochs of reconstruction pretraining; 0 skips it (with <see cref="PretrainedAutoencoder"/>, say).</summary>
    public int PretrainingEpochs { get; init; }

    /// <summary>Samples per pretraining mini-batch: 256, as DEC, IDEC, DCEC, DEKM and DSSEC.</summary>
    public int PretrainingBatchSize { get; init; } = 256;

    /// <summary>The pretraining optimizer; each method defaults to its reference code's.</summary>
    public OptimizerKind PretrainingOptimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>The pretraining step size; null takes the optimizer's default (Adam 1e-3, SGD 1).</summary>
    public float? PretrainingLearningRate { get; init; }

    /// <summary>SGD's pretraining momentum; null takes 0.9. Only for SGD.</summary>
    public float? PretrainingMomentum { get; init; }

    /// <summary>
    /// A trained autoencoder to start from instead of fresh weights (the one of a saved model, for example: DEC-keras'
    /// and IDEC's <c>--ae_weights</c>). Its architecture replaces <see cref="Autoencoder"/>, <see cref="Activation"/> and
    /// <see cref="EmbeddingDimension"/>; it is copied, so it may be disposed after <c>Fit</c>. Pretraining still runs
    /// for <see cref="PretrainingEpochs"/>: set them to 0 to use it as it is.
    /// </summary>
    public IAutoencoderNetwork? PretrainedAutoencoder { get; init; }

    /// <summary>Initialisations of the k-means on the pretrained embedding; each method defaults to its reference code's.</summary>
    public int KMeansInitializationCount { get; init; }

    /// <summary>
    /// The seed of every random choice of the fit: initial weights, batch order, the initial k-means and the
    /// refinement. The same seed gives the same model on the same machine and backend.
    /// </summary>
    public long Seed { get; init; }

    /// <summary>CPU threads of the managed engine and of k-means; 0 uses every core.</summary>
    public int Threads { get; init; }

    /// <summary>
    /// The network backend: null for the managed engine, or TorchSharp's (<c>new TorchSharpNetworkBackend()</c> from
    /// the DeepClustering.TorchSharp package).
    /// </summary>
    public INetworkBackend? Backend { get; init; }

    /// <summary>Where to train: <see cref="ComputeDevice.Auto"/> (CUDA when the backend reports it, else the CPU) by default.</summary>
    public ComputeDevice Device { get; init; } = ComputeDevice.Auto;

    /// <summary>Where the fit logs its phases; null logs nothing.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>Checks every option; throws <see cref="ArgumentOutOfRangeException"/> or <see cref="ArgumentException"/> naming the bad one.</summary>
    public virtual void Validate()
    {
        if (ClusterCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(ClusterCount), ClusterCount, "At least 2 clusters are needed.");
        }

        if (EmbeddingDimension < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(EmbeddingDimension), EmbeddingDimension, "The embedding needs at least one dimension.");
        }

        if (!Enum.IsDefined(Autoencoder))
        {
            throw new ArgumentOutOfRangeException(nameof(Autoencoder), Autoencoder, "Unknown autoencoder kind.");
        }

        if (InputShape is { } shape && (shape.Count != 3 || shape.Any(d => d < 1)))
        {
            throw new ArgumentException($"The input shape must be [channels, height, width] with positive sizes, not [{string.Join(", ", shape)}].", nameof(InputShape));
        }

        if (HiddenWidths is { } widths && (widths.Count == 0 || widths.Any(w => w < 1)))
        {
            throw new ArgumentException($"The hidden widths must be one or more positive widths, not [{string.Join(", ", widths)}].", nameof(HiddenWidths));
        }

        if (PretrainingEpochs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PretrainingEpochs), PretrainingEpochs, "The pretraining epochs cannot be negative.");
        }

        if (LayerwiseEpochs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LayerwiseEpochs), LayerwiseEpochs, "The layer-wise epochs cannot be negative.");
        }

        if (Autoencoder != AutoencoderKind.StackedSparse && PretrainedAutoencoder is null
            && (SparsityTarget is not null || SparsityWeight is not null || LayerwiseEpochs is not null))
        {
            string name = SparsityTarget is not null ? nameof(SparsityTarget) : SparsityWeight is not null ? nameof(SparsityWeight) : nameof(LayerwiseEpochs);
            throw new ArgumentException($"{name} applies to the stacked sparse autoencoder, not to the {Autoencoder} one.", name);
        }

        if (PretrainingBatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PretrainingBatchSize), PretrainingBatchSize, "A mini-batch needs at least one sample.");
        }

        if (PretrainingMomentum is not null && PretrainingOptimizer != OptimizerKind.Sgd)
        {
            throw new ArgumentException($"{nameof(PretrainingMomentum)} applies to SGD, not to {PretrainingOptimizer}.", nameof(PretrainingMomentum));
        }

        if (KMeansInitializationCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(KMeansInitializationCount), KMeansInitializationCount, "k-means needs at least one initialisation.");
        }

        if (Threads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "The thread count must be 0 (every core) or positive.");
        }
    }
}
