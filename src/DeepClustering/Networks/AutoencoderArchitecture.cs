using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.NN.Regularization;
using DeepClustering.Tensors.Randomness;

namespace DeepClustering.Networks;

/// <summary>
/// Everything needed to build one of the built-in autoencoders again: saved in model files so that a model can
/// be loaded without the code that created it.
/// </summary>
/// <param name="Kind">The family.</param>
/// <param name="InputShape">One sample's shape: [channels, height, width] for the convolutional kinds, [features] for the others.</param>
/// <param name="EmbeddingDimension">Width of the embedding.</param>
/// <param name="HiddenWidths">Hidden widths of the dense and sparse kinds (outermost first); empty for the convolutional kinds.</param>
/// <param name="Activation">The activation between layers (the sparse kind always uses sigmoids).</param>
/// <param name="SparsityTarget">ρ of the sparse kind's penalty, or null.</param>
/// <param name="SparsityWeight">β of the sparse kind's penalty, or null for DSSEC's (<see cref="StackedSparseAutoencoder.DssecSparsityWeight"/>).</param>
public sealed record AutoencoderArchitecture(
    AutoencoderKind Kind, int[] InputShape, int EmbeddingDimension, int[] HiddenWidths, HiddenActivation Activation,
    double? SparsityTarget = null, double? SparsityWeight = null)
{
    /// <summary>Builds a fresh autoencoder of this architecture with weights drawn from <paramref name="random"/>.</summary>
    public Autoencoder Build(IComputeBackend backend, RandomGenerator random)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(InputShape);
        switch (Kind)
        {
            case AutoencoderKind.Convolutional:
            case AutoencoderKind.KwonLee:
                if (InputShape.Length != 3)
                {
                    throw new ArgumentException($"A convolutional autoencoder takes [channels, height, width], got [{string.Join(", ", InputShape)}].", nameof(InputShape));
                }

                return Kind == AutoencoderKind.Convolutional
                    ? ConvolutionalAutoencoder.Create(backend, InputShape[0], InputShape[1], InputShape[2], EmbeddingDimension, random, Activation)
                    : ConvolutionalAutoencoder.CreateKwonLee(backend, InputShape[0], InputShape[1], InputShape[2], EmbeddingDimension, random, Activation);
            case AutoencoderKind.Dense:
                return DenseAutoencoder.Create(backend, Features(), HiddenWidths, EmbeddingDimension, random, Activation);
            case AutoencoderKind.StackedSparse:
                var sparsity = new KlSparsityOptions
                {
                    TargetActivation = SparsityTarget ?? KlSparsityOptions.Defaults.TargetActivation,
                    Weight = SparsityWeight ?? StackedSparseAutoencoder.DssecSparsityWeight,
                };
                return StackedSparseAutoencoder.Create(backend, Features(), HiddenWidths, EmbeddingDimension, random, sparsity);
            default:
                throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown autoencoder kind.");
        }
    }

    private int Features() => InputShape.Length == 1
        ? InputShape[0]
        : throw new ArgumentException($"A {Kind} autoencoder takes [features], got [{string.Join(", ", InputShape)}].", nameof(InputShape));
}
