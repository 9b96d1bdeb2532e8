using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.NN.Regularization;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Networks.Managed;

/// <summary>Builds the library's architectures from the managed engine's layers.</summary>
public static class ManagedArchitectures
{
    /// <summary>Builds a fresh autoencoder of this architecture with weights drawn from <paramref name="random"/>.</summary>
    public static Autoencoder Build(this AutoencoderArchitecture architecture, IComputeBackend backend, RandomGenerator random)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var (kind, inputShape, embeddingDimension, hiddenWidths, activation) =
            (architecture.Kind, architecture.InputShape, architecture.EmbeddingDimension, architecture.HiddenWidths, architecture.Activation);
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(inputShape);
        switch (kind)
        {
            case AutoencoderKind.Convolutional:
            case AutoencoderKind.KwonLee:
                if (inputShape.Length != 3)
                {
                    throw new ArgumentException($"A convolutional autoencoder takes [channels, height, width], got [{string.Join(", ", inputShape)}].", nameof(architecture));
                }

                return kind == AutoencoderKind.Convolutional
                    ? ConvolutionalAutoencoder.Create(backend, inputShape[0], inputShape[1], inputShape[2], embeddingDimension, random, activation)
                    : ConvolutionalAutoencoder.CreateKwonLee(backend, inputShape[0], inputShape[1], inputShape[2], embeddingDimension, random, activation);
            case AutoencoderKind.Dense:
                return DenseAutoencoder.Create(backend, Features(architecture), hiddenWidths, embeddingDimension, random, activation);
            case AutoencoderKind.StackedSparse:
                var sparsity = new KlSparsityOptions
                {
                    TargetActivation = architecture.SparsityTarget ?? KlSparsityOptions.Defaults.TargetActivation,
                    Weight = architecture.SparsityWeight ?? StackedSparseAutoencoder.DssecSparsityWeight,
                };
                return StackedSparseAutoencoder.Create(backend, Features(architecture), hiddenWidths, embeddingDimension, random, sparsity);
            default:
                throw new ArgumentOutOfRangeException(nameof(architecture), kind, "Unknown autoencoder kind.");
        }
    }

    private static int Features(AutoencoderArchitecture architecture) => architecture.InputShape.Length == 1
        ? architecture.InputShape[0]
        : throw new ArgumentException($"A {architecture.Kind} autoencoder takes [features], got [{string.Join(", ", architecture.InputShape)}].", nameof(architecture));
}
