using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Pipeline;
using DeepClustering.Refiners;
using DeepClustering.Training;

namespace DeepClustering.Methods;

/// <summary>
/// A deep clustering method as an estimator, in the manner of scikit-learn's and ClustPy's <c>DEC(n_clusters=10).fit(X)</c>:
/// construct it with its options, call <c>Fit</c> on images or rows, and get a fitted <see cref="DeepClusteringModel"/>
/// (predict, transform, save, load). Each method assembles a <see cref="DeepClusteringBuilder"/> from its options;
/// use the builder directly to compose a pipeline of one's own. Usable wherever an <see cref="IClusterer"/> is expected.
/// </summary>
public abstract class DeepClusteringMethod : IClusterer, IFixedClusterCount
{
    private protected DeepClusteringMethod(DeepClusteringMethodOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        MethodOptions = options;
    }

    /// <summary>The method's short name, as the CLI's <c>--method</c>: <c>dekm</c>, <c>dec</c>, …</summary>
    public abstract string Name { get; }

    private DeepClusteringMethodOptions MethodOptions { get; }

    /// <inheritdoc />
    public int ClusterCount => MethodOptions.ClusterCount;

    /// <summary>
    /// Fits the method on images (their shape feeds a convolutional autoencoder). <paramref name="progress"/> receives
    /// every phase (<see cref="SynchronousProgress{T}"/> reports on the fitting thread); <paramref name="monitoringLabels"/>,
    /// when given, only add ACC, NMI and ARI to the history and the progress reports.
    /// </summary>
    /// <exception cref="FitCanceledException">
    /// <paramref name="cancellationToken"/> was cancelled (checked between steps). Cancelled during the refinement, its
    /// <see cref="FitCanceledException.PartialModel"/> is the model as of the last completed step, which the catcher
    /// owns; cancelled earlier, it is null.
    /// </exception>
    public DeepClusteringModel Fit(ImageSet images, IProgress<DeepClusteringProgress>? progress = null, int[]? monitoringLabels = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        return FitRows(images.ToDataMatrix(), [images.Channels, images.Height, images.Width], progress, monitoringLabels, cancellationToken);
    }

    /// <summary>Fits the method on the rows of <paramref name="data"/>, one sample per row (see <see cref="DeepClusteringMethodOptions.InputShape"/> for images).</summary>
    public DeepClusteringModel Fit(DataMatrix data, IProgress<DeepClusteringProgress>? progress = null, int[]? monitoringLabels = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        return FitRows(data, MethodOptions.InputShape?.ToArray(), progress, monitoringLabels, cancellationToken);
    }

    /// <summary>Fits the method on rows given as arrays (ragged rows, NaN and ∞ are refused by position).</summary>
    public DeepClusteringModel Fit(float[][] rows, IProgress<DeepClusteringProgress>? progress = null, int[]? monitoringLabels = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Fit(DataMatrix.FromRows(rows), progress, monitoringLabels, cancellationToken);
    }

    /// <summary>Fits the method on the rows of a rectangular array.</summary>
    public DeepClusteringModel Fit(float[,] rows, IProgress<DeepClusteringProgress>? progress = null, int[]? monitoringLabels = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Fit(DataMatrix.FromArray(rows), progress, monitoringLabels, cancellationToken);
    }

    /// <inheritdoc />
    IClusteringModel IClusterer.Fit(DataMatrix data, CancellationToken cancellationToken) => Fit(data, cancellationToken: cancellationToken);

