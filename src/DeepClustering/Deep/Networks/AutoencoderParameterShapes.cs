namespace DeepClustering.Networks;

/// <summary>
/// The names and shapes of the parameters that a network built from an <see cref="AutoencoderArchitecture"/> has, on
/// every backend (<c>encoder.0.weight [32, 1, 5, 5]</c>, …), computed from the architecture alone: nothing the size of
/// the network is allocated, so a model file can be checked against its architecture before a network is built.
/// </summary>
/// <remarks>
/// The names follow the layers' positions in the encoder's and decoder's Sequential, as the managed builders
/// (<c>DenseAutoencoder</c>, <c>StackedSparseAutoencoder</c>, <c>ConvolutionalAutoencoder</c>) and the TorchSharp
/// backend lay them out; a test builds every kind and compares.
/// </remarks>
internal static class AutoencoderParameterShapes
{
    /// <summary>The largest size of one input dimension, hidden width or embedding width that an architecture may have.</summary>
    public const int MaximumWidth = 1 << 24;

    /// <summary>The parameters, in the order the network lists them, with their shapes.</summary>
    /// <exception cref="ArgumentException">The architecture cannot be built; the message says why.</exception>
    public static IReadOnlyList<ParameterShape> For(AutoencoderArchitecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        RequireWidth(architecture.EmbeddingDimension, "EmbeddingDimension");
        if (architecture.InputShape is null || architecture.InputShape.Length == 0)
        {
            throw new ArgumentException("The architecture has no input shape.", nameof(architecture));
        }

        for (int i = 0; i < architecture.InputShape.Length; i++)
        {
            RequireWidth(architecture.InputShape[i], $"InputShape[{i}]");
        }

        var hidden = architecture.HiddenWidths ?? [];
        for (int i = 0; i < hidden.Length; i++)
        {
            RequireWidth(hidden[i], $"HiddenWidths[{i}]");
        }

        return architecture.Kind switch
        {
            AutoencoderKind.Dense => Dense(Features(architecture), hidden, architecture.EmbeddingDimension),
            AutoencoderKind.StackedSparse => hidden.Length == 0
                ? throw new ArgumentException("A StackedSparse autoencoder needs at least one hidden width.", nameof(architecture))
                : StackedSparse(Features(architecture), hidden, architecture.EmbeddingDimension),
            AutoencoderKind.Convolutional => Convolutional(Image(architecture), architecture.EmbeddingDimension),
            AutoencoderKind.KwonLee => KwonLee(Image(architecture), architecture.EmbeddingDimension),
            _ => throw new ArgumentException($"'{architecture.Kind}' is no autoencoder kind.", nameof(architecture)),
        };
    }

    private static List<ParameterShape> Dense(int features, int[] hidden, int embedding)
    {
        int[] widths = [features, .. hidden, embedding];
        var shapes = new List<ParameterShape>();
        for (int k = 0; k + 1 < widths.Length; k++)
        {
            Linear(shapes, $"encoder.{2 * k}", widths[k], widths[k + 1]);
        }

        for (int i = widths.Length - 1, position = 0; i > 0; i--, position += 2)
        {
            Linear(shapes, $"decoder.{position}", widths[i], widths[i - 1]);
        }

        return shapes;
    }

    /// <summary>Like <see cref="Dense"/>, but each encoder layer is followed by a sigmoid and a sparsity penalty (three positions).</summary>
    private static List<ParameterShape> StackedSparse(int features, int[] hidden, int embedding)
    {
        int[] widths = [features, .. hidden, embedding];
        var shapes = new List<ParameterShape>();
        for (int k = 0; k + 1 < widths.Length; k++)
        {
            Linear(shapes, $"encoder.{3 * k}", widths[k], widths[k + 1]);
        }

        for (int i = widths.Length - 1, position = 0; i > 0; i--, position += 2)
        {
            Linear(shapes, $"decoder.{position}", widths[i], widths[i - 1]);
        }

        return shapes;
    }

    private static List<ParameterShape> Convolutional((int Channels, int Height, int Width) image, int embedding)
    {
        var g = DcecGeometry.For(image.Height, image.Width);
        const int F1 = DcecGeometry.FirstFilters, F2 = DcecGeometry.SecondFilters, F3 = DcecGeometry.ThirdFilters;
        const int K5 = DcecGeometry.OuterKernel, K3 = DcecGeometry.InnerKernel;
        var shapes = new List<ParameterShape>();
        Convolution(shapes, "encoder.0", F1, image.Channels, K5);
        Convolution(shapes, "encoder.2", F2, F1, K5);
        Convolution(shapes, "encoder.4", F3, F2, K3);
        Linear(shapes, "encoder.7", g.BottleneckLength, embedding);
        Linear(shapes, "decoder.0", embedding, g.BottleneckLength);
        TransposedConvolution(shapes, "decoder.3", F3, F2, K3);
        TransposedConvolution(shapes, "decoder.5", F2, F1, K5);
        TransposedConvolution(shapes, "decoder.7", F1, image.Channels, K5);
        return shapes;
    }

