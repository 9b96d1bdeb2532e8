using DeepClustering.Tensors.NN.Activations;
using DeepClustering.Tensors.NN.Layers;
using DeepClustering.Tensors.NN.Regularization;

namespace DeepClustering.Networks.Managed;

/// <summary>
/// One rung of a <see cref="StackedSparseAutoencoder"/>: the encoder layer from width k to width k + 1 (with its
/// sigmoid and sparsity penalty when it is a hidden layer) and the decoder layer that mirrors it (with its sigmoid
/// unless it produces the reconstruction). Trained alone, the pair is a one-hidden-layer sparse autoencoder of the
/// previous rung's codes: the unit of greedy layer-wise pretraining.
/// </summary>
internal sealed record StackedSparseLayer(
    Linear EncoderLinear, Sigmoid? EncoderActivation, KlSparsityRegularizer? Regularizer,
    Linear DecoderLinear, Sigmoid? DecoderActivation);
