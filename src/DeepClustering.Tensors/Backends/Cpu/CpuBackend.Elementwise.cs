using DeepClustering.Numerics.LinearAlgebra;
using DeepClustering.Numerics.Threading;
using DeepClustering.Tensors.Backends.Cpu.Kernels;
using DeepClustering.Numerics.Randomness;
using static System.Numerics.Tensors.TensorPrimitives;

namespace DeepClustering.Tensors.Backends.Cpu;

public sealed partial class CpuBackend
{
    /// <summary>Below this many elements an optimizer step runs on one thread.</summary>
    private const int ParallelElementThreshold = 1 << 16;

    [ThreadStatic] private static AdamWork? t_adamWork;
    [ThreadStatic] private static SgdWork? t_sgdWork;

    /// <inheritdoc />
    public void Relu(Tensor x, Tensor y)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        TensorShape.RequireSame(x, y, nameof(y));
        Max(x.AsSpan(), 0f, y.AsSpan());
    }

    /// <inheritdoc />
    public void ReluBackward(Tensor y, Tensor dy, Tensor dx)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        TensorShape.RequireSame(y, dy, nameof(dy));
        TensorShape.RequireSame(y, dx, nameof(dx));
        ElementwiseKernels.GatePositive(y.AsSpan(), dy.AsSpan(), dx.AsSpan(), 0f);
    }

    /// <inheritdoc />
    public void LeakyRelu(Tensor x, float slope, Tensor y)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        TensorShape.RequireSame(x, y, nameof(y));
        var src = x.AsSpan();
        var dst = y.AsSpan();
        for (int i = 0; i < src.Length; i++)
        {
            float v = src[i];
            dst[i] = v > 0f ? v : slope * v;
        }
    }

    /// <inheritdoc />
    public void LeakyReluBackward(Tensor x, float slope, Tensor dy, Tensor dx)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        TensorShape.RequireSame(x, dy, nameof(dy));
        TensorShape.RequireSame(x, dx, nameof(dx));
        ElementwiseKernels.GatePositive(x.AsSpan(), dy.AsSpan(), dx.AsSpan(), slope);
    }

    /// <inheritdoc />
    public void Sigmoid(Tensor x, Tensor y)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        TensorShape.RequireSame(x, y, nameof(y));
        System.Numerics.Tensors.TensorPrimitives.Sigmoid(x.AsSpan(), y.AsSpan());
    }

    /// <inheritdoc />
    public void SigmoidBackward(Tensor y, Tensor dy, Tensor dx)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        TensorShape.RequireSame(y, dy, nameof(dy));
        TensorShape.RequireSame(y, dx, nameof(dx));
        ElementwiseKernels.SigmoidBackward(y.AsSpan(), dy.AsSpan(), dx.AsSpan());
    }

    /// <inheritdoc />
    public void Tanh(Tensor x, Tensor y)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        TensorShape.RequireSame(x, y, nameof(y));
        System.Numerics.Tensors.TensorPrimitives.Tanh(x.AsSpan(), y.AsSpan());
    }

    /// <inheritdoc />
    public void TanhBackward(Tensor y, Tensor dy, Tensor dx)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        TensorShape.RequireSame(y, dy, nameof(dy));
        TensorShape.RequireSame(y, dx, nameof(dx));
        ElementwiseKernels.TanhBackward(y.AsSpan(), dy.AsSpan(), dx.AsSpan());
    }

    /// <inheritdoc />
    public void Dropout(Tensor x, float probability, RandomGenerator random, Tensor mask, Tensor y)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(random);
        if (probability is < 0f or >= 1f)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The dropout probability must be in [0, 1).");
        }

        TensorShape.RequireSame(x, mask, nameof(mask));
        TensorShape.RequireSame(x, y, nameof(y));
        var m = mask.AsSpan();
        float keptScale = 1f / (1f - probability);
        for (int i = 0; i < m.Length; i++)
        {
            m[i] = random.NextSingle() < probability ? 0f : keptScale;
        }

        System.Numerics.Tensors.TensorPrimitives.Multiply(x.AsSpan(), m, y.AsSpan());
    }

    /// <inheritdoc />
    public void Multiply(Tensor x, Tensor y, Tensor z)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        TensorShape.RequireSame(x, y, nameof(y));
        TensorShape.RequireSame(x, z, nameof(z));
        System.Numerics.Tensors.TensorPrimitives.Multiply(x.AsSpan(), y.AsSpan(), z.AsSpan());
    }

    /// <inheritdoc />
    public double MeanSquaredError(Tensor prediction, Tensor target, Tensor? gradient)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        TensorShape.RequireSame(prediction, target, nameof(target));
        if (gradient is not null)
        {
            TensorShape.RequireSame(prediction, gradient, nameof(gradient));
        }

        return ElementwiseKernels.MeanSquaredError(prediction.AsSpan(), target.AsSpan(), gradient is null ? default : gradient.AsSpan());
    }

    /// <inheritdoc />
    public double BinaryCrossEntropyWithLogits(Tensor logits, Tensor target, Tensor? gradient)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        TensorShape.RequireSame(logits, target, nameof(target));
        if (gradient is not null)
        {
            TensorShape.RequireSame(logits, gradient, nameof(gradient));
        }

        return ElementwiseKernels.BinaryCrossEntropyWithLogits(logits.AsSpan(), target.AsSpan(), gradient is null ? default : gradient.AsSpan());
    }

    /// <inheritdoc />
    public void SgdStep(Tensor parameter, Tensor gradient, Tensor? velocity, in SgdStepSettings settings)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        TensorShape.RequireSame(parameter, gradient, nameof(gradient));
        if (settings.Momentum != 0f)
        {
            ArgumentNullException.ThrowIfNull(velocity);
            TensorShape.RequireSame(parameter, velocity, nameof(velocity));
        }

        if (parameter.Length < ParallelElementThreshold || _pool.ThreadCount == 1)
        {
            ElementwiseKernels.SgdStep(parameter.AsSpan(), gradient.AsSpan(), velocity is null ? default : velocity.AsSpan(), settings);
            return;
        }

        var work = t_sgdWork ??= new SgdWork();
        work.Set(parameter, gradient, velocity, settings, _pool.ThreadCount);
        _pool.Run(work, _pool.ThreadCount);
        work.Clear();
    }

    /// <inheritdoc />
    public void AdamStep(Tensor parameter, Tensor gradient, Tensor firstMoment, Tensor secondMoment, in AdamStepSettings settings)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        TensorShape.RequireSame(parameter, gradient, nameof(gradient));
        TensorShape.RequireSame(parameter, firstMoment, nameof(firstMoment));
        TensorShape.RequireSame(parameter, secondMoment, nameof(secondMoment));
        if (parameter.Length < ParallelElementThreshold || _pool.ThreadCount == 1)
        {
            ElementwiseKernels.AdamStep(parameter.AsSpan(), gradient.AsSpan(), firstMoment.AsSpan(), secondMoment.AsSpan(), settings);
            return;
        }

        var work = t_adamWork ??= new AdamWork();
        work.Set(parameter, gradient, firstMoment, secondMoment, settings, _pool.ThreadCount);
        _pool.Run(work, _pool.ThreadCount);
        work.Clear();
    }

    /// <inheritdoc />
    public void GatherRows(Tensor source, ReadOnlySpan<int> rows, Tensor destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        int sourceRows = source.Size(0);
        int rowLength = source.Length / sourceRows;
        if (destination.Length / destination.Size(0) != rowLength || rows.Length > destination.Size(0))
        {
            throw new ArgumentException(
                $"Cannot gather {rows.Length} rows of {TensorShape.Format(source.Shape)} into {TensorShape.Format(destination.Shape)}.",
                nameof(destination));
        }

        var from = source.AsSpan();
        var to = destination.AsSpan();
        for (int i = 0; i < rows.Length; i++)
        {
            int row = rows[i];
            if ((uint)row >= (uint)sourceRows)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), row, $"Row index {i} is {row}; the source has {sourceRows} rows.");
            }

            from.Slice(row * rowLength, rowLength).CopyTo(to.Slice(i * rowLength, rowLength));
        }
    }

    /// <inheritdoc />
    public void Fill(Tensor tensor, float value)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        tensor.AsSpan().Fill(value);
    }

    /// <inheritdoc />
    public void Copy(Tensor source, Tensor destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (source.Length != destination.Length)
        {
            throw new ArgumentException(
                $"Cannot copy {TensorShape.Format(source.Shape)} ({source.Length} elements) into {TensorShape.Format(destination.Shape)} ({destination.Length} elements).",
                nameof(destination));
        }

        source.AsSpan().CopyTo(destination.AsSpan());
    }

    /// <inheritdoc />
    public void AddScaled(float alpha, Tensor x, Tensor y)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        TensorShape.RequireSame(x, y, nameof(y));
        MultiplyAdd(x.AsSpan(), alpha, y.AsSpan(), y.AsSpan());
    }

    /// <summary>An SGD step over equal slices of a large parameter, one slice per part.</summary>
    private sealed class SgdWork : IParallelWork
    {
        private Tensor? _parameter, _gradient, _velocity;
        private SgdStepSettings _settings;
        private int _parts;

        public void Set(Tensor parameter, Tensor gradient, Tensor? velocity, in SgdStepSettings settings, int parts)
        {
            (_parameter, _gradient, _velocity, _settings, _parts) = (parameter, gradient, velocity, settings, parts);
        }

        public void Clear() => _parameter = _gradient = _velocity = null;

        public void Execute(int part)
        {
            var (start, end) = Slice(_parameter!.Length, part, _parts);
            ElementwiseKernels.SgdStep(
                _parameter.AsSpan()[start..end], _gradient!.AsSpan()[start..end],
                _velocity is null ? default : _velocity.AsSpan()[start..end], _settings);
        }
    }

    /// <summary>
    /// The slice [start, end) of <paramref name="length"/> elements for <paramref name="part"/> of <paramref name="parts"/>.
    /// Slices start on multiples of 64 elements so that every vector lane sees the same arithmetic whatever the number of parts.
    /// </summary>
    private static (int Start, int End) Slice(int length, int part, int parts)
    {
        int start = (int)((long)length * part / parts) & ~63;
        int end = part == parts - 1 ? length : (int)((long)length * (part + 1) / parts) & ~63;
        return (start, end);
    }

    /// <summary>An Adam step over equal slices of a large parameter, one slice per part.</summary>
    private sealed class AdamWork : IParallelWork
    {
        private Tensor? _parameter, _gradient, _m, _v;
        private AdamStepSettings _settings;
        private int _parts;

        public void Set(Tensor parameter, Tensor gradient, Tensor m, Tensor v, in AdamStepSettings settings, int parts)
        {
            (_parameter, _gradient, _m, _v, _settings, _parts) = (parameter, gradient, m, v, settings, parts);
        }

        public void Clear() => _parameter = _gradient = _m = _v = null;

        public void Execute(int part)
        {
            var (start, end) = Slice(_parameter!.Length, part, _parts);
            ElementwiseKernels.AdamStep(
                _parameter.AsSpan()[start..end], _gradient!.AsSpan()[start..end],
                _m!.AsSpan()[start..end], _v!.AsSpan()[start..end], _settings);
        }
    }
}