    private static List<ParameterShape> KwonLee((int Channels, int Height, int Width) image, int embedding)
    {
        var g = KwonLeeGeometry.For(image.Height, image.Width);
        const int K = KwonLeeGeometry.Kernel;
        var shapes = new List<ParameterShape>();
        Convolution(shapes, "encoder.0", KwonLeeGeometry.FirstFilters, image.Channels, K);
        Convolution(shapes, "encoder.2", KwonLeeGeometry.SecondFilters, KwonLeeGeometry.FirstFilters, K);
        Convolution(shapes, "encoder.4", KwonLeeGeometry.ThirdFilters, KwonLeeGeometry.SecondFilters, K);
        Linear(shapes, "encoder.7", g.BottleneckLength, embedding);
        Linear(shapes, "decoder.0", embedding, g.BottleneckLength);
        TransposedConvolution(shapes, "decoder.2", KwonLeeGeometry.ThirdFilters, KwonLeeGeometry.FirstDecoderFilters, K);
        TransposedConvolution(shapes, "decoder.4", KwonLeeGeometry.FirstDecoderFilters, KwonLeeGeometry.SecondDecoderFilters, K);
        long output = (long)image.Channels * image.Height * image.Width;
        Linear(shapes, "decoder.7", g.DecodedLength, output <= int.MaxValue
            ? (int)output
            : throw new ArgumentException($"An image of {image.Channels}×{image.Height}×{image.Width} has more than {int.MaxValue} values."));
        return shapes;
    }

    /// <summary>A Linear layer: weight [out, in], bias [out].</summary>
    private static void Linear(List<ParameterShape> shapes, string layer, int inputs, int outputs)
    {
        shapes.Add(new ParameterShape($"{layer}.weight", [outputs, inputs]));
        shapes.Add(new ParameterShape($"{layer}.bias", [outputs]));
    }

    /// <summary>A Conv2d layer: weight [out, in, k, k], bias [out].</summary>
    private static void Convolution(List<ParameterShape> shapes, string layer, int outputs, int inputs, int kernel)
    {
        shapes.Add(new ParameterShape($"{layer}.weight", [outputs, inputs, kernel, kernel]));
        shapes.Add(new ParameterShape($"{layer}.bias", [outputs]));
    }

    /// <summary>A ConvTranspose2d layer: weight [in, out, k, k], bias [out].</summary>
    private static void TransposedConvolution(List<ParameterShape> shapes, string layer, int inputs, int outputs, int kernel)
    {
        shapes.Add(new ParameterShape($"{layer}.weight", [inputs, outputs, kernel, kernel]));
        shapes.Add(new ParameterShape($"{layer}.bias", [outputs]));
    }

    private static int Features(AutoencoderArchitecture architecture) => architecture.InputShape.Length == 1
        ? architecture.InputShape[0]
        : throw new ArgumentException(
            $"A {architecture.Kind} autoencoder takes [features], not an input shape of {architecture.InputShape.Length} dimensions.", nameof(architecture));

    private static (int Channels, int Height, int Width) Image(AutoencoderArchitecture architecture)
    {
        if (architecture.InputShape.Length != 3)
        {
            throw new ArgumentException(
                $"A {architecture.Kind} autoencoder takes [channels, height, width], not an input shape of {architecture.InputShape.Length} dimensions.",
                nameof(architecture));
        }

        if (architecture.HiddenWidths is { Length: > 0 })
        {
            throw new ArgumentException($"A {architecture.Kind} autoencoder has no hidden widths, but {architecture.HiddenWidths.Length} are given.", nameof(architecture));
        }

        long bottleneck = (long)DcecGeometry.ThirdFilters * architecture.InputShape[1] * architecture.InputShape[2];
        if (bottleneck > int.MaxValue)
        {
            throw new ArgumentException(
                $"An image of {architecture.InputShape[1]}×{architecture.InputShape[2]} is too large for the convolutional autoencoder's layer sizes.",
                nameof(architecture));
        }

        return (architecture.InputShape[0], architecture.InputShape[1], architecture.InputShape[2]);
    }

    private static void RequireWidth(int width, string field)
    {
        if (width is < 1 or > MaximumWidth)
        {
            throw new ArgumentException($"{field} is {width}; it must be between 1 and {MaximumWidth}.");
        }
    }
}
