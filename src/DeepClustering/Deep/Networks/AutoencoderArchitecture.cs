
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
/// <param name="SparsityWeight">β of the sparse kind's penalty, or null for DSSEC's (<see cref="Managed.StackedSparseAutoencoder.DssecSparsityWeight"/>).</param>
public sealed record AutoencoderArchitecture(
    AutoencoderKind Kind, int[] InputShape, int EmbeddingDimension, int[] HiddenWidths, HiddenActivation Activation,
    double? SparsityTarget = null, double? SparsityWeight = null)
{
}
