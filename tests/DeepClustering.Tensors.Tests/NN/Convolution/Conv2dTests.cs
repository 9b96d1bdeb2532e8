using DeepClustering.Tensors.Backends.Cpu;
using DeepClustering.Tensors.NN.Convolution;
using DeepClustering.Tensors.Randomness;
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
}
