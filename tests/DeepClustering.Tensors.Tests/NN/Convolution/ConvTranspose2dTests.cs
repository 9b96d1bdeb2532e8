using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN.Convolution;
using DeepClustering.Numerics.Randomness;
using DeepClustering.Tensors.Tests.TestSupport;

namespace DeepClustering.Tensors.Tests.NN.Convolution;

public sealed class ConvTranspose2dTests : IDisposable
{
    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 2 });

    public void Dispose() => _backend.Dispose();

    /// <summary>Batch, input channels, height, width, output channels, kernel, stride, padding, output padding, bias.</summary>
    public static TheoryData<int, int, int, int, int, int, int, int, int, bool> Geometries => new()
    {
        { 2, 3, 3, 4, 2, 3, 2, 1, 1, true },   // the decoder's upsampling step: 3×4 → 6×8
        { 2, 2, 4, 3, 3, 3, 1, 0, 0, true },   // stride 1: 4×3 → 6×5
        { 3, 2, 2, 3, 2, 4, 3, 1, 2, true },   // stride 3, output padding 2: 2×3 → 7×10
        { 1, 4, 3, 3, 1, 2, 2, 0, 1, true },   // kernel = stride: the output-padding row and column see only the bias
        { 2, 2, 3, 2, 3, 3, 2, 2, 1, false },  // padding 2, no bias: 3×2 → 4×2
    };

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Gradients_match_finite_differences(int n, int cIn, int h, int w, int cOut, int k, int stride, int padding, int outputPadding, bool bias)
    {
        var random = new RandomGenerator(n * 1000 + cIn * 100 + h * 10 + w);
        var layer = new ConvTranspose2d(_backend, cIn, cOut, k, random, stride, padding, outputPadding, bias);
        var x = TestData.Uniform(_backend, random, -1, 1, n, cIn, h, w);

        var result = GradientChecker.Check(layer, x, GradientTolerance.Layers);

        result.AssertWithin(GradientTolerance.Layers);
        Assert.Equal(bias ? ["input", "weight", "bias"] : ["input", "weight"], result.TensorNames.ToArray());
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Forward_matches_the_pytorch_definition(int n, int cIn, int h, int w, int cOut, int k, int stride, int padding, int outputPadding, bool bias)
    {
        var random = new RandomGenerator(3 + n + h * w);
        var layer = new ConvTranspose2d(_backend, cIn, cOut, k, random, stride, padding, outputPadding, bias);
        var x = TestData.Uniform(_backend, random, -1, 1, n, cIn, h, w);
        var xs = x.ToArray();
        var ws = layer.Weight.Value.ToArray();
        int oh = (h - 1) * stride - 2 * padding + k + outputPadding;
        int ow = (w - 1) * stride - 2 * padding + k + outputPadding;

        // Every input pixel scatters its kernel, weighted by the pixel, onto the output at (i·s − p, j·s − p);
        // weights are [in, out, k, k].
        var expected = new double[n * cOut * oh * ow];
        for (int b = 0; b < n; b++)
        {
            for (int o = 0; o < cOut; o++)
            {
                double bias0 = layer.Bias?.Value.AsSpan()[o] ?? 0;
                expected.AsSpan((b * cOut + o) * oh * ow, oh * ow).Fill(bias0);
                for (int c = 0; c < cIn; c++)
                {
                    for (int i = 0; i < h; i++)
                    {
                        for (int j = 0; j < w; j++)
                        {
                            for (int ki = 0; ki < k; ki++)
                            {
                                for (int kj = 0; kj < k; kj++)
                                {
                                    int row = i * stride - padding + ki, column = j * stride - padding + kj;
                                    if (row >= 0 && row < oh && column >= 0 && column < ow)
                                    {
                                        expected[((b * cOut + o) * oh + row) * ow + column] +=
                                            (double)xs[((b * cIn + c) * h + i) * w + j] * ws[((c * cOut + o) * k + ki) * k + kj];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        var y = layer.Forward(x);

        Assert.Equal([n, cOut, oh, ow], y.Shape.ToArray());
        var ys = y.ToArray();
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], ys[i], 1e-5);
        }
    }
}
