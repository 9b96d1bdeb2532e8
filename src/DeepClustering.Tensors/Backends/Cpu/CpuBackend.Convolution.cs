using DeepClustering.Numerics.LinearAlgebra;
using DeepClustering.Numerics.Threading;
using DeepClustering.Tensors.Backends.Cpu.Kernels;

namespace DeepClustering.Tensors.Backends.Cpu;

public sealed partial class CpuBackend
{
    /// <summary>Floats of unfolded patch rows per chunk of images (1 MiB: a chunk stays in a core's L2 cache).</summary>
    private const int ChunkFloats = 1 << 18;

    [ThreadStatic] private static ConvolutionWork? t_convolutionWork;

    /// <inheritdoc />
    public void Conv2dForward(Tensor x, Tensor weight, Tensor? bias, Tensor y, ConvolutionGeometry geometry)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int n = CheckConvolution(x, weight, y, geometry, nameof(x), nameof(y));
        if (bias is not null)
        {
            TensorShape.Require(bias, [geometry.OutputChannels], nameof(bias));
        }

        var work = t_convolutionWork ??= new ConvolutionWork();
        work.Start(ConvolutionWork.Mode.Forward, geometry, n, _pool.ThreadCount, x.Data, weight.Data, bias?.Data, y.Data);
        _pool.Run(work, work.Parts);
        work.Finish();
    }

    /// <inheritdoc />
    public void Conv2dBackwardData(Tensor dy, Tensor weight, Tensor dx, ConvolutionGeometry geometry)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int n = CheckConvolution(dx, weight, dy, geometry, nameof(dx), nameof(dy));
        var work = t_convolutionWork ??= new ConvolutionWork();
        work.Start(ConvolutionWork.Mode.BackwardData, geometry, n, _pool.ThreadCount, dx.Data, weight.Data, null, dy.Data);
        _pool.Run(work, work.Parts);
        work.Finish();
    }

    /// <inheritdoc />
    public void Conv2dBackwardWeight(Tensor dy, Tensor x, Tensor dWeight, ConvolutionGeometry geometry, bool accumulate)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int n = CheckConvolution(x, dWeight, dy, geometry, nameof(x), nameof(dy));
        var work = t_convolutionWork ??= new ConvolutionWork();
        work.Start(ConvolutionWork.Mode.BackwardWeight, geometry, n, _pool.ThreadCount, x.Data, dWeight.Data, null, dy.Data);
        _pool.Run(work, work.Parts);
        work.ReduceWeightGradient(dWeight.Data.AsSpan(0, dWeight.Length), accumulate);
        work.Finish();
    }

    /// <inheritdoc />
    public void AddChannelBias(Tensor y, Tensor bias)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int channels = y.Size(1);
        TensorShape.Require(bias, [channels], nameof(bias));
        int n = y.Size(0);
        int area = y.Length / (n * channels);
        var data = y.AsSpan();
        var b = bias.AsSpan();
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < channels; c++)
            {
                var plane = data.Slice((i * channels + c) * area, area);
                System.Numerics.Tensors.TensorPrimitives.Add(plane, b[c], plane);
            }
        }
    }

    /// <inheritdoc />
    public void ChannelSum(Tensor dy, Tensor dBias, bool accumulate)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int channels = dy.Size(1);
        TensorShape.Require(dBias, [channels], nameof(dBias));
        int n = dy.Size(0);
        int area = dy.Length / (n * channels);
        var data = dy.AsSpan();
        var db = dBias.AsSpan();
        if (area == 1)
        {
            ElementwiseKernels.SumRows(dy.Data, n, channels, dBias.Data, accumulate);
            return;
        }

        for (int c = 0; c < channels; c++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += System.Numerics.Tensors.TensorPrimitives.Sum(data.Slice((i * channels + c) * area, area));
            }

            db[c] = accumulate ? db[c] + (float)sum : (float)sum;
        }
    }

    private static int CheckConvolution(Tensor input, Tensor weight, Tensor output, in ConvolutionGeometry g, string inputName, string outputName)
    {
        g.Validate();
        if (input.Rank != 4)
        {
            throw new ArgumentException($"Expected an NCHW tensor but got shape {TensorShape.Format(input.Shape)}.", inputName);
        }

        int n = input.Size(0);
        TensorShape.Require(input, [n, g.InputChannels, g.InputHeight, g.InputWidth], inputName);
        TensorShape.Require(weight, [g.OutputChannels, g.InputChannels, g.KernelHeight, g.KernelWidth], "weight");
        TensorShape.Require(output, [n, g.OutputChannels, g.OutputHeight, g.OutputWidth], outputName);
        return n;
    }

    /// <summary>
    /// One convolution pass split over the images of the batch: each part unfolds chunks of its images into
    /// patch rows and multiplies them with the weights on its own thread. Weight gradients are summed per part
    /// and reduced in part order, so results do not depend on thread timing.
    /// </summary>
    private sealed unsafe class ConvolutionWork : IParallelWork
    {
        [ThreadStatic] private static float[]? t_rows;
        [ThreadStatic] private static float[]? t_outputRows;

        private float[][] _partialWeights = [];
        private Mode _mode;
        private ConvolutionGeometry _g;
        private int _images;
        private float[]? _input, _weight, _bias, _output;

        public enum Mode
        {
            Forward,
            BackwardData,
            BackwardWeight,
        }

        public int Parts { get; private set; }

        public void Start(Mode mode, in ConvolutionGeometry g, int images, int threads, float[] input, float[] weight, float[]? bias, float[] output)
        {
            (_mode, _g, _images, _input, _weight, _bias, _output) = (mode, g, images, input, weight, bias, output);
            Parts = Math.Min(threads, images);
            if (mode == Mode.BackwardWeight)
            {
                int size = g.OutputChannels * g.PatchSize;
                if (_partialWeights.Length < Parts)
                {
                    Array.Resize(ref _partialWeights, Parts);
                }

                for (int p = 0; p < Parts; p++)
                {
                    if (_partialWeights[p] is null || _partialWeights[p].Length < size)
                    {
                        _partialWeights[p] = new float[size];
                    }
                }
            }
        }

        public void Finish()
        {
            _input = _weight = _bias = _output = null;
        }

        public void ReduceWeightGradient(Span<float> destination, bool accumulate)
        {
            for (int p = 0; p < Parts; p++)
            {
                var partial = _partialWeights[p].AsSpan(0, destination.Length);
                if (p == 0 && !accumulate)
                {
                    partial.CopyTo(destination);
                }
                else
                {
                    System.Numerics.Tensors.TensorPrimitives.Add(destination, partial, destination);
                }
            }
        }

        public void Execute(int part)
        {
            int first = (int)((long)_images * part / Parts);
            int end = (int)((long)_images * (part + 1) / Parts);
            int area = _g.OutputArea, patch = _g.PatchSize, outChannels = _g.OutputChannels;
            int perChunk = Math.Clamp(ChunkFloats / (area * Math.Max(patch, outChannels)), 1, Math.Max(1, end - first));
            float[] rows = Scratch(ref t_rows, perChunk * area * patch + Im2Row.RowSlack);
            float[] outputRows = Scratch(ref t_outputRows, perChunk * area * outChannels);
            float[]? partial = _mode == Mode.BackwardWeight ? _partialWeights[part] : null;
            partial?.AsSpan(0, outChannels * patch).Clear();

            for (int n0 = first; n0 < end; n0 += perChunk)
            {
                int count = Math.Min(perChunk, end - n0);
                int rowCount = count * area;
                switch (_mode)
                {
                    case Mode.Forward:
                        UnfoldImages(n0, count, rows);
                        fixed (float* pr = rows, pw = _weight, po = outputRows)
                        {
                            SingleGemm.Multiply(false, true, rowCount, outChannels, patch, 1f, pr, patch, pw, patch, 0f, po, outChannels);
                        }

                        ScatterOutputs(n0, count, outputRows);
                        break;

                    case Mode.BackwardData:
                        GatherOutputs(n0, count, outputRows);
                        fixed (float* pr = rows, pw = _weight, po = outputRows)
                        {
                            SingleGemm.Multiply(false, false, rowCount, patch, outChannels, 1f, po, outChannels, pw, patch, 0f, pr, patch);
                        }

                        FoldImages(n0, count, rows);
                        break;

                    case Mode.BackwardWeight:
                        UnfoldImages(n0, count, rows);
                        GatherOutputs(n0, count, outputRows);
                        fixed (float* pr = rows, pp = partial, po = outputRows)
                        {
                            SingleGemm.Multiply(true, false, outChannels, patch, rowCount, 1f, po, outChannels, pr, patch, 1f, pp, patch);
                        }

                        break;
                }
            }
        }

        private void UnfoldImages(int n0, int count, float[] rows)
        {
            int imageSize = _g.InputChannels * _g.InputArea;
            int rowsPerImage = _g.OutputArea * _g.PatchSize;
            for (int i = 0; i < count; i++)
            {
                Im2Row.Unfold(_input.AsSpan((n0 + i) * imageSize, imageSize), rows.AsSpan(i * rowsPerImage), _g);
            }
        }

        private void FoldImages(int n0, int count, float[] rows)
        {
            int imageSize = _g.InputChannels * _g.InputArea;
            int rowsPerImage = _g.OutputArea * _g.PatchSize;
            for (int i = 0; i < count; i++)
            {
                var image = _input.AsSpan((n0 + i) * imageSize, imageSize);
                image.Clear();
                Im2Row.FoldAdd(rows.AsSpan(i * rowsPerImage), image, _g);
            }
        }

        /// <summary>Transposes [area, cOut] rows per image into the NCHW output, adding the bias.</summary>
        private void ScatterOutputs(int n0, int count, float[] outputRows)
        {
            int area = _g.OutputArea, channels = _g.OutputChannels;
            for (int i = 0; i < count; i++)
            {
                var src = outputRows.AsSpan(i * area * channels, area * channels);
                var dst = _output.AsSpan((n0 + i) * area * channels, area * channels);
                for (int c = 0; c < channels; c++)
                {
                    float b = _bias is null ? 0f : _bias[c];
                    var plane = dst.Slice(c * area, area);
                    for (int s = 0; s < area; s++)
                    {
                        plane[s] = src[s * channels + c] + b;
                    }
                }
            }
        }

        /// <summary>Transposes the NCHW output gradient of each image into [area, cOut] rows.</summary>
        private void GatherOutputs(int n0, int count, float[] outputRows)
        {
            int area = _g.OutputArea, channels = _g.OutputChannels;
            for (int i = 0; i < count; i++)
            {
                var src = _output.AsSpan((n0 + i) * area * channels, area * channels);
                var dst = outputRows.AsSpan(i * area * channels, area * channels);
                for (int c = 0; c < channels; c++)
                {
                    var plane = src.Slice(c * area, area);
                    for (int s = 0; s < area; s++)
                    {
                        dst[s * channels + c] = plane[s];
                    }
                }
            }
        }

        private static float[] Scratch(ref float[]? buffer, int size)
        {
            if (buffer is null || buffer.Length < size)
            {
                buffer = new float[size];
            }

            return buffer;
        }
    }
}
