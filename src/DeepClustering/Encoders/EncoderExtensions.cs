using DeepClustering.Tensors;

namespace DeepClustering.Encoders;

/// <summary>Operations every encoder supports through <see cref="IEncoder"/>.</summary>
public static class EncoderExtensions
{
    /// <summary>Mini-batch size used to embed a whole data set (memory only; results do not depend on it).</summary>
    public const int DefaultEmbeddingBatchSize = 256;

    /// <summary>
    /// Embeds every input row in evaluation mode (dropout off), in mini-batches, and returns the embeddings as a
    /// row-major n × EmbeddingDimension array. The encoder's training mode is restored afterwards.
    /// </summary>
    public static float[] Embed(this IEncoder encoder, Tensor inputs, int batchSize = DefaultEmbeddingBatchSize)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        RequireInputShape(encoder, inputs, nameof(inputs));
        int rows = inputs.Size(0);
        int width = encoder.EmbeddingDimension;
        var embeddings = new float[(long)rows * width];
        bool wasTraining = encoder.Encoder.IsTraining;
        encoder.Encoder.Eval();
        try
        {
            int size = Math.Min(batchSize, rows);
            var shape = inputs.Shape.ToArray();
            shape[0] = size;
            var batch = new Tensor(encoder.Backend, shape);
            var indices = new int[size];
            for (int start = 0; start < rows; start += size)
            {
                int count = Math.Min(size, rows - start);
                for (int i = 0; i < count; i++)
                {
                    indices[i] = start + i;
                }

                shape[0] = count;
                batch.Resize(shape);
                encoder.Backend.GatherRows(inputs, indices.AsSpan(0, count), batch);
                var z = encoder.Encoder.Forward(batch);
                if (z.Rank != 2 || z.Size(1) != width)
                {
                    throw new InvalidOperationException(
                        $"Encoder '{encoder.Name}' returned {TensorShape.Format(z.Shape)}; expected [{count}, {width}].");
                }

                z.AsSpan().CopyTo(embeddings.AsSpan(start * width, count * width));
            }
        }
        finally
        {
            encoder.Encoder.Train(wasTraining);
        }

        return embeddings;
    }

    /// <summary>Throws when <paramref name="inputs"/> is not [n, InputShape…].</summary>
    public static void RequireInputShape(this IEncoder encoder, Tensor inputs, string argumentName)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(inputs, argumentName);
        var expected = encoder.InputShape;
        bool matches = inputs.Rank == expected.Count + 1;
        for (int i = 0; matches && i < expected.Count; i++)
        {
            matches = inputs.Size(i + 1) == expected[i];
        }

        if (!matches)
        {
            throw new ArgumentException(
                $"Encoder '{encoder.Name}' takes inputs [n, {string.Join(", ", expected)}] but got {TensorShape.Format(inputs.Shape)}.",
                argumentName);
        }
    }
}
