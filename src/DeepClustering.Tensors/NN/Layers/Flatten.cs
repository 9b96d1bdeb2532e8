using DeepClustering.Tensors.Backends;

namespace DeepClustering.Tensors.NN.Layers;

/// <summary>Flattens each sample: [n, d1, d2, …] to [n, d1·d2·…].</summary>
public sealed class Flatten(IComputeBackend backend) : Reshape(backend);
