using DeepClustering.Networks;

namespace DeepClustering.TorchSharp.Tests;

/// <summary>Small instances of every built-in architecture, by name.</summary>
public static class Architectures
{
    public static TheoryData<string> Names() => new() { "conv", "conv-kwon-lee", "dense", "dense-sigmoid", "sparse" };

    public static AutoencoderArchitecture Get(string name) => name switch
    {
        "conv" => new AutoencoderArchitecture(AutoencoderKind.Convolutional, [1, 28, 28], 10, [], HiddenActivation.ReLU),
        "conv-kwon-lee" => new AutoencoderArchitecture(AutoencoderKind.KwonLee, [1, 28, 28], 10, [], HiddenActivation.ReLU),
        "dense" => new AutoencoderArchitecture(AutoencoderKind.Dense, [20], 3, [16, 8], HiddenActivation.ReLU),
        "dense-sigmoid" => new AutoencoderArchitecture(AutoencoderKind.Dense, [20], 3, [16, 8], HiddenActivation.Sigmoid),
        "sparse" => new AutoencoderArchitecture(AutoencoderKind.StackedSparse, [20], 3, [16, 8], HiddenActivation.Sigmoid, 0.1, 1e-2),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such architecture."),
    };

    /// <summary>Rows in [0, 1] for an architecture's input shape.</summary>
    public static Data.DataMatrix Inputs(AutoencoderArchitecture architecture, int rows, long seed)
    {
        int columns = NetworkInputs.SampleLength(architecture.InputShape);
        var random = new Numerics.Randomness.RandomGenerator(seed);
        return new Data.DataMatrix(Enumerable.Range(0, rows * columns).Select(_ => random.NextSingle()).ToArray(), rows, columns);
    }
}
