using System.Numerics;
using System.Runtime.InteropServices;
using static System.Numerics.Tensors.TensorPrimitives;

namespace DeepClustering.Tensors.Backends.Cpu.Kernels;

/// <summary>Vectorised element-wise kernels that System.Numerics.Tensors does not provide directly.</summary>
internal static class ElementwiseKernels
{
    /// <summary>sums[j] (+)= Σ_i matrix[i, j] for a row-major rows×columns matrix.</summary>
    public static void SumRows(float[] matrix, int rows, int columns, float[] sums, bool accumulate)
    {
        var total = sums.AsSpan(0, columns);
        if (!accumulate)
        {
            total.Clear();
        }

        for (int i = 0; i < rows; i++)
        {
            Add(total, matrix.AsSpan(i * columns, columns), total);
        }
    }

    /// <summary>dx = gate &gt; 0 ? dy : slope·dy.</summary>
    public static void GatePositive(ReadOnlySpan<float> gate, ReadOnlySpan<float> dy, Span<float> dx, float slope)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var g = MemoryMarshal.Cast<float, Vector<float>>(gate);
            var d = MemoryMarshal.Cast<float, Vector<float>>(dy);
            var o = MemoryMarshal.Cast<float, Vector<float>>(dx);
            var s = new Vector<float>(slope);
            for (int v = 0; v < g.Length; v++)
            {
                o[v] = Vector.ConditionalSelect(Vector.GreaterThan(g[v], Vector<float>.Zero), d[v], d[v] * s);
            }

