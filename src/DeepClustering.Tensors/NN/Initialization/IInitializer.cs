using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tensors.NN.Initialization;

/// <summary>Fills a freshly created weight or bias tensor.</summary>
public interface IInitializer
{
    /// <summary>
    /// Fills <paramref name="tensor"/>. <paramref name="fanIn"/> and <paramref name="fanOut"/> are counted as
    /// PyTorch does: for a weight [a, b, kh, kw], fan-in is b·kh·kw and fan-out a·kh·kw.
    /// </summary>
    void Initialize(Tensor tensor, int fanIn, int fanOut, RandomGenerator random);
}
