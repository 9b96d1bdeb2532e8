using DeepClustering.Networks;
using DeepClustering.Networks.Managed;
using DeepClustering.Tensors;
using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Activations;
using DeepClustering.Tensors.NN.Layers;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Tensors.Tests.TestSupport;

namespace DeepClustering.Tests.Networks;

public sealed class ConvolutionalAutoencoderTests : IDisposable
{
    /// <summary>
    /// The tolerance of a whole convolutional autoencoder's check: step 1e-2, |a − n| ≤ 1e-3 + 1e-2·|n|. Its scalar
    /// sums 512 outputs, every one of which a first-layer weight moves, each after eight layers of float32 sums over
    /// fan-ins up to 1,600: the central difference carries about 5e-4 of rounding noise at this step (measured on
    /// the DCEC check: 5e-4 at h = 1e-2, 2.5e-3 at h = 1e-3, shrinking as 1/h), where a single layer's carries
    /// 5e-5. Absolute 1e-3 is twice that noise, relative 1e-2 covers the tanh curvature through eight layers. The
    /// largest derivative of each tensor of the DCEC check is between 0.85 and 32 (the checker refuses a tensor whose
    /// largest is under 0.02), so a wrong sign (error 2|n|) or a misplaced gradient fails by far.
    /// </summary>
    private static readonly GradientTolerance NetworkTolerance = new(1e-2, 1e-3, 1e-2);

    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 2 });

    public void Dispose() => _backend.Dispose();

    [Theory]
    // height, width, bottleneck values (128 · rows · columns): 28 → 14 → 7 → 3 (valid); 32 → 16 → 8 → 4 (same);
    // 20 → 10 → 5 → 2; 8 → 4 → 2 → 1 (same); 9 → 5 → 3 → 1; 36 → 18 → 9 → 4; 28×36: 3×4.
    [InlineData(28, 28, 1152)]
    [InlineData(32, 32, 2048)]
    [InlineData(20, 20, 512)]
    [InlineData(8, 8, 128)]
    [InlineData(9, 9, 128)]
    [InlineData(36, 36, 2048)]
    [InlineData(28, 36, 1536)]
    public void Dcec_autoencoder_restores_each_image_size_through_the_computed_bottleneck(int height, int width, int bottleneck)
    {
        var model = ConvolutionalAutoencoder.Create(_backend, 2, height, width, 5, new RandomGenerator(1));
        var y = model.Forward(new Tensor(_backend, 3, 2, height, width));
        Assert.Equal([3, 2, height, width], y.Shape.ToArray());
        Assert.Equal([3, 5], model.Embedding!.Shape.ToArray());
        Assert.Equal(bottleneck, Assert.IsType<Linear>(model.Encoder.Modules[^1]).InputFeatures);
    }

    [Fact]
    public void Dcec_geometry_of_28_is_the_published_one_and_every_size_from_8_to_96_is_restored()
    {
        // 28 → 14 → 7 → 3 (valid); back 3 → 7 (output padding 0) → 14 (1) → 28 (1), as the hand-written DCEC port had.
        Assert.Equal(new DcecGeometry(28, 28, 3, 3, 0, 0, 1, 1), DcecGeometry.For(28, 28));
        for (int size = DcecGeometry.MinimumSize; size <= 96; size++)
        {
            var g = DcecGeometry.For(size, size);
            int first = ConvolutionArithmetic.ConvolutionOutput(size, 5, 2, 2);
            int second = ConvolutionArithmetic.ConvolutionOutput(first, 5, 2, 2);
            Assert.Equal(ConvolutionArithmetic.ConvolutionOutput(second, 3, 2, g.ThirdPadding), g.BottleneckHeight);
            Assert.True(g.BottleneckHeight >= 1);
            Assert.Equal(second, ConvolutionArithmetic.TransposedConvolutionOutput(g.BottleneckHeight, 3, 2, g.ThirdPadding, g.ThirdOutputPadding));
            Assert.Equal(first, ConvolutionArithmetic.TransposedConvolutionOutput(second, 5, 2, 2, g.SecondOutputPadding));
            Assert.Equal(size, ConvolutionArithmetic.TransposedConvolutionOutput(first, 5, 2, 2, g.FirstOutputPadding));
            Assert.All(new[] { g.ThirdOutputPadding, g.SecondOutputPadding, g.FirstOutputPadding }, p => Assert.InRange(p, 0, 1));
            // DCEC's Keras code sizes its dense layer by ⌊size / 8⌋.
            Assert.Equal(size / 8, g.BottleneckHeight);
        }

        Assert.Equal(new KwonLeeGeometry(28, 28, 3, 3, 5, 5), KwonLeeGeometry.For(28, 28));
    }

    [Fact]
    public void Dcec_parameter_counts_match_the_hand_count()
    {
        // 28×28×1, embedding 10: conv 1·32·25+32 = 832, 32·64·25+64 = 51,264, 64·128·9+128 = 73,856; linear
        // 1152·10+10 = 11,530 and 10·1152+1152 = 12,672; transposed 128·64·9+64 = 73,792, 64·32·25+32 = 51,232,
        // 32·1·25+1 = 801: 275,979.
        Assert.Equal(275_979, Count(ConvolutionalAutoencoder.Create(_backend, 1, 10, new RandomGenerator(1))));
        // 32×32×3: conv 3·32·25+32 = 2,432; bottleneck 4·4·128 = 2048: linear 20,490 and 22,528; last transposed
        // 32·3·25+3 = 2,403; the others as above: 297,997.
        Assert.Equal(297_997, Count(ConvolutionalAutoencoder.Create(_backend, 3, 32, 32, 10, new RandomGenerator(1))));
    }

    [Fact]
    public void The_28x28_overload_builds_the_same_network_as_the_sized_one()
    {
        var legacy = ConvolutionalAutoencoder.Create(_backend, 1, 10, new RandomGenerator(4));
        var sized = ConvolutionalAutoencoder.Create(_backend, 1, 28, 28, 10, new RandomGenerator(4), HiddenActivation.ReLU);
        Assert.Equal(legacy.NamedParameters().Select(p => p.Name), sized.NamedParameters().Select(p => p.Name));
        Assert.Equal(legacy.Parameters().SelectMany(p => p.Value.ToArray()), sized.Parameters().SelectMany(p => p.Value.ToArray()));
    }

    [Theory]
    [InlineData(28, 28, 1152, 800)]   // Table 1: 3×3×128 and 5×5×32
    [InlineData(9, 9, 128, 32)]       // 9 → 5 → 3 → 1; 1 → 1 → 1
    [InlineData(32, 32, 1152, 800)]   // 32 → 16 → 8 → 3; 3 → 5 → 5
    [InlineData(28, 20, 768, 480)]    // height as 28; width 20 → 10 → 5 → 2, 2 → 3 → 3
    public void Kwon_Lee_autoencoder_restores_each_image_size(int height, int width, int bottleneck, int decoded)
    {
        var model = ConvolutionalAutoencoder.CreateKwonLee(_backend, 1, height, width, 10, new RandomGenerator(1));
        var y = model.Forward(new Tensor(_backend, 2, 1, height, width));
        Assert.Equal([2, 1, height, width], y.Shape.ToArray());
        Assert.Equal([2, 10], model.Embedding!.Shape.ToArray());
        Assert.Equal(bottleneck, Assert.IsType<Linear>(model.Encoder.Modules[^1]).InputFeatures);
        var output = model.Decoder.Modules.OfType<Linear>().Last();
        Assert.Equal((decoded, height * width), (output.InputFeatures, output.OutputFeatures));
    }

    [Fact]
    public void Kwon_Lee_autoencoder_has_the_layers_of_table_1()
    {
        var model = ConvolutionalAutoencoder.CreateKwonLee(_backend, 1, 28, 28, 10, new RandomGenerator(1));
        var shapes = model.NamedParameters().Where(p => p.Name.EndsWith(".weight", StringComparison.Ordinal))
            .Select(p => $"{p.Name}:{TensorShape.Format(p.Parameter.Value.Shape)}").ToArray();
        Assert.Equal(
        [
            "encoder.0.weight:[32, 1, 5, 5]", "encoder.2.weight:[64, 32, 5, 5]", "encoder.4.weight:[128, 64, 5, 5]",
            "encoder.7.weight:[10, 1152]",
            "decoder.0.weight:[1152, 10]", "decoder.2.weight:[128, 64, 5, 5]", "decoder.4.weight:[64, 32, 5, 5]",
            "decoder.7.weight:[784, 800]",
        ], shapes);
        // No activation after either fully connected layer; one after each convolution.
        Assert.IsType<Reshape>(model.Decoder.Modules[1]);
        Assert.Equal(3, model.Encoder.Modules.OfType<ReLU>().Count());
        Assert.Equal(2, model.Decoder.Modules.OfType<ReLU>().Count());
        // conv 832 + 51,264 + 64·128·25+128 = 204,928; linear 11,530 and 12,672; transposed 128·64·25+64 = 204,864
        // and 64·32·25+32 = 51,232; linear 800·784+784 = 627,984: 1,165,306.
        Assert.Equal(1_165_306, Count(model));
    }

    [Theory]
    [InlineData(HiddenActivation.ReLU, typeof(ReLU))]
    [InlineData(HiddenActivation.Sigmoid, typeof(Sigmoid))]
    [InlineData(HiddenActivation.LeakyReLU, typeof(LeakyReLU))]
    [InlineData(HiddenActivation.Tanh, typeof(Tanh))]
    public void The_chosen_activation_sits_between_the_layers_of_both_builders(HiddenActivation activation, Type expected)
    {
        var dcec = ConvolutionalAutoencoder.Create(_backend, 1, 28, 28, 10, new RandomGenerator(1), activation);
        var kwonLee = ConvolutionalAutoencoder.CreateKwonLee(_backend, 1, 28, 28, 10, new RandomGenerator(1), activation);
        Assert.Equal(6, Activations(dcec).Count(m => m.GetType() == expected));
        Assert.Equal(5, Activations(kwonLee).Count(m => m.GetType() == expected));
        Assert.All(Activations(dcec).Concat(Activations(kwonLee)), m => Assert.IsType(expected, m));
    }

    [Theory]
    [InlineData(7, 28, "height")]
    [InlineData(28, 5, "width")]
    public void Images_too_small_are_refused_naming_the_side(int height, int width, string side)
    {
        var dcec = Assert.Throws<ArgumentOutOfRangeException>(() => ConvolutionalAutoencoder.Create(_backend, 1, height, width, 10, new RandomGenerator(1)));
        Assert.Equal(side, dcec.ParamName);
        Assert.Contains("at least 8×8", dcec.Message, StringComparison.Ordinal);
        var kwonLee = Assert.Throws<ArgumentOutOfRangeException>(() => ConvolutionalAutoencoder.CreateKwonLee(_backend, 1, height, width, 10, new RandomGenerator(1)));
        Assert.Equal(side, kwonLee.ParamName);
        Assert.Contains("at least 9×9", kwonLee.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(28, 27)]   // the last transposed convolution needs output padding 1 in height, 0 in width
    [InlineData(32, 28)]   // the 3×3 convolution is "same" for 32, "valid" for 28
    public void Dcec_refuses_sizes_whose_height_and_width_need_different_paddings(int height, int width)
    {
        var error = Assert.Throws<ArgumentException>(() => ConvolutionalAutoencoder.Create(_backend, 1, height, width, 10, new RandomGenerator(1)));
        Assert.Contains($"{height}×{width}", error.Message, StringComparison.Ordinal);
        Assert.Contains("modulo 8", error.Message, StringComparison.Ordinal);
        // Table 1's variant needs no output padding, so it takes them.
        var model = ConvolutionalAutoencoder.CreateKwonLee(_backend, 1, height, width, 10, new RandomGenerator(1));
        Assert.Equal([1, 1, height, width], model.Forward(new Tensor(_backend, 1, 1, height, width)).Shape.ToArray());
    }

    [Fact]
    public void An_unknown_activation_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ConvolutionalAutoencoder.Create(_backend, 1, 28, 28, 10, new RandomGenerator(1), (HiddenActivation)42));
        Assert.Equal("activation", error.ParamName);
    }

    [Fact]
    public void Dcec_gradients_match_finite_differences_on_a_small_instance()
    {
        // 16×16 images (16 → 8 → 4 → 2 and back) with tanh, which has no kink for the differences to cross; a
        // sample of every tensor's entries, as the layers hold 10⁵ weights.
        var random = new RandomGenerator(3);
        var model = ConvolutionalAutoencoder.Create(_backend, 1, 16, 16, 3, random, HiddenActivation.Tanh);
        var x = TestData.Uniform(_backend, random, 0, 1, 2, 1, 16, 16);
        var result = RegularizedGradientChecker.Check(Amplified(model), x, NetworkTolerance, entriesPerTensor: 12);
        result.AssertWithin(NetworkTolerance);
        Assert.Equal(17, result.TensorNames.Count());   // the input and 16 weights and biases
    }

    [Fact]
    public void Kwon_Lee_gradients_match_finite_differences_on_a_small_instance()
    {
        // 17×17 images: 17 → 9 → 5 → 2, then 2 → 3 → 3 and a linear layer from 3×3×32 back to 17×17.
        var random = new RandomGenerator(4);
        var model = ConvolutionalAutoencoder.CreateKwonLee(_backend, 1, 17, 17, 3, random, HiddenActivation.Tanh);
        var x = TestData.Uniform(_backend, random, 0, 1, 2, 1, 17, 17);
        var result = RegularizedGradientChecker.Check(Amplified(model), x, NetworkTolerance, entriesPerTensor: 12);
        result.AssertWithin(NetworkTolerance);
        Assert.Equal(17, result.TensorNames.Count());
    }

    /// <summary>
    /// Doubles every weight. PyTorch's default initialisation shrinks a signal by about √3 per tanh layer, so after
    /// eight layers the derivatives would be too small for a gradient check to see a wrong sign; doubled weights
    /// keep them O(0.1 … 1).
    /// </summary>
    private static Autoencoder Amplified(Autoencoder model)
    {
        foreach (var (name, parameter) in model.NamedParameters())
        {
            if (name.EndsWith(".weight", StringComparison.Ordinal))
            {
                var values = parameter.Value.AsSpan();
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] *= 2;
                }
            }
        }

        return model;
    }

    private static int Count(Module model) => model.Parameters().Sum(p => p.Value.Length);

    private static IEnumerable<Module> Activations(Autoencoder model) =>
        model.Encoder.Modules.Concat(model.Decoder.Modules).Where(m => m is ElementwiseActivation);
}