            i = g.Length * Vector<float>.Count;
        }

        for (; i < gate.Length; i++)
        {
            dx[i] = gate[i] > 0f ? dy[i] : slope * dy[i];
        }
    }

    /// <summary>dx = dy · y · (1 − y).</summary>
    public static void SigmoidBackward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var yv = MemoryMarshal.Cast<float, Vector<float>>(y);
            var d = MemoryMarshal.Cast<float, Vector<float>>(dy);
            var o = MemoryMarshal.Cast<float, Vector<float>>(dx);
            for (int v = 0; v < yv.Length; v++)
            {
                o[v] = d[v] * yv[v] * (Vector<float>.One - yv[v]);
            }

            i = yv.Length * Vector<float>.Count;
        }

        for (; i < y.Length; i++)
        {
            dx[i] = dy[i] * y[i] * (1f - y[i]);
        }
    }

    /// <summary>dx = dy · (1 − y²).</summary>
    public static void TanhBackward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var yv = MemoryMarshal.Cast<float, Vector<float>>(y);
            var d = MemoryMarshal.Cast<float, Vector<float>>(dy);
            var o = MemoryMarshal.Cast<float, Vector<float>>(dx);
            for (int v = 0; v < yv.Length; v++)
            {
                o[v] = d[v] * (Vector<float>.One - yv[v] * yv[v]);
            }

            i = yv.Length * Vector<float>.Count;
        }

        for (; i < y.Length; i++)
        {
            dx[i] = dy[i] * (1f - y[i] * y[i]);
        }
    }

    /// <summary>Mean of (p − t)²; writes 2(p − t)/count into gradient when given.</summary>
    public static double MeanSquaredError(ReadOnlySpan<float> prediction, ReadOnlySpan<float> target, Span<float> gradient)
    {
        int count = prediction.Length;
        double sum = 0;
        const int Block = 4096;
        Span<float> difference = stackalloc float[Block];
        for (int start = 0; start < count; start += Block)
        {
            int length = Math.Min(Block, count - start);
            var d = difference[..length];
            Subtract(prediction.Slice(start, length), target.Slice(start, length), d);
            sum += SumOfSquares(d);
            if (!gradient.IsEmpty)
            {
                Multiply(d, 2f / count, gradient.Slice(start, length));
            }
        }

        return sum / count;
    }

    /// <summary>Mean of max(x, 0) − x·t + log(1 + exp(−|x|)); writes (σ(x) − t)/count into gradient when given.</summary>
    public static double BinaryCrossEntropyWithLogits(ReadOnlySpan<float> logits, ReadOnlySpan<float> target, Span<float> gradient)
    {
        int count = logits.Length;
        double sum = 0;
        float scale = 1f / count;
        for (int i = 0; i < count; i++)
        {
            float x = logits[i];
            float t = target[i];
            float e = MathF.Exp(-MathF.Abs(x));
            sum += MathF.Max(x, 0f) - x * t + MathF.Log(1f + e);
            if (!gradient.IsEmpty)
            {
                // σ(x) written so that exp never overflows: for x ≥ 0, 1/(1+e); for x < 0, e/(1+e).
                float sigmoid = x >= 0f ? 1f / (1f + e) : e / (1f + e);
                gradient[i] = (sigmoid - t) * scale;
            }
        }

        return sum / count;
    }

    /// <summary>One Adam step on a slice, as torch.optim.Adam(W) computes it.</summary>
    public static void AdamStep(Span<float> parameter, ReadOnlySpan<float> gradient, Span<float> m, Span<float> v, in AdamStepSettings s)
    {
        float beta1 = s.Beta1, beta2 = s.Beta2;
        float biasCorrection1 = 1f - MathF.Pow(beta1, s.Step);
        float biasCorrection2Sqrt = MathF.Sqrt(1f - MathF.Pow(beta2, s.Step));
        float stepSize = s.LearningRate / biasCorrection1;
        float coupledDecay = s.Decoupled ? 0f : s.WeightDecay;
        float parameterScale = s.Decoupled ? 1f - s.LearningRate * s.WeightDecay : 1f;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var p = MemoryMarshal.Cast<float, Vector<float>>(parameter);
            var g = MemoryMarshal.Cast<float, Vector<float>>(gradient);
            var mv = MemoryMarshal.Cast<float, Vector<float>>(m);
            var vv = MemoryMarshal.Cast<float, Vector<float>>(v);
            var b1 = new Vector<float>(beta1);
            var oneMinusB1 = new Vector<float>(1f - beta1);
            var b2 = new Vector<float>(beta2);
            var oneMinusB2 = new Vector<float>(1f - beta2);
            var decay = new Vector<float>(coupledDecay);
            var scale = new Vector<float>(parameterScale);
            var bc2 = new Vector<float>(biasCorrection2Sqrt);
            var eps = new Vector<float>(s.Epsilon);
            var step = new Vector<float>(stepSize);
            for (int k = 0; k < p.Length; k++)
            {
                var gk = g[k] + decay * p[k];
                var mk = b1 * mv[k] + oneMinusB1 * gk;
                var vk = b2 * vv[k] + oneMinusB2 * gk * gk;
                mv[k] = mk;
                vv[k] = vk;
                p[k] = p[k] * scale - step * mk / (Vector.SquareRoot(vk) / bc2 + eps);
            }

            i = p.Length * Vector<float>.Count;
        }

        for (; i < parameter.Length; i++)
        {
            float gi = gradient[i] + coupledDecay * parameter[i];
            m[i] = beta1 * m[i] + (1f - beta1) * gi;
            v[i] = beta2 * v[i] + (1f - beta2) * gi * gi;
            parameter[i] = parameter[i] * parameterScale - stepSize * m[i] / (MathF.Sqrt(v[i]) / biasCorrection2Sqrt + s.Epsilon);
        }
    }

    /// <summary>
    /// One SGD step on a slice, as torch.optim.SGD computes it (dampening 0). The vector loop and the scalar tail do
    /// the same operations in the same order, so every element gets the same value whichever path it takes.
    /// </summary>
    public static void SgdStep(Span<float> parameter, ReadOnlySpan<float> gradient, Span<float> velocity, in SgdStepSettings s)
    {
        float learningRate = s.LearningRate, momentum = s.Momentum, decay = s.WeightDecay;
        bool useMomentum = momentum != 0f, firstStep = s.FirstStep, nesterov = s.Nesterov;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var p = MemoryMarshal.Cast<float, Vector<float>>(parameter);
            var g = MemoryMarshal.Cast<float, Vector<float>>(gradient);
            var b = useMomentum ? MemoryMarshal.Cast<float, Vector<float>>(velocity) : default;
            var rate = new Vector<float>(learningRate);
            var mu = new Vector<float>(momentum);
            var lambda = new Vector<float>(decay);
            for (int k = 0; k < p.Length; k++)
            {
                var gk = g[k] + lambda * p[k];
                if (useMomentum)
                {
                    var buffer = firstStep ? gk : mu * b[k] + gk;
                    b[k] = buffer;
                    gk = nesterov ? gk + mu * buffer : buffer;
                }

                p[k] -= rate * gk;
            }

            i = p.Length * Vector<float>.Count;
        }

        for (; i < parameter.Length; i++)
        {
            float gi = gradient[i] + decay * parameter[i];
            if (useMomentum)
            {
                float buffer = firstStep ? gi : momentum * velocity[i] + gi;
                velocity[i] = buffer;
                gi = nesterov ? gi + momentum * buffer : buffer;
            }

            parameter[i] -= learningRate * gi;
        }
    }
}
