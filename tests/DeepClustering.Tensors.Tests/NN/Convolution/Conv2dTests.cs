using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN.Convolution;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Tensors.Tests.TestSupport;

namespace DeepClustering.Tensors.Tests.NN.Convolution;

public sealed class Conv2dTests : IDisposable
{
    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 2 });

    public void Dispose() => _backend.Dispose();

    /// <summary>Batch, input channels, height, width, output channels, kernel, stride, padding, bias.</summary>
    public static TheoryData<int, int, int, int, int, int, int, int, bool> Geometries => new()
    {
        { 2, 3, 5, 7, 4, 3, 1, 0, true },   // stride 1, no padding, non-square input, several channels
        { 2, 2, 6, 5, 3, 3, 2, 1, true },   // stride 2, padding 1
        { 3, 1, 4, 6, 2, 3, 1, 2, true },   // padding 2: border outputs see mostly zeros; 3 images on 2 threads
        { 2, 3, 7, 6, 2, 2, 2, 0, true },   // even kernel, stride 2 leaves the last input row unused
        { 2, 2, 3, 8, 3, 3, 2, 2, false },  // stride 2 with padding 2, no bias
        { 1, 2, 5, 5, 3, 1, 1, 0, true },   // 1×1 kernel, a single image
        { 2, 2, 3, 4, 2, 2, 1, 2, true },   // padding ≥ kernel: corner outputs lie wholly in the padding
        { 1, 1, 3, 3, 2, 1, 2, 1, true },   // 1×1 kernel, stride 2, padding 1: border outputs see only the bias
    };

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Gradients_match_finite_differences(int n, int cIn, int h, int w, int cOut, int k, int stride, int padding, bool bias)
    {
        var random = new RandomGenerator(n * 1000 + cIn * 100 + h * 10 + w);
        var layer = new Conv2d(_backend, cIn, cOut, k, random, stride, padding, bias);
        var x = TestData.Uniform(_backend, random, -1, 1, n, cIn, h, w);

        var result = GradientChecker.Check(layer, x, GradientTolerance.Layers);

        result.AssertWithin(GradientTolerance.Layers);
        Assert.Equal(bias ? ["input", "weight", "bias"] : ["input", "weight"], result.TensorNames.ToArray());
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Forward_is_pytorch_cross_correlation(int n, int cIn, int h, int w, int cOut, int k, int stride, int padding, bool bias)
    {
        var random = new RandomGenerator(7 + n + h * w);
        var layer = new Conv2d(_backend, cIn, cOut, k, random, stride, padding, bias);
        var x = TestData.Uniform(_backend, random, -1, 1, n, cIn, h, w);
        var xs = x.ToArray();
        var ws = layer.Weight.Value.ToArray();
        var bs = layer.Bias?.Value.ToArray();
        int oh = (h + 2 * padding - k) / stride + 1, ow = (w + 2 * padding - k) / stride + 1;

        var y = layer.Forward(x);

        Assert.Equal([n, cOut, oh, ow], y.Shape.ToArray());
        var ys = y.ToArray();
        for (int b = 0; b < n; b++)
        {
            for (int o = 0; o < cOut; o++)
            {
                for (int i = 0; i < oh; i++)
                {
                    for (int j = 0; j < ow; j++)
                    {
                        double expected = bs?[o] ?? 0;
                        for (int c = 0; c < cIn; c++)
                        {
                            for (int ki = 0; ki < k; ki++)
                            {
                                for (int kj = 0; kj < k; kj++)
                                {
                                    int row = i * stride - padding + ki, column = j * stride - padding + kj;
                                    if (row >= 0 && row < h && column >= 0 && column < w)
                                    {
                                        expected += (double)xs[((b * cIn + c) * h + row) * w + column] * ws[((o * cIn + c) * k + ki) * k + kj];
                                    }
                                }
                            }
                        }

                        Assert.Equal(expected, ys[((b * cOut + o) * oh + i) * ow + j], 1e-5);
                    }
                }
            }
        }
    }

    [Fact]
    public void A_large_batch_split_into_chunks_and_threads_matches_image_by_image_results()
    {
        // 80 images of 2×20×20 with a 3×3 kernel unfold to 7 200 floats each, so a 1 MiB chunk holds 36 images:
        // each of the two threads gets 40 images and works through a chunk of 36 and one of 4.
        const int Images = 80;
        var random = new RandomGenerator(11);
        var layer = new Conv2d(_backend, 2, 3, 3, random, padding: 1);
        var x = TestData.Uniform(_backend, random, -1, 1, Images, 2, 20, 20);
        var dy = TestData.Uniform(_backend, random, -1, 1, Images, 3, 20, 20);
        layer.ZeroGradient();
        var y = layer.Forward(x).ToArray();
        var dx = layer.Backward(dy)!.ToArray();
        var dw = layer.Weight.Gradient.ToArray();
        var db = layer.Bias!.Gradient.ToArray();

        var expectedDw = new double[dw.Length];
        var expectedDb = new double[db.Length];
        int inSize = 2 * 20 * 20, outSize = 3 * 20 * 20;
        for (int i = 0; i < Images; i++)
        {
            var xi = new Tensor(_backend, x.AsSpan().Slice(i * inSize, inSize), 1, 2, 20, 20);
            var dyi = new Tensor(_backend, dy.AsSpan().Slice(i * outSize, outSize), 1, 3, 20, 20);
            layer.ZeroGradient();
            // Outputs and input gradients are computed row by row, so they are bit for bit those of one image alone.
            Assert.Equal(y.AsSpan(i * outSize, outSize).ToArray(), layer.Forward(xi).ToArray());
            Assert.Equal(dx.AsSpan(i * inSize, inSize).ToArray(), layer.Backward(dyi)!.ToArray());
            for (int j = 0; j < dw.Length; j++)
            {
                expectedDw[j] += layer.Weight.Gradient.AsSpan()[j];
            }

            for (int j = 0; j < db.Length; j++)
            {
                expectedDb[j] += layer.Bias.Gradient.AsSpan()[j];
            }
        }

        // Weight and bias gradients sum 32 000 products in another order: float32 rounding of sums of O(100).
        for (int j = 0; j < dw.Length; j++)
        {
            Assert.Equal(expectedDw[j], dw[j], 1e-3);
        }

        for (int j = 0; j < db.Length; j++)
        {
            Assert.Equal(expectedDb[j], db[j], 1e-3);
        }
    }

    [Fact]
    public void Backward_overwrites_after_ZeroGradient_and_adds_otherwise()
    {
        var random = new RandomGenerator(12);
        var layer = new Conv2d(_backend, 2, 3, 3, random, stride: 2, padding: 1);
        var transposed = new ConvTranspose2d(_backend, 2, 3, 3, random, stride: 2, padding: 1, outputPadding: 1);
        foreach (var module in new DeepClustering.Tensors.NN.Module[] { layer, transposed })
        {
            var x = TestData.Uniform(_backend, random, -1, 1, 3, 2, 5, 5);
            var y = module.Forward(x);
            var dy = TestData.Uniform(_backend, random, -1, 1, y.Shape.ToArray());
            var parameters = module.Parameters();
            foreach (var p in parameters)
            {
                p.Gradient.AsSpan().Fill(100f);
            }

            module.ZeroGradient();
            module.Backward(dy);
            var once = parameters.Select(p => p.Gradient.ToArray()).ToList();
            module.Backward(dy);

            // Not bit for bit: the per-thread partial sums are added to the old gradient one after the other,
            // (g + p₀) + p₁ instead of 2·(p₀ + p₁), so the last bit may differ.
            for (int i = 0; i < parameters.Count; i++)
            {
                var twice = parameters[i].Gradient.ToArray();
                for (int j = 0; j < twice.Length; j++)
                {
                    Assert.Equal(2.0 * once[i][j], twice[j], 1e-5 * Math.Max(1, Math.Abs(2.0 * once[i][j])));
                }
            }
        }
    }
}
