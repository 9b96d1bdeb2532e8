using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Activations;

namespace DeepClustering.Networks.Managed;

/// <summary>Turns a <see cref="HiddenActivation"/> into the engine's activation layer.</summary>
internal static class HiddenActivations
{
    /// <summary>A factory of fresh activation layers of kind <paramref name="activation"/>.</summary>
    public static Func<IComputeBackend, Module> Factory(HiddenActivation activation, string parameterName) => activation switch
    {
        HiddenActivation.ReLU => static b => new ReLU(b),
        HiddenActivation.Sigmoid => static b => new Sigmoid(b),
        HiddenActivation.LeakyReLU => static b => new LeakyReLU(b),
        HiddenActivation.Tanh => static b => new Tanh(b),
        _ => throw new ArgumentOutOfRangeException(parameterName, activation, "Unknown hidden activation."),
    };
}