    /// <summary>
    /// The builder this method runs, for a sample of shape <paramref name="imageShape"/> (null for flat rows) and
    /// <paramref name="features"/> values: the way to start from a method's recipe and change one part of it.
    /// </summary>
    public DeepClusteringBuilder ToBuilder(int features, IReadOnlyList<int>? imageShape = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        var o = MethodOptions;
        var kMeans = new KMeansOptions { ClusterCount = o.ClusterCount, InitializationCount = o.KMeansInitializationCount, Threads = o.Threads };
        var builder = new DeepClusteringBuilder()
            .WithClusterer(new KMeans(kMeans))
            .WithNetworkBackend(o.Backend ?? new ManagedNetworkBackend(o.Threads))
            .OnDevice(o.Device, o.Threads)
            .WithSeed(o.Seed);
        if (o.Logger is not null)
        {
            builder.WithLogger(o.Logger);
        }

        AutoencoderKind kind;
        if (o.PretrainedAutoencoder is { } pretrained)
        {
            builder.WithPretrainedEncoder(pretrained);
            kind = pretrained.Architecture?.Kind ?? AutoencoderKind.Dense;
        }
        else
        {
            var architecture = Architecture(features, imageShape?.ToArray());
            builder.WithEncoder(architecture);
            kind = architecture.Kind;
        }

        var pretraining = new AutoencoderTrainingOptions
        {
            Epochs = o.PretrainingEpochs,
            BatchSize = o.PretrainingBatchSize,
            Optimizer = o.PretrainingOptimizer,
            LearningRate = o.PretrainingLearningRate,
            Momentum = o.PretrainingMomentum,
        };
        int layerwiseEpochs = kind == AutoencoderKind.StackedSparse ? o.LayerwiseEpochs ?? o.PretrainingEpochs : 0;
        if (layerwiseEpochs > 0)
        {
            builder.WithLayerwisePretraining(new GreedyLayerwisePretrainingOptions
            {
                LayerTraining = pretraining with { Epochs = layerwiseEpochs },
                FineTuning = pretraining,
                FineTune = o.PretrainingEpochs > 0,
            });
        }
        else if (o.PretrainingEpochs > 0)
        {
            builder.WithPretraining(pretraining);
        }

        if (CreateRefiner(kMeans) is { } refiner)
        {
            builder.WithRefiner(refiner);
        }

        return builder;
    }

    /// <summary>The refiner of the method (null: keep the initial k-means), with the k-means options of the initial clustering.</summary>
    private protected abstract IClusterRefiner? CreateRefiner(KMeansOptions kMeans);

    private DeepClusteringModel FitRows(DataMatrix data, int[]? imageShape, IProgress<DeepClusteringProgress>? progress, int[]? monitoringLabels,
        CancellationToken cancellationToken)
    {
        var builder = ToBuilder(data.Columns, imageShape);
        if (progress is not null)
        {
            builder.WithProgress(progress);
        }

        return builder.Fit(data, monitoringLabels, cancellationToken);
    }

    private AutoencoderArchitecture Architecture(int features, int[]? imageShape)
    {
        var o = MethodOptions;
        switch (o.Autoencoder)
        {
            case AutoencoderKind.Convolutional or AutoencoderKind.KwonLee:
                if (imageShape is null)
                {
                    throw new ArgumentException(
                        $"{Name}'s {o.Autoencoder} autoencoder needs images: fit an ImageSet, or set {nameof(DeepClusteringMethodOptions.InputShape)} to [channels, height, width] (for example [1, 28, 28]) for rows of {features} values.",
                        "data");
                }

                if (imageShape.Aggregate(1, (a, b) => a * b) != features)
                {
                    throw new ArgumentException(
                        $"The input shape [{string.Join(", ", imageShape)}] does not hold the {features} values of a row.", nameof(DeepClusteringMethodOptions.InputShape));
                }

                return new AutoencoderArchitecture(o.Autoencoder, imageShape, o.EmbeddingDimension, [], o.Activation);
            case AutoencoderKind.Dense:
                return new AutoencoderArchitecture(o.Autoencoder, [features], o.EmbeddingDimension, [.. o.HiddenWidths ?? DenseAutoencoder.DecHiddenWidths], o.Activation);
            default:
                return new AutoencoderArchitecture(o.Autoencoder, [features], o.EmbeddingDimension, [.. o.HiddenWidths ?? StackedSparseAutoencoder.DssecHiddenWidths],
                    HiddenActivation.Sigmoid, o.SparsityTarget, o.SparsityWeight);
        }
    }
}
